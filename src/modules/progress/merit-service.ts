import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict } from '../../lib/errors';
import { limitExceeded } from '../../lib/limits';
import { dateColumnValue, localDateOf, todayIn } from '../../lib/local-dates';
import { optionalText, trimmedText } from '../../lib/text';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { completeFinishedGoals } from './completion';
import { CompletionLogic } from './enums';
import type { GoalEvents } from './goal-events';
import { checkGoalItems, replaceItems } from './goal-items';
import { listMerits } from './goal-lists';
import { checkMeritWindow, lockGoalOwner } from './goal-rules';
import { GoalService, type GoalKind } from './goal-service';
import { meritWindow } from './goal-state';
import { commonGoalChanges, meritRows, recordCreatedGoal, recordUpdatedGoal } from './goal-writes';
import { MAX_LIVE_MERITS_PER_USER } from './limits';
import type { CreateMeritInput, MeritFilter, UpdateMeritInput } from './merit-inputs';
import type { MeritRecord } from './types';

const MERITS: GoalKind<MeritRecord, MeritFilter> = {
  noun: 'Merit',
  /** Newest first (deleted ones: the most recently deleted, see goal-lists.ts). */
  list: (prisma, ownerId, filter) =>
    listMerits(prisma, ownerId, { deedId: filter?.deedId ?? null, includeDeleted: filter?.includeDeleted === true }),
  loader: (actor) => actor.loaders.merits,
  window: meritWindow,
  rows: meritRows,
};

/**
 * Merits (CONTRACT.md section 6): private to their owner, so another user's id is NOT_FOUND
 * (list, byId and delete: goal-service.ts). A merit on a deleted deed is effectively deleted:
 * left out of lists (unless includeDeleted) and refused for updates (CONFLICT). Completing one
 * emits `meritCompleted`.
 */
export class MeritService extends GoalService<MeritRecord, MeritFilter> {
  constructor(
    prisma: PrismaClient,
    private readonly goalEvents: GoalEvents,
    afterWrite: AfterWrite,
  ) {
    super(prisma, afterWrite, MERITS);
  }

  async create(actor: Actor, input: CreateMeritInput): Promise<MeritRecord> {
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

    return this.written(actor, async (tx) => {
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
      await recordCreatedGoal(tx, actor, meritRows(tx), created, items);
      return created;
    });
  }

  /**
   * Omitted fields stay, `items` replaces the set. Changing the items, the window or the
   * logic clears completedAt; then completion is checked again (also on resume).
   */
  async update(actor: Actor, input: UpdateMeritInput): Promise<{ merit: MeritRecord; removedItemIds: bigint[] }> {
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

    let removedItemIds: bigint[] = [];
    const merit = await this.written(actor, async (tx) => {
      const rows = meritRows(tx);
      await rows.lock(current.id);
      const before = await tx.merit.findUniqueOrThrow({ where: { id: current.id }, include: { deed: true } });
      if (before.deletedAt || before.deed.deletedAt) throw conflict('The merit or its deed is deleted');
      const itemsBefore = await rows.items(current.id).list();
      const replaced = items ? await replaceItems(rows.items(current.id), itemsBefore, items) : null;
      removedItemIds = replaced?.removedIds ?? [];
      const updated = await tx.merit.update({
        where: { id: current.id },
        data: {
          ...commonGoalChanges(input),
          startDate: dateColumnValue(startDate),
          durationDays,
        },
      });
      return recordUpdatedGoal(tx, actor, rows, { before, updated, itemsBefore, replaced });
    });
    return { merit, removedItemIds };
  }

  /**
   * Runs one write transaction and completes the merit if it is now finished (inside it),
   * then drops the request's remembered goal state and announces completions after commit.
   */
  private async written(
    actor: Actor,
    work: (tx: Prisma.TransactionClient) => Promise<MeritRecord>,
  ): Promise<MeritRecord> {
    const { merit, completed } = await this.prisma.$transaction(async (tx) => {
      const written = await work(tx);
      const completed = await completeFinishedGoals(tx, { meritIds: [written.id], targetIds: [] }, { actorId: actor.viewerId, origin: actor.origin });
      return { merit: completed.merits[0] ?? written, completed };
    });
    await this.afterWrite.forget(actor, { goals: true });
    await this.goalEvents.meritsCompleted(completed.merits);
    return merit;
  }
}
