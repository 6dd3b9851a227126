import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict } from '../../lib/errors';
import { limitExceeded } from '../../lib/limits';
import { dateColumnValue, localDateOf } from '../../lib/local-dates';
import { optionalText, trimmedText } from '../../lib/text';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { completeFinishedGoals } from './completion';
import { CompletionLogic } from './enums';
import { checkGoalItems, replaceItems } from './goal-items';
import { listTargets } from './goal-lists';
import { checkTargetRange, lockGoalOwner } from './goal-rules';
import { GoalService, type GoalKind } from './goal-service';
import { targetWindow } from './goal-state';
import { commonGoalChanges, recordCreatedGoal, recordUpdatedGoal, targetRows } from './goal-writes';
import { MAX_LIVE_TARGETS_PER_USER } from './limits';
import type { CreateTargetInput, TargetFilter, UpdateTargetInput } from './target-inputs';
import type { TargetRecord } from './types';

const TARGETS: GoalKind<TargetRecord, TargetFilter> = {
  noun: 'Target',
  /**
   * By startDate descending (newest first among equal starts; deleted ones: the most recently
   * deleted, see goal-lists.ts).
   */
  list: (prisma, ownerId, filter) =>
    listTargets(prisma, ownerId, { activeOn: filter?.activeOn ?? null, includeDeleted: filter?.includeDeleted === true }),
  loader: (actor) => actor.loaders.targets,
  window: targetWindow,
  rows: targetRows,
};

/**
 * Targets (CONTRACT.md section 6): multi-deed goals over a date range, private to their
 * owner (another user's id is NOT_FOUND; list, byId and delete: goal-service.ts). Target
 * completion has no subscription, so no after-commit event is emitted here.
 */
export class TargetService extends GoalService<TargetRecord, TargetFilter> {
  constructor(prisma: PrismaClient, afterWrite: AfterWrite) {
    super(prisma, afterWrite, TARGETS);
  }

  async create(actor: Actor, input: CreateTargetInput): Promise<TargetRecord> {
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
      await recordCreatedGoal(tx, actor, targetRows(tx), created, items);
      return created;
    });
  }

  /**
   * Omitted fields stay, `items` replaces the set. Changing the items, the range or the
   * logic clears completedAt; then completion is checked again (also on resume).
   */
  async update(actor: Actor, input: UpdateTargetInput): Promise<{ target: TargetRecord; removedItemIds: bigint[] }> {
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
      const rows = targetRows(tx);
      await rows.lock(current.id);
      const before = await rows.find(current.id);
      if (before.deletedAt) throw conflict('The target is deleted');
      const itemsBefore = await rows.items(current.id).list();
      const replaced = items ? await replaceItems(rows.items(current.id), itemsBefore, items) : null;
      removedItemIds = replaced?.removedIds ?? [];
      const updated = await tx.target.update({
        where: { id: current.id },
        data: {
          ...commonGoalChanges(input),
          startDate: dateColumnValue(startDate),
          endDate: dateColumnValue(endDate),
        },
      });
      return recordUpdatedGoal(tx, actor, rows, { before, updated, itemsBefore, replaced });
    });
    return { target, removedItemIds };
  }

  /**
   * Runs one write transaction and completes the target if it is now finished (inside it),
   * then drops the request's remembered goal state.
   */
  private async written(
    actor: Actor,
    work: (tx: Prisma.TransactionClient) => Promise<TargetRecord>,
  ): Promise<TargetRecord> {
    const target = await this.prisma.$transaction(async (tx) => {
      const written = await work(tx);
      const completed = await completeFinishedGoals(tx, { meritIds: [], targetIds: [written.id] }, { actorId: actor.viewerId, origin: actor.origin });
      return completed.targets[0] ?? written;
    });
    await this.afterWrite.forget(actor, { goals: true });
    return target;
  }
}
