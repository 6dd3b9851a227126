import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict, notFound } from '../../lib/errors';
import { dateColumnValue, todayIn } from '../../lib/local-dates';
import { writeAudit } from '../audit/audit-log';
import { changedFields } from '../../lib/changed-fields';
import { limitExceeded } from '../../lib/limits';
import { optionalText, trimmedText } from '../../lib/text';
import { forgetGoalState, trigger, type ProgressActor } from './actor';
import { completeFinishedGoals } from './completion';
import { CompletionLogic } from './enums';
import { auditedItems, checkGoalItems, replaceItems, targetItemTable } from './goal-items';
import { auditedTarget, checkTargetRange, lockGoalOwner } from './goal-rules';
import { goalStatus, localDateOf, targetWindow } from './goal-state';
import { MAX_LIVE_TARGETS_PER_USER } from './limits';
import type { CreateTargetInput, TargetFilter, UpdateTargetInput } from './target-inputs';
import type { TargetRecord } from './types';

/**
 * Targets (CONTRACT.md section 6): multi-deed goals over a date range, private to their
 * owner (another user's id is NOT_FOUND). Target completion has no subscription, so no
 * after-commit event is emitted here.
 */
export class TargetService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The viewer's targets by startDate descending (newest first among equal starts). */
  async list(actor: ProgressActor, filter: TargetFilter | null | undefined): Promise<TargetRecord[]> {
    const activeOn = filter?.activeOn ? dateColumnValue(filter.activeOn) : null;
    const rows = await this.prisma.target.findMany({
      where: {
        userId: actor.viewerId,
        ...(activeOn ? { startDate: { lte: activeOn }, endDate: { gte: activeOn } } : {}),
        ...(filter?.includeDeleted ? {} : { deletedAt: null }),
      },
      orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    });
    for (const row of rows) actor.loaders.targets.prime(row.id, row);
    const statuses = filter?.statuses;
    if (!statuses?.length) return rows;
    const today = todayIn(actor.timezone);
    return rows.filter((row) => statuses.includes(goalStatus(row, targetWindow(row), today)));
  }

  /** One of the viewer's targets (deleted ones included), else NOT_FOUND. */
  async byId(actor: ProgressActor, id: bigint): Promise<TargetRecord> {
    const target = await actor.loaders.targets.load(id);
    if (!target || target.userId !== actor.viewerId) throw notFound('Target');
    return target;
  }

  async create(actor: ProgressActor, input: CreateTargetInput): Promise<TargetRecord> {
    checkTargetRange(input.startDate, input.endDate, ['input', 'endDate']);
    const items = await checkGoalItems(actor, input.items, { path: ['input', 'items'], existingIds: null, goal: 'target' });

    return this.written(actor, async (tx) => {
      await lockGoalOwner(tx, actor.viewerId);
      const live = await tx.target.count({ where: { userId: actor.viewerId, deletedAt: null } });
      if (live >= MAX_LIVE_TARGETS_PER_USER) {
        throw limitExceeded(`A user can have at most ${MAX_LIVE_TARGETS_PER_USER} live targets`);
      }
      const created = await tx.target.create({
        data: {
          userId: actor.viewerId,
          name: trimmedText(input.name),
          description: optionalText(input.description) ?? null,
          completionLogic: input.completionLogic ?? CompletionLogic.ALL,
          startDate: dateColumnValue(input.startDate),
          endDate: dateColumnValue(input.endDate),
        },
      });
      await targetItemTable(tx, created.id).add(items);
      const stored = await tx.targetItem.findMany({ where: { targetId: created.id }, orderBy: { id: 'asc' } });
      await writeAudit(tx, actor.origin, {
        action: 'CREATED',
        entityType: 'TARGET',
        entityId: created.id,
        actorId: actor.viewerId,
        newValues: { ...auditedTarget(created), items: auditedItems(stored) },
      });
      const completed = await completeFinishedGoals(tx, { meritIds: [], targetIds: [created.id] }, trigger(actor));
      return completed.targets[0] ?? created;
    });
  }

  /**
   * Omitted fields stay, `items` replaces the set. Changing the items, the range or the
   * logic clears completedAt; then completion is checked again (also on resume).
   */
  async update(actor: ProgressActor, input: UpdateTargetInput): Promise<{ target: TargetRecord; removedItemIds: bigint[] }> {
    const current = await this.byId(actor, input.id);
    const startDate = input.startDate ?? localDateOf(current.startDate);
    const endDate = input.endDate ?? localDateOf(current.endDate);
    checkTargetRange(startDate, endDate, ['input', input.endDate != null ? 'endDate' : 'startDate']);
    const existing = await actor.loaders.targetItemsByTarget.load(current.id);
    const items = input.items
      ? await checkGoalItems(actor, input.items, {
          path: ['input', 'items'],
          existingIds: new Set(existing.map((item) => item.id)),
          goal: 'target',
        })
      : null;

    let removedItemIds: bigint[] = [];
    const target = await this.written(actor, async (tx) => {
      await tx.$queryRaw`SELECT target_id FROM targets WHERE target_id = ${current.id} FOR UPDATE`;
      const before = await tx.target.findUniqueOrThrow({ where: { id: current.id } });
      if (before.deletedAt) throw conflict('The target is deleted');
      const itemsBefore = await tx.targetItem.findMany({ where: { targetId: current.id }, orderBy: { id: 'asc' } });
      const replaced = items ? await replaceItems(targetItemTable(tx, current.id), itemsBefore, items) : null;
      removedItemIds = replaced?.removedIds ?? [];
      const updated = await tx.target.update({
        where: { id: current.id },
        data: {
          ...(input.name != null ? { name: trimmedText(input.name) } : {}),
          ...(input.description !== undefined ? { description: optionalText(input.description) } : {}),
          ...(input.completionLogic != null ? { completionLogic: input.completionLogic } : {}),
          ...(input.isActive != null ? { isActive: input.isActive } : {}),
          startDate: dateColumnValue(startDate),
          endDate: dateColumnValue(endDate),
        },
      });
      const [oldValues, newValues] = changedFields<Record<string, unknown>>(auditedTarget(before), auditedTarget(updated));
      if (replaced?.changed) {
        oldValues.items = auditedItems(itemsBefore);
        newValues.items = auditedItems(await tx.targetItem.findMany({ where: { targetId: current.id }, orderBy: { id: 'asc' } }));
      }
      const redefined = replaced?.changed || ['completionLogic', 'startDate', 'endDate'].some((field) => field in newValues);
      let target = updated;
      if (redefined && updated.completedAt) {
        target = await tx.target.update({ where: { id: current.id }, data: { completedAt: null } });
        oldValues.completedAt = updated.completedAt;
        newValues.completedAt = null;
      }
      if (Object.keys(newValues).length > 0) {
        await writeAudit(tx, actor.origin, {
          action: 'UPDATED',
          entityType: 'TARGET',
          entityId: current.id,
          actorId: actor.viewerId,
          oldValues,
          newValues,
        });
      }
      const completed = await completeFinishedGoals(tx, { meritIds: [], targetIds: [current.id] }, trigger(actor));
      return completed.targets[0] ?? target;
    });
    return { target, removedItemIds };
  }

  /** Soft delete (no restore); deleting a deleted target is a no-op returning it. */
  async delete(actor: ProgressActor, id: bigint): Promise<TargetRecord> {
    await this.byId(actor, id);
    return this.written(actor, async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ deleted: boolean }>>`
        SELECT deleted_at IS NOT NULL AS deleted FROM targets WHERE target_id = ${id} FOR UPDATE`;
      if (locked?.deleted) return tx.target.findUniqueOrThrow({ where: { id } });
      const deleted = await tx.target.update({ where: { id }, data: { deletedAt: new Date() } });
      await writeAudit(tx, actor.origin, {
        action: 'DELETED',
        entityType: 'TARGET',
        entityId: id,
        actorId: actor.viewerId,
        oldValues: { deletedAt: null },
        newValues: { deletedAt: deleted.deletedAt },
      });
      return deleted;
    });
  }

  /** Runs one write transaction, then drops the request's remembered goal state. */
  private async written(
    actor: ProgressActor,
    work: (tx: Prisma.TransactionClient) => Promise<TargetRecord>,
  ): Promise<TargetRecord> {
    const target = await this.prisma.$transaction(work);
    forgetGoalState(actor.loaders);
    return target;
  }
}
