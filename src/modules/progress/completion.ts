import { Prisma } from '../../generated/prisma/client';
import { bigintArray } from '../../lib/sql';
import { SYSTEM_ORIGIN, writeAudit, type RequestOrigin } from '../audit/audit-log';
import type { CompletionLogic } from './enums';
import { goalProgress, itemProgress } from './goal-state';
import { achievedAmounts, rowsByGoal, type GoalKind } from './progress-sql';
import type { MeritRecord, TargetRecord } from './types';

/**
 * Sets `completedAt` the first time an ACTIVE goal is complete (CONTRACT.md section 6).
 * Runs inside the caller's transaction: every entry write (entries/affected-goals.ts), goal
 * create/update, and the hourly backstop (jobs/progress-backstop.ts).
 *
 * The candidate goals are locked first, then progress is computed in a new statement. Two
 * entry writes for one owner that each complete half of an ALL goal therefore serialize on
 * the goal row, and the second one's progress statement sees the first one's committed entry:
 * no completion is missed, and `completed_at IS NULL` under the lock writes it exactly once.
 */

type Tx = Prisma.TransactionClient;

export interface GoalIds {
  meritIds: readonly bigint[];
  targetIds: readonly bigint[];
}

export interface CompletedGoals {
  merits: MeritRecord[];
  targets: TargetRecord[];
}

export const NOTHING_COMPLETED: CompletedGoals = Object.freeze({ merits: [], targets: [] });

interface Candidate {
  id: bigint;
  completion_logic: CompletionLogic;
}

const lockClause = (skipLocked: boolean) => Prisma.raw(skipLocked ? 'FOR UPDATE SKIP LOCKED' : 'FOR UPDATE');

/** Live, active, not yet completed merits (their deed live too), locked in id order. */
function lockCheckableMerits(tx: Tx, ids: readonly bigint[], skipLocked: boolean): Promise<Candidate[]> {
  return tx.$queryRaw<Candidate[]>`
    SELECT m.merit_id AS id, m.completion_logic FROM merits m
    WHERE m.merit_id = ANY(${bigintArray(ids)}) AND m.is_active AND m.completed_at IS NULL AND m.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM deeds d WHERE d.deed_id = m.deed_id AND d.deleted_at IS NULL)
    ORDER BY m.merit_id ${lockClause(skipLocked)}`;
}

function lockCheckableTargets(tx: Tx, ids: readonly bigint[], skipLocked: boolean): Promise<Candidate[]> {
  return tx.$queryRaw<Candidate[]>`
    SELECT t.target_id AS id, t.completion_logic FROM targets t
    WHERE t.target_id = ANY(${bigintArray(ids)}) AND t.is_active AND t.completed_at IS NULL AND t.deleted_at IS NULL
    ORDER BY t.target_id ${lockClause(skipLocked)}`;
}

export interface CompletionTrigger {
  /** The user whose action triggered the check; null for the backstop job. */
  actorId: bigint | null;
  origin: RequestOrigin;
  /**
   * Skip goals another transaction holds locked (the backstop: that transaction checks them
   * itself, and backstops on several instances split the work instead of queueing).
   */
  skipLocked?: boolean;
}

/**
 * Completes the given goals that are active, incomplete and now complete; writes one
 * COMPLETED audit row per goal (the owner's: actor when their own action completed it, else
 * subject with no actor). Returns the goals completed by this call.
 */
export async function completeFinishedGoals(tx: Tx, goals: GoalIds, trigger: CompletionTrigger): Promise<CompletedGoals> {
  const skipLocked = trigger.skipLocked ?? false;
  const merits = goals.meritIds.length ? await lockCheckableMerits(tx, goals.meritIds, skipLocked) : [];
  const targets = goals.targetIds.length ? await lockCheckableTargets(tx, goals.targetIds, skipLocked) : [];
  if (merits.length === 0 && targets.length === 0) return NOTHING_COMPLETED;

  const rows = await achievedAmounts(tx, { meritIds: merits.map((m) => m.id), targetIds: targets.map((t) => t.id) });
  const finished = (kind: GoalKind, candidates: Candidate[]) => {
    const byGoal = rowsByGoal(rows, kind);
    return candidates.filter((goal) => {
      const items = (byGoal.get(goal.id) ?? []).map((row) => itemProgress(row.required, row.achieved));
      return goalProgress(goal.completion_logic, items).complete;
    });
  };
  const finishedMerits = finished('MERIT', merits).map((m) => m.id);
  const finishedTargets = finished('TARGET', targets).map((t) => t.id);
  if (finishedMerits.length === 0 && finishedTargets.length === 0) return NOTHING_COMPLETED;

  const completedAt = new Date();
  const completed: CompletedGoals = {
    merits: finishedMerits.length
      ? await tx.merit.updateManyAndReturn({ where: { id: { in: finishedMerits }, completedAt: null }, data: { completedAt } })
      : [],
    targets: finishedTargets.length
      ? await tx.target.updateManyAndReturn({ where: { id: { in: finishedTargets }, completedAt: null }, data: { completedAt } })
      : [],
  };
  const audited: Array<[GoalKind, MeritRecord | TargetRecord]> = [
    ...completed.merits.map((m) => ['MERIT', m] as [GoalKind, MeritRecord]),
    ...completed.targets.map((t) => ['TARGET', t] as [GoalKind, TargetRecord]),
  ];
  for (const [kind, goal] of audited) {
    // Goals are never shared (CONTRACT.md section 3): the row is the owner's alone. A grantee's
    // entry (or the backstop) completing it is recorded as the system acting on the owner's
    // goal, without the grantee's id, address or user agent; the request id still links it
    // to the WRITTEN_ON_BEHALF row of that entry.
    const byOwner = trigger.actorId === goal.userId;
    await writeAudit(tx, byOwner ? trigger.origin : { ...SYSTEM_ORIGIN, requestId: trigger.origin.requestId }, {
      action: 'COMPLETED',
      entityType: kind,
      entityId: goal.id,
      actorId: byOwner ? goal.userId : null,
      subjectUserId: byOwner ? null : goal.userId,
      oldValues: { completedAt: null },
      newValues: { completedAt: goal.completedAt },
    });
  }
  return completed;
}
