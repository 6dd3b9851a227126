import type { Prisma } from '../../generated/prisma/client';
import type { LocalDate } from '../../lib/scalars';
import type { RequestOrigin } from '../audit/audit-log';
import { completeFinishedGoals } from '../progress/completion';
import { goalsCoveringSlots } from '../progress/covering-goals';
import type { MeritRecord, TargetRecord } from '../progress/types';

/**
 * The owner's merits and targets whose progress an entry write may have changed, computed in
 * the write's transaction (RecordEntryPayload.affectedMerits / affectedTargets), and the place
 * where `completedAt` is set the first time an active goal completes (CONTRACT.md section 6).
 * Every entry write that changes something (recordEntry, recordEntries, updateEntry,
 * deleteEntry, restoreEntry) calls it inside its transaction with the changed slots, whoever
 * writes: a WRITE grantee's write completes the owner's goals too.
 */

export interface EntrySlotRef {
  ownerId: bigint;
  deedItemId: bigint;
  entryDate: LocalDate;
}

export interface AffectedGoals {
  /** Goals the write may have moved, only the acting user's own ("empty for non-owners"). */
  merits: MeritRecord[];
  targets: TargetRecord[];
  /** Merits this write completed, whoever owns them: publish `meritCompleted` after commit. */
  completedMerits: MeritRecord[];
}

/** A no-op write (UNCHANGED, deleting a deleted entry, ...) changes no progress. */
export const NO_AFFECTED_GOALS: AffectedGoals = Object.freeze({ merits: [], targets: [], completedMerits: [] });

export async function affectedGoals(
  tx: Prisma.TransactionClient,
  change: { actorId: bigint; origin: RequestOrigin; slots: readonly EntrySlotRef[] },
): Promise<AffectedGoals> {
  const covering = await goalsCoveringSlots(tx, change.slots);
  if (covering.length === 0) return NO_AFFECTED_GOALS;
  const idsOf = (kind: 'MERIT' | 'TARGET', ownOnly: boolean) =>
    covering.filter((goal) => goal.kind === kind && (!ownOnly || goal.ownerId === change.actorId)).map((goal) => goal.id);

  const completed = await completeFinishedGoals(
    tx,
    { meritIds: idsOf('MERIT', false), targetIds: idsOf('TARGET', false) },
    { actorId: change.actorId, origin: change.origin },
  );
  // Read after the completion check, so the payload shows the completedAt it just set.
  const [ownMerits, ownTargets] = [idsOf('MERIT', true), idsOf('TARGET', true)];
  const [merits, targets] = await Promise.all([
    ownMerits.length
      ? tx.merit.findMany({ where: { id: { in: ownMerits } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
      : [],
    ownTargets.length
      ? tx.target.findMany({ where: { id: { in: ownTargets } }, orderBy: [{ startDate: 'desc' }, { id: 'desc' }] })
      : [],
  ]);
  return { merits, targets, completedMerits: completed.merits };
}
