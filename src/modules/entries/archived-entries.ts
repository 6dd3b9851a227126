import { Decimal } from '@prisma/client/runtime/client';
import { Prisma } from '../../generated/prisma/client';
import { epochMillis } from '../../lib/sql';
import type { EntryRecord } from './types';

/**
 * `npm run db:archive` (src/ops/archive.ts) moves old entries and their history, ids kept,
 * into entries_archive / entry_history_archive. Reads that include archived rows see each
 * pair of tables as one; an id lives in exactly one table of a pair. Columns are listed
 * because UNION matches them by position, not by name.
 */

const ENTRY_COLUMN_NAMES = [
  'entry_id', 'user_id', 'created_by_user_id', 'deed_item_id', 'entry_date', 'scale_id', 'scale_value_id', 'count_value',
  'notes', 'created_at', 'updated_at', 'deleted_at',
] as const;

const ENTRY_COLUMNS = Prisma.raw(ENTRY_COLUMN_NAMES.join(', '));

/** Every column of an entry row (as `EntryRow` names them) from the FROM item `alias`. */
export const entryColumns = (alias: string): Prisma.Sql => Prisma.raw(ENTRY_COLUMN_NAMES.map((c) => `${alias}.${c}`).join(', '));

/** Columns that travel in JSON as text: ids beyond 2^53 and DECIMAL(10,2) would lose digits as numbers. */
const TEXT_IN_JSON = new Set<string>(['entry_id', 'user_id', 'created_by_user_id', 'deed_item_id', 'scale_id', 'scale_value_id', 'count_value']);
/**
 * Columns that travel as milliseconds since the epoch (`epochMillis`); a DATE becomes
 * midnight UTC of its day, as Prisma reads it.
 */
const TIMESTAMPS_IN_JSON = new Set<string>(['created_at', 'updated_at', 'deleted_at']);

function jsonValue(alias: string, column: string): string {
  if (TEXT_IN_JSON.has(column)) return `${alias}.${column}::text`;
  if (TIMESTAMPS_IN_JSON.has(column)) return epochMillis(`${alias}.${column}`);
  if (column === 'entry_date') return `(${alias}.entry_date - DATE '1970-01-01')::bigint * 86400000`;
  return `${alias}.${column}`;
}

/**
 * An entry row of the FROM item `alias` as one JSON array (aggregate it with json_agg; read
 * with entryFromJson): a page of rows arrives as one value that JSON.parse reads, instead of
 * twelve cells per row each decoded by the driver and converted by Prisma.
 */
export const entryJsonArray = (alias: string): Prisma.Sql =>
  Prisma.raw(`json_build_array(${ENTRY_COLUMN_NAMES.map((c) => jsonValue(alias, c)).join(', ')})`);

const bigintOrNull = (value: unknown): bigint | null => (value === null ? null : BigInt(value as string));
const dateOrNull = (value: unknown): Date | null => (value === null ? null : new Date(value as number));

/** The entry entryJsonArray wrote, as entryFromRow makes it of raw SQL's row (one object, not two). */
export function entryFromJson(values: unknown[]): EntryRecord {
  const [entryId, userId, createdBy, itemId, date, scaleId, scaleValueId, count, notes, createdAt, updatedAt, deletedAt] = values;
  return {
    id: BigInt(entryId as string),
    userId: BigInt(userId as string),
    createdByUserId: BigInt(createdBy as string),
    deedItemId: BigInt(itemId as string),
    entryDate: new Date(date as number),
    scaleId: bigintOrNull(scaleId),
    scaleValueId: bigintOrNull(scaleValueId),
    count: count === null ? null : new Decimal(count as string),
    notes: notes as string | null,
    createdAt: new Date(createdAt as number),
    updatedAt: new Date(updatedAt as number),
    deletedAt: dateOrNull(deletedAt),
  };
}

const HISTORY_COLUMNS = Prisma.raw(
  'entry_history_id, entry_id, action, changed_by_user_id, changed_at, old_scale_value_id, old_count_value, old_notes, new_scale_value_id, new_count_value, new_notes',
);

/** `entries`, or live and archived entries together, as a FROM item (give it an alias). */
export function entriesTable(includeArchived: boolean): Prisma.Sql {
  return includeArchived
    ? Prisma.sql`(SELECT ${ENTRY_COLUMNS} FROM entries UNION ALL SELECT ${ENTRY_COLUMNS} FROM entries_archive)`
    : Prisma.sql`entries`;
}

/** Live and archived history together, as a FROM item: an archived entry's history is archived with it. */
export const entryHistoryWithArchive = Prisma.sql`(SELECT ${HISTORY_COLUMNS} FROM entry_history UNION ALL SELECT ${HISTORY_COLUMNS} FROM entry_history_archive)`;
