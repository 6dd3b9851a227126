import { Prisma } from '../../generated/prisma/client';

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

/** A NULL in place of each entry column, for a UNION row that carries no entry. */
export const noEntryColumns = Prisma.raw(ENTRY_COLUMN_NAMES.map(() => 'NULL').join(', '));

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
