import type { Prisma } from '../../generated/prisma/client';
import { EntryChangeAction } from '../../generated/prisma/enums';
import type { LocalDate } from '../../lib/scalars';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../context-types';
import {
  createEntry,
  historyValues,
  insertHistory,
  lockSlot,
  valueOf,
  writeEntryState,
  type HistoryValues,
} from './entry-store';
import { sameValue, type EntryValue } from './entry-values';
import { RecordEntryOutcome } from './enums';
import type { EntryHistoryRecord, EntryRecord } from './types';

/**
 * The state changes of entries, each inside the caller's transaction. Every change writes
 * exactly one entry_history row (CONTRACT.md section 5) and its audit rows in that same
 * transaction; a no-op writes nothing.
 */

type Tx = Prisma.TransactionClient;

/** One history row, plus its audit rows. */
export async function recordChange(
  tx: Tx,
  actor: Actor,
  entry: EntryRecord,
  action: EntryChangeAction,
  before: HistoryValues | null,
  after: HistoryValues | null,
): Promise<EntryHistoryRecord> {
  const change = await insertHistory(tx, { entryId: entry.id, action, changedById: actor.viewerId, before, after });
  await auditChange(tx, actor, entry, change, before, after);
  return change;
}

/**
 * The audit rows of a change: WRITTEN_ON_BEHALF for any change a grantee makes to the
 * owner's entry, and DELETED / RESTORED for deletes and restores (whoever makes them).
 */
async function auditChange(
  tx: Tx,
  actor: Actor,
  entry: EntryRecord,
  change: EntryHistoryRecord,
  before: HistoryValues | null,
  after: HistoryValues | null,
): Promise<void> {
  const onBehalf = entry.userId !== actor.viewerId;
  const audit = {
    entityType: 'ENTRY' as const,
    entityId: entry.id,
    actorId: actor.viewerId,
    subjectUserId: onBehalf ? entry.userId : null,
    oldValues: before,
    newValues: after,
  };
  if (onBehalf) {
    await writeAudit(tx, actor.origin, {
      ...audit,
      action: 'WRITTEN_ON_BEHALF',
      newValues: { change: change.action, entryHistoryId: change.id, values: after },
    });
  }
  if (change.action === EntryChangeAction.DELETED || change.action === EntryChangeAction.RESTORED) {
    await writeAudit(tx, actor.origin, { ...audit, action: change.action });
  }
}

export interface SlotWrite {
  ownerId: bigint;
  deedItemId: bigint;
  entryDate: LocalDate;
  value: EntryValue;
  /** undefined keeps the existing notes; null clears them. */
  notes: string | null | undefined;
}

export interface SlotResult {
  entry: EntryRecord;
  outcome: RecordEntryOutcome;
  change: EntryHistoryRecord | null;
}

/**
 * recordEntry's upsert of one (owner, deed item, date) slot. INSERT … ON CONFLICT DO NOTHING
 * creates the row or waits for a concurrent creator; otherwise the existing row (live or
 * deleted) is locked FOR UPDATE, so concurrent writers of one slot serialize and each
 * compares against the value the previous one committed.
 */
export async function recordSlot(tx: Tx, actor: Actor, write: SlotWrite): Promise<SlotResult> {
  const created = await createEntry(tx, {
    ownerId: write.ownerId,
    createdById: actor.viewerId,
    deedItemId: write.deedItemId,
    entryDate: write.entryDate,
    value: write.value,
    notes: write.notes ?? null,
  });
  if (created) {
    await auditChange(tx, actor, created.entry, created.change, null, historyValues(created.entry));
    return { entry: created.entry, outcome: RecordEntryOutcome.CREATED, change: created.change };
  }

  const current = await lockSlot(tx, write.ownerId, write.deedItemId, write.entryDate);
  const notes = write.notes === undefined ? current.notes : write.notes;
  const deleted = current.deletedAt !== null;
  if (!deleted && sameValue(valueOf(current), write.value) && notes === current.notes) {
    return { entry: current, outcome: RecordEntryOutcome.UNCHANGED, change: null };
  }
  const entry = await writeEntryState(tx, current.id, { value: write.value, notes, deleted: false });
  const action = deleted ? EntryChangeAction.RESTORED : EntryChangeAction.UPDATED;
  const change = await recordChange(tx, actor, entry, action, historyValues(current), historyValues(entry));
  return { entry, outcome: deleted ? RecordEntryOutcome.RESTORED : RecordEntryOutcome.UPDATED, change };
}
