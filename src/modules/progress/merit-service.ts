import type { PrismaClient } from '../../generated/prisma/client';
import { conflict, notFound } from '../../lib/errors';
import { dateColumnValue, todayIn } from '../../lib/local-dates';
import { writeAudit } from '../audit/audit-log';
import { changedFields } from '../../lib/changed-fields';
import { limitExceeded } from '../../lib/limits';
import { optionalText, trimmedText } from '../../lib/text';
import { forgetGoalState, trigger, type ProgressActor } from './actor';
import { completeFinishedGoals } from './completion';
import { CompletionLogic } from './enums';
import { auditedItems, checkGoalItems, meritItemTable, replaceItems } from './goal-items';
import { auditedMerit, checkMeritWindow, lockGoalOwner } from './goal-rules';
import { goalStatus, localDateOf, meritWindow } from './goal-state';
import type { GoalEvents } from './goal-events';
import { MAX_LIVE_MERITS_PER_USER } from './limits';
import type { CreateMeritInput, MeritFilter, UpdateMeritInput } from './merit-inputs';
import type { MeritRecord } from './types';

/**
 * Merits (CONTRACT.md section 6): private to their owner, so another user's id is NOT_FOUND.
 * A merit on a deleted deed is effectively deleted: left out of lists (unless
 * includeDeleted) and refused for updates (CONFLICT).
 */
