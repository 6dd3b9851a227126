import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor, type TimeIdPosition } from '../../lib/keyset-cursor';
import { connectionFromRows, type Connection } from '../../lib/pagination';
import { bigintArray } from '../../lib/sql';
import { entryHistoryWithArchive } from './archived-entries';
import { historyFromRow, type EntryHistoryRow } from './entry-store';
import type { EntryHistoryRecord } from './types';

/**
 * Pages of entry history, newest first (changed_at DESC, id DESC), batched: every entry
 * asking for the same page (`first`, `after`) in one tick is served by ONE statement that
 * numbers each entry's rows with row_number() and counts them, so `entries { history }` costs
 * the same for 10 entries as for 100. Visibility is the caller's concern.
 */

export interface HistoryPageKey {
  entryId: bigint;
  first: number;
  after: string | null;
}

type HistoryConnection = Connection<EntryHistoryRecord>;

type PageRow = EntryHistoryRow & { cursor_time: string };

function cursorOf(row: PageRow): string {
  return encodeTimeIdCursor({ time: row.cursor_time, id: row.entry_history_id });
}

/** Parses and checks a history cursor up front (BAD_USER_INPUT), so SQL never sees a malformed one. */
export function parseHistoryCursor(after: string | null): TimeIdPosition | null {
  return after === null ? null : decodeTimeIdCursor(after);
}

async function loadPages(db: Pick<PrismaClient, '$queryRaw'>, entryIds: bigint[], first: number, after: string | null) {
  const afterCursor = afterTimeIdCursor(Prisma.sql`h.changed_at`, Prisma.sql`h.entry_history_id`, parseHistoryCursor(after));
  const rows = await db.$queryRaw<Array<PageRow & { counted_entry_id: bigint; total: bigint }>>`
    WITH counts AS (
      SELECT entry_id, count(*) AS total FROM ${entryHistoryWithArchive} h
      WHERE entry_id = ANY(${bigintArray(entryIds)}) GROUP BY entry_id
    ),
    page AS (
      SELECT h.*,
             ${cursorTimeOf(Prisma.sql`h.changed_at`)} AS cursor_time,
             row_number() OVER (PARTITION BY h.entry_id ORDER BY h.changed_at DESC, h.entry_history_id DESC) AS rn
      FROM ${entryHistoryWithArchive} h
      WHERE h.entry_id = ANY(${bigintArray(entryIds)}) ${afterCursor}
    )
    SELECT counts.entry_id AS counted_entry_id, counts.total, page.*
    FROM counts LEFT JOIN page ON page.entry_id = counts.entry_id AND page.rn <= ${first + 1}
    ORDER BY counts.entry_id, page.rn`;

  const byEntry = new Map<bigint, { total: number; rows: PageRow[] }>();
  for (const row of rows) {
    const group = byEntry.get(row.counted_entry_id) ?? { total: Number(row.total), rows: [] };
    if (row.entry_history_id !== null) group.rows.push(row);
    byEntry.set(row.counted_entry_id, group);
  }
  return (entryId: bigint): HistoryConnection => {
    const group = byEntry.get(entryId) ?? { total: 0, rows: [] };
    const connection = connectionFromRows(group.rows, { first, after, totalCount: group.total, cursorOf });
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: historyFromRow(e.node) })) };
  };
}

export function createHistoryPageLoader(db: Pick<PrismaClient, '$queryRaw'>): DataLoader<HistoryPageKey, HistoryConnection> {
  return new DataLoader<HistoryPageKey, HistoryConnection, string>(
    async (keys) => {
      const groups = new Map<string, { first: number; after: string | null; entryIds: bigint[] }>();
      for (const key of keys) {
        const groupKey = `${key.first}|${key.after ?? ''}`;
        const group = groups.get(groupKey) ?? { first: key.first, after: key.after, entryIds: [] };
        group.entryIds.push(key.entryId);
        groups.set(groupKey, group);
      }
      const pagesByGroup = new Map(
        await Promise.all(
          [...groups].map(async ([groupKey, g]) => [groupKey, await loadPages(db, g.entryIds, g.first, g.after)] as const),
        ),
      );
      return keys.map((key) => pagesByGroup.get(`${key.first}|${key.after ?? ''}`)!(key.entryId));
    },
    { cacheKeyFn: (key) => `${key.entryId}|${key.first}|${key.after ?? ''}` },
  );
}
