import type { Prisma } from '../../generated/prisma/client';
import type { LocalDate } from '../../lib/scalars';

/**
 * The owner's merits and targets whose progress an entry write may have changed, computed in
 * the write's transaction (RecordEntryPayload.affectedMerits / affectedTargets, and the place
 * where `completedAt` will be checked, CONTRACT.md section 6).
 *
 * THE PROGRESS MODULE FILLS THIS IN (next issue). Until then it is exact, not a stub: no
 * mutation creates merits or targets yet, so none can exist and the answer is always empty.
 * Every entry write that changes something (recordEntry, recordEntries, updateEntry,
 * deleteEntry, restoreEntry) already calls it inside its transaction, with the changed
 * slots; filling it in and exposing the payload fields (payloads.ts) is all that is left.
 */

export interface EntrySlotRef {
  ownerId: bigint;
  deedItemId: bigint;
  entryDate: LocalDate;
}

export interface AffectedGoals {
  /** Merit rows (Prisma records); only the acting user's own ("empty for non-owners"). */
  merits: Array<{ id: bigint }>;
  targets: Array<{ id: bigint }>;
}

/** A no-op write (UNCHANGED, deleting a deleted entry, ...) changes no progress. */
export const NO_AFFECTED_GOALS: AffectedGoals = Object.freeze({ merits: [], targets: [] });

export async function affectedGoals(
  _tx: Prisma.TransactionClient,
  _change: { actorId: bigint; slots: readonly EntrySlotRef[] },
): Promise<AffectedGoals> {
  return { merits: [], targets: [] };
}