export class MeritService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly goalEvents: GoalEvents,
  ) {}

  /** The viewer's merits, newest first. */
  async list(actor: ProgressActor, filter: MeritFilter | null | undefined): Promise<MeritRecord[]> {
    const rows = await this.prisma.merit.findMany({
      where: {
        userId: actor.viewerId,
        ...(filter?.deedId ? { deedId: filter.deedId } : {}),
        ...(filter?.includeDeleted ? {} : { deletedAt: null, deed: { deletedAt: null } }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    for (const row of rows) actor.loaders.merits.prime(row.id, row);
    const statuses = filter?.statuses;
    if (!statuses?.length) return rows;
    const today = todayIn(actor.timezone);
    return rows.filter((row) => statuses.includes(goalStatus(row, meritWindow(row), today)));
  }

  /** One of the viewer's merits (deleted ones included), else NOT_FOUND. */
  async byId(actor: ProgressActor, id: bigint): Promise<MeritRecord> {
    const merit = await actor.loaders.merits.load(id);
    if (!merit || merit.userId !== actor.viewerId) throw notFound('Merit');
    return merit;
  }

  async create(actor: ProgressActor, input: CreateMeritInput): Promise<MeritRecord> {
    const deed = await actor.authority.requireOwnedDeed(input.deedId);
    if (deed.deleted) throw conflict('The deed is deleted; restore it first');
    const startDate = input.startDate ?? todayIn(actor.timezone);
    const durationDays = input.durationDays ?? null;
    checkMeritWindow(startDate, durationDays, ['input', 'durationDays']);
    const items = await checkGoalItems(actor, input.items, {
      path: ['input', 'items'],
      deedId: input.deedId,
      existingIds: null,
      goal: 'merit',
    });

    const { merit, completed } = await this.prisma.$transaction(async (tx) => {
      await lockGoalOwner(tx, actor.viewerId);
      const live = await tx.merit.count({ where: { userId: actor.viewerId, deletedAt: null, deed: { deletedAt: null } } });
      if (live >= MAX_LIVE_MERITS_PER_USER) {
        throw limitExceeded(`A user can have at most ${MAX_LIVE_MERITS_PER_USER} live merits`);
      }
      const created = await tx.merit.create({
        data: {
          userId: actor.viewerId,
          deedId: input.deedId,
          name: trimmedText(input.name),
          description: optionalText(input.description) ?? null,
          completionLogic: input.completionLogic ?? CompletionLogic.ALL,
          startDate: dateColumnValue(startDate),
          durationDays,
        },
      });
      await meritItemTable(tx, created.id).add(items);
      const stored = await tx.meritItem.findMany({ where: { meritId: created.id }, orderBy: { id: 'asc' } });
      await writeAudit(tx, actor.origin, {
        action: 'CREATED',
        entityType: 'MERIT',
        entityId: created.id,
        actorId: actor.viewerId,
        newValues: { ...auditedMerit(created), items: auditedItems(stored) },
      });
      const completed = await completeFinishedGoals(tx, { meritIds: [created.id], targetIds: [] }, trigger(actor));
      return { merit: completed.merits[0] ?? created, completed };
    });
    forgetGoalState(actor.loaders);
    await this.goalEvents.meritsCompleted(completed.merits);
    return merit;
  }

  /**
   * Omitted fields stay, `items` replaces the set. Changing the items, the window or the
   * logic clears completedAt; then completion is checked again (also on resume).
   */
  async update(actor: ProgressActor, input: UpdateMeritInput): Promise<{ merit: MeritRecord; removedItemIds: bigint[] }> {
    const current = await this.byId(actor, input.id);
    const startDate = input.startDate ?? localDateOf(current.startDate);
    const durationDays = input.durationDays === undefined ? current.durationDays : input.durationDays;
    checkMeritWindow(startDate, durationDays, ['input', input.durationDays === undefined ? 'startDate' : 'durationDays']);
    const existing = await actor.loaders.meritItemsByMerit.load(current.id);
    const items = input.items
      ? await checkGoalItems(actor, input.items, {
          path: ['input', 'items'],
          deedId: current.deedId,
          existingIds: new Set(existing.map((item) => item.id)),
          goal: 'merit',
        })
      : null;

    const result = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT merit_id FROM merits WHERE merit_id = ${current.id} FOR UPDATE`;
      const before = await tx.merit.findUniqueOrThrow({ where: { id: current.id }, include: { deed: true } });
      if (before.deletedAt || before.deed.deletedAt) throw conflict('The merit or its deed is deleted');
      const itemsBefore = await tx.meritItem.findMany({ where: { meritId: current.id }, orderBy: { id: 'asc' } });
      const replaced = items ? await replaceItems(meritItemTable(tx, current.id), itemsBefore, items) : null;
      const updated = await tx.merit.update({
        where: { id: current.id },
        data: {
          ...(input.name != null ? { name: trimmedText(input.name) } : {}),
          ...(input.description !== undefined ? { description: optionalText(input.description) } : {}),
          ...(input.completionLogic != null ? { completionLogic: input.completionLogic } : {}),
          ...(input.isActive != null ? { isActive: input.isActive } : {}),
          startDate: dateColumnValue(startDate),
          durationDays,
        },
      });
      const [oldValues, newValues] = changedFields<Record<string, unknown>>(auditedMerit(before), auditedMerit(updated));
      if (replaced?.changed) {
        oldValues.items = auditedItems(itemsBefore);
        newValues.items = auditedItems(await tx.meritItem.findMany({ where: { meritId: current.id }, orderBy: { id: 'asc' } }));
      }
      const redefined =
        replaced?.changed || ['completionLogic', 'startDate', 'durationDays'].some((field) => field in newValues);
      let merit = updated;
      if (redefined && updated.completedAt) {
        merit = await tx.merit.update({ where: { id: current.id }, data: { completedAt: null } });
        oldValues.completedAt = updated.completedAt;
        newValues.completedAt = null;
      }
      if (Object.keys(newValues).length > 0) {
        await writeAudit(tx, actor.origin, {
          action: 'UPDATED',
          entityType: 'MERIT',
          entityId: current.id,
          actorId: actor.viewerId,
          oldValues,
          newValues,
        });
      }
      const completed = await completeFinishedGoals(tx, { meritIds: [current.id], targetIds: [] }, trigger(actor));
      return { merit: completed.merits[0] ?? merit, removedItemIds: replaced?.removedIds ?? [], completed };
    });
    forgetGoalState(actor.loaders);
    await this.goalEvents.meritsCompleted(result.completed.merits);
    return { merit: result.merit, removedItemIds: result.removedItemIds };
  }

  /** Soft delete (no restore); deleting a deleted merit is a no-op returning it. */
  async delete(actor: ProgressActor, id: bigint): Promise<MeritRecord> {
    await this.byId(actor, id);
    const merit = await this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ deleted: boolean }>>`
        SELECT deleted_at IS NOT NULL AS deleted FROM merits WHERE merit_id = ${id} FOR UPDATE`;
      if (locked?.deleted) return tx.merit.findUniqueOrThrow({ where: { id } });
      const deleted = await tx.merit.update({ where: { id }, data: { deletedAt: new Date() } });
      await writeAudit(tx, actor.origin, {
        action: 'DELETED',
        entityType: 'MERIT',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: null },
        newValues: { deletedAt: deleted.deletedAt },
      });
      return deleted;
    });
    forgetGoalState(actor.loaders);
    return merit;
  }
}
