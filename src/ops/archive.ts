import { DateTime } from 'luxon';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Moves entries dated more than `afterDays` days before today (UTC) out of the live tables
 * into entries_archive, with their entry_history rows into entry_history_archive
 * (`npm run db:archive`, scripts/archive.ts).
 *
 * Each batch is one transaction of two statements:
 *  1. lock the batch: the oldest-id live entries past the cutoff, FOR UPDATE SKIP LOCKED, so
 *     an entry being edited right now is left for the next run and no history row can be
 *     added to a locked entry while it moves;
 *  2. one statement that deletes those entries and their history RETURNING the rows and
 *     inserts exactly the returned rows into the archive tables.
 * A batch either moves completely or not at all, so a run killed at any point loses and
 * duplicates nothing, and running again continues where it stopped.
 */

export const DEFAULT_ARCHIVE_BATCH_SIZE = 1000;

export interface ArchiveOptions {
  /** Entries with entry_date before (today − afterDays) move. */
  afterDays: number;
  /** Entries per transaction. */
  batchSize?: number;
  /** Stop after this many batches even if more entries qualify (to spread the work, or in tests). */
  maxBatches?: number;
  /** 'YYYY-MM-DD' in UTC; defaults to the real today. */
  today?: string;
  /** Called after each committed batch. */
  onBatch?: (batch: ArchivedBatch) => void;
}

export interface ArchivedBatch {
  readonly entries: number;
  readonly history: number;
}

export interface ArchiveResult {
  /** Entries dated before this day were due. */
  readonly cutoff: string;
  readonly batches: number;
  readonly entries: number;
  readonly history: number;
  /** False when maxBatches stopped the run before the live tables ran out of due entries. */
  readonly complete: boolean;
}

/** An archive table's columns differ from its live table's: a migration was forgotten. */
export class ArchiveShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveShapeError';
  }
}

const TABLE_PAIRS = [
  { live: 'entries', archive: 'entries_archive' },
  { live: 'entry_history', archive: 'entry_history_archive' },
] as const;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The day before which entries are due: today (UTC) minus `afterDays`. */
export function archiveCutoff(afterDays: number, today?: string): string {
  const base = today ? DateTime.fromISO(today, { zone: 'utc' }) : DateTime.utc();
  if (!base.isValid) throw new Error(`not a date: ${today}`);
  return base.startOf('day').minus({ days: afterDays }).toISODate()!;
}

/**
 * The live table's columns in order, after checking the archive table has exactly the same
 * names and types: copying `SELECT *` would silently mismatch a column added to one only.
 */
async function sharedColumns(prisma: PrismaClient, live: string, archive: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ table_name: string; column_name: string; type: string }>>`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relname IN (${live}, ${archive}) AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum`;
  const describe = (table: string) =>
    new Map(rows.filter((row) => row.table_name === table).map((row) => [row.column_name, row.type]));
  const liveColumns = describe(live);
  const archiveColumns = describe(archive);
  if (archiveColumns.size === 0) throw new ArchiveShapeError(`table ${archive} does not exist: run the migrations (npm run db:migrate)`);
  for (const [column, type] of liveColumns) {
    if (archiveColumns.get(column) !== type) {
      throw new ArchiveShapeError(
        `${archive}.${column} ${archiveColumns.has(column) ? `is ${archiveColumns.get(column)}` : 'is missing'}, ` +
          `${live}.${column} is ${type}: give the archive table the live table's shape (schema.prisma + migration)`,
      );
    }
  }
  for (const column of archiveColumns.keys()) {
    if (!liveColumns.has(column)) throw new ArchiveShapeError(`${archive}.${column} has no counterpart in ${live}`);
  }
  return [...liveColumns.keys()];
}

function moveStatement(entryColumns: string[], historyColumns: string[]): string {
  const entries = entryColumns.map(quote).join(', ');
  const history = historyColumns.map(quote).join(', ');
  // Foreign keys are checked at the end of the statement, when both inserts are done; the
  // cascade from entries to entry_history then finds nothing left to delete.
  return `
    WITH moved_history AS (
      DELETE FROM entry_history WHERE entry_id = ANY($1::bigint[]) RETURNING ${history}
    ), moved_entries AS (
      DELETE FROM entries WHERE entry_id = ANY($1::bigint[]) RETURNING ${entries}
    ), archived_entries AS (
      INSERT INTO entries_archive (${entries}) SELECT ${entries} FROM moved_entries RETURNING 1
    ), archived_history AS (
      INSERT INTO entry_history_archive (${history}) SELECT ${history} FROM moved_history RETURNING 1
    )
    SELECT (SELECT count(*) FROM archived_entries)::int AS entries, (SELECT count(*) FROM archived_history)::int AS history`;
}

export async function archiveOldEntries(prisma: PrismaClient, options: ArchiveOptions): Promise<ArchiveResult> {
  const batchSize = options.batchSize ?? DEFAULT_ARCHIVE_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  const cutoff = archiveCutoff(options.afterDays, options.today);
  const [entryPair, historyPair] = TABLE_PAIRS;
  const move = moveStatement(
    await sharedColumns(prisma, entryPair.live, entryPair.archive),
    await sharedColumns(prisma, historyPair.live, historyPair.archive),
  );

  let batches = 0;
  let entries = 0;
  let history = 0;
  for (;;) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) {
      return { cutoff, batches, entries, history, complete: false };
    }
    const batch = await prisma.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<Array<{ id: bigint }>>`
          SELECT entry_id AS id FROM entries WHERE entry_date < ${cutoff}::date
          ORDER BY entry_id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        if (due.length === 0) return undefined;
        const [moved] = await tx.$queryRawUnsafe<ArchivedBatch[]>(move, due.map((row) => row.id.toString()));
        if (moved?.entries !== due.length) {
          throw new Error(`archived ${moved?.entries ?? 0} of ${due.length} locked entries: rolled back`);
        }
        return { ...moved, full: due.length === batchSize };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (batch === undefined) return { cutoff, batches, entries, history, complete: true };
    batches += 1;
    entries += batch.entries;
    history += batch.history;
    options.onBatch?.({ entries: batch.entries, history: batch.history });
    // A short batch means nothing else was due (or the rest is locked by writers: next run).
    if (!batch.full) return { cutoff, batches, entries, history, complete: true };
  }
}
