import type { PrismaClient } from '../../generated/prisma/client';
import { badUserInput, notFound } from '../../lib/errors';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import type { MoveDeedItemInput } from './item-inputs';
import { lockItem, requireLiveItem } from './item-state';
import { MAX_LEVEL } from './limits';
import { placeAt, preorder } from './tree';
import { liveSiblingIds, reparentSubtree, subtreeBelow, writeSiblingOrder } from './tree-writes';
import type { DeedItemRecord, DeedRecord } from './types';

export interface ItemMove {
  deedItem: DeedItemRecord;
  movedDescendants: DeedItemRecord[];
  oldParent: DeedItemRecord | null;
  newParent: DeedItemRecord | null;
  deed: DeedRecord;
}

const NEW_PARENT_PATH = ['input', 'newParentId'];

function cycle(): Error {
  const message = 'An item cannot move under itself or one of its descendants';
  return badUserInput(message, { reason: 'CYCLE', fieldErrors: [{ path: NEW_PARENT_PATH, message, constraint: 'cycle' }] });
}

/**
 * Re-parents an item with its subtree inside its deed, in one transaction: cycle and depth
 * checks on the locked state, one statement for the subtree's levels, both sibling lists
 * renumbered. Moving within the same parent just changes the position.
 */
export class ItemMoveService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  async move(actor: Actor, input: MoveDeedItemInput): Promise<ItemMove> {
    const access = await actor.authority.requireOwnedItem(input.id);
    const newParentId = input.newParentId ?? null;
    if (newParentId !== null) {
      const parentAccess = await actor.authority.itemAccess(newParentId);
      if (!parentAccess) throw notFound('Deed item');
      if (parentAccess.deedId !== access.deedId) {
        const message = 'Items cannot move to another deed';
        throw badUserInput(message, { fieldErrors: [{ path: NEW_PARENT_PATH, message, constraint: 'sameDeed' }] });
      }
      if (newParentId === input.id) throw cycle();
    }

    const moved = await this.prisma.$transaction(async (tx) => {
      const { deed, item: before } = await lockItem(tx, access.deedId, input.id);
      await requireLiveItem(tx, before);
      const newParent = newParentId === null ? null : await tx.deedItem.findUniqueOrThrow({ where: { id: newParentId } });
      if (newParent) await requireLiveItem(tx, newParent, 'The new parent');

      const subtree = await subtreeBelow(tx, before.id);
      if (newParentId !== null && subtree.some((row) => row.id === newParentId)) throw cycle();
      const level = newParent ? newParent.level + 1 : 1;
      const height = Math.max(0, ...subtree.map((row) => row.depth));
      if (level + height > MAX_LEVEL) {
        const message = `The move would put items below level ${MAX_LEVEL}`;
        throw badUserInput(message, { reason: 'DEPTH', fieldErrors: [{ path: NEW_PARENT_PATH, message, constraint: 'maxDepth' }] });
      }

      if (before.parentId !== newParentId) {
        await reparentSubtree(tx, before.id, newParentId, level);
        await writeSiblingOrder(tx, await liveSiblingIds(tx, before.deedId, before.parentId));
      }
      const siblings = await liveSiblingIds(tx, before.deedId, newParentId);
      await writeSiblingOrder(tx, placeAt(siblings, before.id, input.displayOrder));

      const deedItem = await tx.deedItem.findUniqueOrThrow({ where: { id: before.id } });
      const descendants = await tx.deedItem.findMany({ where: { id: { in: subtree.map((row) => row.id) } } });
      const oldParent = before.parentId === null ? null : await tx.deedItem.findUniqueOrThrow({ where: { id: before.parentId } });
      // A move is audited with the whole position before and after, changed or not.
      const position = ({ parentId, level, displayOrder }: DeedItemRecord) => ({ parentId, level, displayOrder });
      await writeAudit(tx, actor.origin, {
        action: 'UPDATED',
        entityType: 'DEED_ITEM',
        entityId: deedItem.id,
        actorId: actor.viewerId,
        oldValues: position(before),
        newValues: { ...position(deedItem), movedDescendants: descendants.length },
      });
      return {
        deedItem,
        movedDescendants: preorder(descendants, deedItem.id).map((visit) => visit.item),
        oldParent,
        newParent,
        deed,
      };
    });
    // A move changes which items a grant covers.
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: [actor.viewerId] });
    return moved;
  }
}
