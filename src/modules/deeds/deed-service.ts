import type { PrismaClient } from '../../generated/prisma/client';
import { conflict, invalidField, notFound } from '../../lib/errors';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { auditedDeed, auditUpdated } from './audit-values';
import type { CreateDeedInput, DeedFilter, UpdateDeedInput } from './deed-inputs';
import { limitExceeded } from '../../lib/limits';
import { MAX_DELETED_ROWS_LISTED, MAX_LIVE_DEEDS_PER_USER } from './limits';
import { insertScaleVersion, scaleValueSpecs } from './scale-versions';
import { nameAndDescriptionChanges, optionalText, trimmedText } from '../../lib/text';
import { placeAt } from './tree';
import { liveDeedIds, lockDeedList, writeDeedOrder } from './tree-writes';
import type { DeedRecord } from './types';

/** Deeds: the viewer's list, lookups, and the owner's create/update/delete/restore. */
export class DeedService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  /**
   * The viewer's own deeds, or another user's deeds holding an item the viewer can read.
   * For another user with nothing readable (or no such user) the list is empty: the
   * contract's list type has no error case, and an empty list reveals nothing.
   */
  async list(actor: Actor, filter: DeedFilter | null | undefined): Promise<DeedRecord[]> {
    const ownerId = filter?.ownerId ?? actor.viewerId;
    const own = ownerId === actor.viewerId;
    if (!own && !(await actor.authority.canReadSomethingOf(ownerId))) return [];
    const where = {
      userId: ownerId,
      ...(filter?.category ? { category: filter.category } : {}),
      ...(typeof filter?.isActive === 'boolean' ? { isActive: filter.isActive } : {}),
    };
    const orderBy = [{ displayOrder: 'asc' as const }, { id: 'asc' as const }];
    const live = this.prisma.deed.findMany({ where: { ...where, deletedAt: null }, orderBy });
    // Live deeds are capped; deleted ones are not, so only the most recently deleted are listed.
    const deleted =
      own && filter?.includeDeleted
        ? this.prisma.deed.findMany({
            where: { ...where, deletedAt: { not: null } },
            orderBy: [{ deletedAt: 'desc' }, { id: 'desc' }],
            take: MAX_DELETED_ROWS_LISTED,
          })
        : [];
    const rows = [...(await live), ...(await deleted)].sort(
      (a, b) => a.displayOrder - b.displayOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const row of rows) actor.loaders.deeds.prime(row.id, row);
    if (own) return rows;
    actor.authority.primeDeeds(rows);
    const access = await Promise.all(rows.map((row) => actor.authority.deedAccess(row.id)));
    return rows.filter((_, i) => access[i] !== null);
  }

  /** A deed the viewer may see, else NOT_FOUND (missing and invisible look the same). */
  async byId(actor: Actor, id: bigint): Promise<DeedRecord> {
    const deed = (await actor.authority.deedAccess(id)) && (await actor.loaders.deeds.load(id));
    if (!deed) throw notFound('Deed');
    return deed;
  }

  async create(actor: Actor, input: CreateDeedInput): Promise<DeedRecord> {
    const scaleValues = input.initialScaleValues ? scaleValueSpecs(input.initialScaleValues, ['input', 'initialScaleValues']) : null;
    if (scaleValues && input.measureType !== 'SCALE') {
      throw invalidField(['input', 'initialScaleValues'], 'Only SCALE deeds have scale values', 'measureType');
    }
    const deed = await this.prisma.$transaction(async (tx) => {
      await lockDeedList(tx, actor.viewerId);
      const live = await liveDeedIds(tx, actor.viewerId);
      if (live.length >= MAX_LIVE_DEEDS_PER_USER) {
        throw limitExceeded(`A user can have at most ${MAX_LIVE_DEEDS_PER_USER} live deeds`);
      }
      const created = await tx.deed.create({
        data: {
          userId: actor.viewerId,
          name: trimmedText(input.name),
          description: optionalText(input.description) ?? null,
          category: input.category,
          measureType: input.measureType,
          displayOrder: live.length,
        },
      });
      await writeDeedOrder(tx, placeAt(live, created.id, input.displayOrder));
      const deed = await tx.deed.findUniqueOrThrow({ where: { id: created.id } });
      await writeAudit(tx, actor.origin, {
        action: 'CREATED',
        entityType: 'DEED',
        entityId: deed.id,
        actorId: actor.viewerId,
        newValues: auditedDeed(deed),
      });
      if (scaleValues) {
        await insertScaleVersion(tx, actor.origin, actor.viewerId, deed.id, { name: null, values: scaleValues, activate: true });
      }
      return deed;
    });
    await this.afterWrite.forget(actor, { deeds: true });
    return deed;
  }

  async update(actor: Actor, input: UpdateDeedInput): Promise<DeedRecord> {
    await actor.authority.requireOwnedDeed(input.id);
    const deed = await this.prisma.$transaction(async (tx) => {
      await lockDeedList(tx, actor.viewerId);
      const before = await tx.deed.findUniqueOrThrow({ where: { id: input.id } });
      if (before.deletedAt) throw conflict('The deed is deleted; restore it first');
      await tx.deed.update({
        where: { id: input.id },
        data: {
          ...nameAndDescriptionChanges(input),
          ...(input.category != null ? { category: input.category } : {}),
          ...(input.isActive != null ? { isActive: input.isActive } : {}),
        },
      });
      if (input.displayOrder != null) {
        await writeDeedOrder(tx, placeAt(await liveDeedIds(tx, actor.viewerId), input.id, input.displayOrder));
      }
      const after = await tx.deed.findUniqueOrThrow({ where: { id: input.id } });
      await auditUpdated(tx, actor, { type: 'DEED', id: after.id }, auditedDeed(before), auditedDeed(after));
      return after;
    });
    // Entries are grouped by their deed's current category.
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: input.category != null ? [actor.viewerId] : [] });
    return deed;
  }

  /** Soft delete; deleting a deleted deed is a no-op returning it. */
  async delete(actor: Actor, id: bigint): Promise<DeedRecord> {
    await actor.authority.requireOwnedDeed(id);
    const deed = await this.prisma.$transaction(async (tx) => {
      await lockDeedList(tx, actor.viewerId);
      const before = await tx.deed.findUniqueOrThrow({ where: { id } });
      if (before.deletedAt) return before;
      const deleted = await tx.deed.update({ where: { id }, data: { deletedAt: new Date() } });
      await writeDeedOrder(tx, await liveDeedIds(tx, actor.viewerId));
      await writeAudit(tx, actor.origin, {
        action: 'DELETED',
        entityType: 'DEED',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: null },
        newValues: { deletedAt: deleted.deletedAt },
      });
      return deleted;
    });
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: [actor.viewerId] });
    return deed;
  }

  /** Clears deletedAt and puts the deed back at its old position; restoring a live deed is a no-op. */
  async restore(actor: Actor, id: bigint): Promise<DeedRecord> {
    await actor.authority.requireOwnedDeed(id);
    const deed = await this.prisma.$transaction(async (tx) => {
      await lockDeedList(tx, actor.viewerId);
      const before = await tx.deed.findUniqueOrThrow({ where: { id } });
      if (!before.deletedAt) return before;
      const live = await liveDeedIds(tx, actor.viewerId);
      if (live.length >= MAX_LIVE_DEEDS_PER_USER) {
        throw limitExceeded(`A user can have at most ${MAX_LIVE_DEEDS_PER_USER} live deeds`);
      }
      await tx.deed.update({ where: { id }, data: { deletedAt: null } });
      await writeDeedOrder(tx, placeAt(live, id, before.displayOrder));
      await writeAudit(tx, actor.origin, {
        action: 'RESTORED',
        entityType: 'DEED',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: before.deletedAt },
        newValues: { deletedAt: null },
      });
      return tx.deed.findUniqueOrThrow({ where: { id } });
    });
    await this.afterWrite.forget(actor, { deeds: true, dashboardsOf: [actor.viewerId] });
    return deed;
  }
}

