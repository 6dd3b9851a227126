import type { PrismaClient } from '../../generated/prisma/client';
import { badUserInput, conflict, notFound } from '../../lib/errors';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { auditedItem, auditUpdated } from './audit-values';
import type { CreateDeedItemInput, UpdateDeedItemInput } from './item-inputs';
import { lockItem, requireLiveItem } from './item-state';
import { limitExceeded } from '../../lib/limits';
import { MAX_LEVEL, MAX_LIVE_ITEMS_PER_DEED } from './limits';
import { nameAndDescriptionChanges, optionalText, trimmedText } from '../../lib/text';
import { placeAt } from './tree';
import { countLiveItems, lockDeed, liveSiblingIds, writeSiblingOrder } from './tree-writes';
import type { DeedItemRecord, DeedRecord } from './types';

/** What item mutations return: the item and the rows whose lists changed with it. */
export interface ItemChange {
  deedItem: DeedItemRecord;
  parent: DeedItemRecord | null;
  deed: DeedRecord;
}

/** Deed items: lookup, and the owner's create/update/delete/restore (moves: ItemMoveService). */
export class DeedItemService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  /** An item the viewer may see, else NOT_FOUND. */
  async byId(actor: Actor, id: bigint): Promise<DeedItemRecord> {
    // The item with its chain and deed in one statement; handed to the authority, its access
    // check needs no statement of its own (a grantee's still reads their grants).
    const chain = await actor.loaders.itemChains.load(id);
    if (!chain) throw notFound('Deed item');
    actor.authority.primeItemTree(chain.deed, [...chain.ancestors, chain.item]);
    if (!(await actor.authority.itemAccess(id))) throw notFound('Deed item');
    return chain.item;
  }

  async create(actor: Actor, input: CreateDeedItemInput): Promise<ItemChange> {
    await actor.authority.requireOwnedDeed(input.deedId);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parentAccess = await actor.authority.itemAccess(parentId);
      if (!parentAccess) throw notFound('Deed item');
      if (parentAccess.deedId !== input.deedId) {
        throw badUserInput('The parent must be in the same deed', {
          fieldErrors: [{ path: ['input', 'parentId'], message: 'The parent must be in the same deed', constraint: 'sameDeed' }],
        });
      }
    }
    const change = await this.prisma.$transaction(async (tx) => {
      const deed = await lockDeed(tx, input.deedId);
      if (!deed) throw notFound('Deed');
      if (deed.deletedAt) throw conflict('The deed is deleted; restore it first');
      let parent: DeedItemRecord | null = null;
      if (parentId !== null) {
        parent = await tx.deedItem.findUniqueOrThrow({ where: { id: parentId } });
        await requireLiveItem(tx, parent, 'The parent item');
        if (parent.level >= MAX_LEVEL) {
          throw badUserInput(`Items can be nested at most ${MAX_LEVEL} levels deep`, {
            reason: 'DEPTH',
            fieldErrors: [{ path: ['input', 'parentId'], message: `The parent is at level ${MAX_LEVEL}`, constraint: 'maxDepth' }],
          });
        }
      }
      if ((await countLiveItems(tx, deed.id)) >= MAX_LIVE_ITEMS_PER_DEED) {
        throw limitExceeded(`A deed can have at most ${MAX_LIVE_ITEMS_PER_DEED} items`);
      }
      const siblings = await liveSiblingIds(tx, deed.id, parentId);
      const created = await tx.deedItem.create({
        data: {
          deedId: deed.id,
          parentId,
          name: trimmedText(input.name),
          description: optionalText(input.description) ?? null,
          level: parent ? parent.level + 1 : 1,
          displayOrder: siblings.length,
        },
      });
      await writeSiblingOrder(tx, placeAt(siblings, created.id, input.displayOrder));
      const deedItem = await tx.deedItem.findUniqueOrThrow({ where: { id: created.id } });
      await writeAudit(tx, actor.origin, {
        action: 'CREATED',
        entityType: 'DEED_ITEM',
        entityId: deedItem.id,
        actorId: actor.viewerId,
        newValues: auditedItem(deedItem),
      });
      return { deedItem, parent, deed };
    });
    await this.afterWrite.forget(actor, { deeds: true });
    return change;
  }

  async update(actor: Actor, input: UpdateDeedItemInput): Promise<DeedItemRecord> {
    const access = await actor.authority.requireOwnedItem(input.id);
    const updated = await this.prisma.$transaction(async (tx) => {
      const { item: before } = await lockItem(tx, access.deedId, input.id);
      await requireLiveItem(tx, before);
      await tx.deedItem.update({
        where: { id: before.id },
        data: nameAndDescriptionChanges(input),
      });
      if (input.displayOrder != null) {
        const siblings = await liveSiblingIds(tx, before.deedId, before.parentId);
        await writeSiblingOrder(tx, placeAt(siblings, before.id, input.displayOrder));
      }
      const after = await tx.deedItem.findUniqueOrThrow({ where: { id: before.id } });
      await auditUpdated(tx, actor, { type: 'DEED_ITEM', id: after.id }, auditedItem(before), auditedItem(after));
      return after;
    });
    await this.afterWrite.forget(actor, { deeds: true });
    return updated;
  }

  /**
   * Soft delete (the subtree is hidden with it); the remaining siblings close the gap.
   * An item deleted itself: no-op. A live item under a deleted ancestor or deed: CONFLICT.
   */
  async delete(actor: Actor, id: bigint): Promise<ItemChange> {
    const access = await actor.authority.requireOwnedItem(id);
    const change = await this.prisma.$transaction(async (tx) => {
      const { deed, item } = await lockItem(tx, access.deedId, id);
      const parent = item.parentId === null ? null : await tx.deedItem.findUniqueOrThrow({ where: { id: item.parentId } });
      if (item.deletedAt) return { deedItem: item, parent, deed };
      await requireLiveItem(tx, item);
      const deedItem = await tx.deedItem.update({ where: { id }, data: { deletedAt: new Date() } });
      await writeSiblingOrder(tx, await liveSiblingIds(tx, item.deedId, item.parentId));
      await writeAudit(tx, actor.origin, {
        action: 'DELETED',
        entityType: 'DEED_ITEM',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: null },
        newValues: { deletedAt: deedItem.deletedAt },
      });
      return { deedItem, parent, deed };
    });
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: [actor.viewerId] });
    return change;
  }

  /**
   * Clears deletedAt and puts the item back at its old position; what was under it and not
   * deleted on its own reappears. Needs a live chain above (CONFLICT otherwise: restore the
   * parent first); restoring a live item is a no-op.
   */
  async restore(actor: Actor, id: bigint): Promise<ItemChange> {
    const access = await actor.authority.requireOwnedItem(id);
    const change = await this.prisma.$transaction(async (tx) => {
      const { deed, item } = await lockItem(tx, access.deedId, id);
      const parent = item.parentId === null ? null : await tx.deedItem.findUniqueOrThrow({ where: { id: item.parentId } });
      if (deed.deletedAt) throw conflict('The deed is deleted; restore the deed first');
      if (parent) await requireLiveItem(tx, parent, 'The parent item');
      if (!item.deletedAt) return { deedItem: item, parent, deed };
      if ((await countLiveItems(tx, deed.id)) >= MAX_LIVE_ITEMS_PER_DEED) {
        throw limitExceeded(`A deed can have at most ${MAX_LIVE_ITEMS_PER_DEED} items`);
      }
      const siblings = await liveSiblingIds(tx, item.deedId, item.parentId);
      await tx.deedItem.update({ where: { id }, data: { deletedAt: null } });
      await writeSiblingOrder(tx, placeAt(siblings, id, item.displayOrder));
      await writeAudit(tx, actor.origin, {
        action: 'RESTORED',
        entityType: 'DEED_ITEM',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: item.deletedAt },
        newValues: { deletedAt: null },
      });
      return { deedItem: await tx.deedItem.findUniqueOrThrow({ where: { id } }), parent, deed };
    });
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: [actor.viewerId] });
    return change;
  }
}
