import type { Decimal } from '@prisma/client/runtime/client';
import { PREPARED } from '../../db/prepared-statements';
import { Prisma } from '../../generated/prisma/client';
import { EntryChangeAction } from '../../generated/prisma/enums';
import type { LocalDate } from '../../lib/scalars';
import type { EntryValue } from './entry-values';
import type { EntryHistoryRecord, EntryRecord } from './types';

/**
 * The raw SQL of entry writes, always inside the caller's transaction. Timestamps come from
 * clock_timestamp(), not now(): writers to one slot serialize on its row lock, and a writer
 * whose transaction started earlier but got the lock later must still get the later
 * `changed_at`, so history sorts in the order the changes really happened.
 */

type Tx = Prisma.TransactionClient;

/** `entries` as raw SQL returns it. */
export interface EntryRow {
  entry_id: bigint;
  user_id: bigint;
  created_by_user_id: bigint;
  deed_item_id: bigint;
  entry_date: Date;
  scale_id: bigint | null;
  scale_value_id: bigint | null;
  count_value: Decimal | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface EntryHistoryRow {
  entry_history_id: bigint;
  entry_id: bigint;
  action: EntryChangeAction;
  changed_by_user_id: bigint;
  changed_at: Date;
  old_scale_value_id: bigint | null;
  old_count_value: Decimal | null;
  old_notes: string | null;
  new_scale_value_id: bigint | null;
  new_count_value: Decimal | null;
  new_notes: string | null;
}

export function entryFromRow(row: EntryRow): EntryRecord {
  return {
    id: row.entry_id,
    userId: row.user_id,
    createdByUserId: row.created_by_user_id,
    deedItemId: row.deed_item_id,
    entryDate: row.entry_date,
    scaleId: row.scale_id,
    scaleValueId: row.scale_value_id,
    count: row.count_value,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function historyFromRow(row: EntryHistoryRow): EntryHistoryRecord {
  return {
    id: row.entry_history_id,
    entryId: row.entry_id,
    action: row.action,
    changedByUserId: row.changed_by_user_id,
    changedAt: row.changed_at,
    oldScaleValueId: row.old_scale_value_id,
    oldCount: row.old_count_value,
    oldNotes: row.old_notes,
    newScaleValueId: row.new_scale_value_id,
    newCount: row.new_count_value,
    newNotes: row.new_notes,
  };
}

export function valueOf(entry: EntryRecord): EntryValue {
  return { scaleId: entry.scaleId, scaleValueId: entry.scaleValueId, count: entry.count };
}

const decimalParam = (value: Decimal | null) => (value === null ? null : value.toFixed(2));

export interface NewEntry {
  ownerId: bigint;
  createdById: bigint;
  deedItemId: bigint;
  entryDate: LocalDate;
  value: EntryValue;
  notes: string | null;
}

/**
 * Inserts the slot's row unless one exists (live or deleted), with its CREATED history row in
 * the same statement (one round trip fewer for every new entry); null when it existed. A
 * concurrent inserter of the same slot waits here until the first one commits.
 */
export async function createEntry(
  tx: Tx,
  entry: NewEntry,
): Promise<{ entry: EntryRecord; change: EntryHistoryRecord } | null> {
  const rows = await tx.$queryRaw<Array<EntryRow & Pick<EntryHistoryRow, 'entry_history_id' | 'changed_at'>>>`${Prisma.raw(PREPARED)}
    WITH inserted AS (
      INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date, scale_id, scale_value_id,
                           count_value, notes, created_at, updated_at)
      VALUES (${entry.ownerId}, ${entry.createdById}, ${entry.deedItemId}, ${entry.entryDate}::date,
              ${entry.value.scaleId}, ${entry.value.scaleValueId}, ${decimalParam(entry.value.count)}::numeric,
              ${entry.notes}, clock_timestamp(), clock_timestamp())
      ON CONFLICT (user_id, deed_item_id, entry_date) DO NOTHING
      RETURNING *
    ), created AS (
      INSERT INTO entry_history (entry_id, action, changed_by_user_id, changed_at, new_scale_value_id, new_count_value, new_notes)
      SELECT entry_id, 'CREATED', created_by_user_id, clock_timestamp(), scale_value_id, count_value, notes FROM inserted
      RETURNING entry_history_id, changed_at
    )
    SELECT inserted.*, created.entry_history_id, created.changed_at FROM inserted CROSS JOIN created`;
  const row = rows[0];
  if (!row) return null;
  const created = entryFromRow(row);
  const change = historyFromRow({
    entry_history_id: row.entry_history_id,
    entry_id: row.entry_id,
    action: EntryChangeAction.CREATED,
    changed_by_user_id: row.created_by_user_id,
    changed_at: row.changed_at,
    old_scale_value_id: null,
    old_count_value: null,
    old_notes: null,
    new_scale_value_id: row.scale_value_id,
    new_count_value: row.count_value,
    new_notes: row.notes,
  });
  return { entry: created, change };
}

/** The slot's existing row, locked until the transaction ends. */
export async function lockSlot(tx: Tx, ownerId: bigint, deedItemId: bigint, entryDate: LocalDate): Promise<EntryRecord> {
  const rows = await tx.$queryRaw<EntryRow[]>`
    SELECT * FROM entries
    WHERE user_id = ${ownerId} AND deed_item_id = ${deedItemId} AND entry_date = ${entryDate}::date
    FOR UPDATE`;
  if (!rows[0]) throw new Error(`entry slot (${ownerId}, ${deedItemId}, ${entryDate}) vanished under its lock`);
  return entryFromRow(rows[0]);
}

/** The entry, locked until the transaction ends; null when the id does not exist. */
export async function lockEntry(tx: Tx, entryId: bigint): Promise<EntryRecord | null> {
  const rows = await tx.$queryRaw<EntryRow[]>`SELECT * FROM entries WHERE entry_id = ${entryId} FOR UPDATE`;
  return rows[0] ? entryFromRow(rows[0]) : null;
}

export async function writeEntryState(
  tx: Tx,
  entryId: bigint,
  state: { value: EntryValue; notes: string | null; deleted: boolean },
): Promise<EntryRecord> {
  const rows = await tx.$queryRaw<EntryRow[]>`
    UPDATE entries
    SET scale_id = ${state.value.scaleId}, scale_value_id = ${state.value.scaleValueId},
        count_value = ${decimalParam(state.value.count)}::numeric, notes = ${state.notes},
        deleted_at = CASE WHEN ${state.deleted} THEN COALESCE(deleted_at, clock_timestamp()) END,
        updated_at = clock_timestamp()
    WHERE entry_id = ${entryId}
    RETURNING *`;
  return entryFromRow(rows[0]!);
}

export interface HistoryValues {
  scaleValueId: bigint | null;
  count: Decimal | null;
  notes: string | null;
}

const NO_VALUES: HistoryValues = { scaleValueId: null, count: null, notes: null };

export async function insertHistory(
  tx: Tx,
  change: { entryId: bigint; action: EntryChangeAction; changedById: bigint; before: HistoryValues | null; after: HistoryValues | null },
): Promise<EntryHistoryRecord> {
  const before = change.before ?? NO_VALUES;
  const after = change.after ?? NO_VALUES;
  const rows = await tx.$queryRaw<EntryHistoryRow[]>`${Prisma.raw(PREPARED)}
    INSERT INTO entry_history (entry_id, action, changed_by_user_id, changed_at,
                               old_scale_value_id, old_count_value, old_notes,
                               new_scale_value_id, new_count_value, new_notes)
    VALUES (${change.entryId}, ${change.action}::entry_change_action_enum, ${change.changedById}, clock_timestamp(),
            ${before.scaleValueId}, ${decimalParam(before.count)}::numeric, ${before.notes},
            ${after.scaleValueId}, ${decimalParam(after.count)}::numeric, ${after.notes})
    RETURNING *`;
  return historyFromRow(rows[0]!);
}

export function historyValues(entry: Pick<EntryRecord, 'scaleValueId' | 'count' | 'notes'>): HistoryValues {
  return { scaleValueId: entry.scaleValueId, count: entry.count, notes: entry.notes };
}
