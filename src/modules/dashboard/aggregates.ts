import { PREPARED } from '../../db/prepared-statements';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { LocalDate } from '../../lib/scalars';
import { bigintArray } from '../../lib/sql';
import { DeedCategory } from '../deeds/enums';
import { countedEntries } from '../entries/counted-entries';

/**
 * The dashboard's numbers, computed by PostgreSQL in ONE statement (CONTRACT.md section 7).
 * Live and archived entries (entries/counted-entries.ts) are found through their tables'
 * (owner, date) indexes and joined to the owner's live items (whole chain and deed live;
 * archived deeds included). GROUPING SETS
 * give both the per-day points and the per-category totals, so nothing is summed in JS.
 */

type Db = Pick<PrismaClient, '$queryRaw'>;

export interface AggregateWindow {
  ownerId: bigint;
  dateFrom: LocalDate;
  dateTo: LocalDate;
  /** D, the divisor of the averages: calendar days of the window, empty ones included. */
  days: number;
  /** Grantees: only entries on these items; null for the owner (everything live). */
  itemIds: readonly bigint[] | null;
}

/** One category's numbers for one day, or (day null) for the whole window. */
export interface AggregateRow {
  category: DeedCategory;
  day: LocalDate | null;
  entryCount: number;
  scaleEntryCount: number;
  countEntryCount: number;
  /** Decimal strings with 2 places. */
  countSum: string;
  activeDays: number;
  averageEntriesPerDay: string;
  averageCountPerDay: string;
  averageScaleScore: number | null;
}

interface SqlRow {
  category: DeedCategory;
  day: string | null;
  entry_count: bigint;
  scale_entry_count: bigint;
  count_entry_count: bigint;
  count_sum: string;
  active_days: bigint;
  average_entries: string;
  average_count: string;
  average_scale_score: number | null;
}

export async function aggregateEntries(db: Db, window: AggregateWindow): Promise<AggregateRow[]> {
  const readable = window.itemIds === null ? Prisma.empty : Prisma.sql`AND e.deed_item_id = ANY(${bigintArray(window.itemIds)})`;
  // live_items: roots of live deeds, then live children of live items, carrying the deed's
  // current category and measure type (children through the parent index: the planner, which
  // guesses ten rows per level, hashed all of deed_items for a tree of a few dozen).
  // owner_values: every value of the owner's scales (a few dozen rows) with n − 1 of its own
  // scale, so a value's normalised score is (order − 1) / (n − 1) within its own scale
  // version. round() on numeric rounds half away from zero: half-up, as the averages are never
  // negative.
  const rows = await db.$queryRaw<SqlRow[]>`${Prisma.raw(PREPARED)}
    WITH RECURSIVE live_items AS (
      SELECT di.deed_item_id, d.category_type, d.measure_type
      FROM deeds d JOIN deed_items di ON di.deed_id = d.deed_id
      WHERE d.user_id = ${window.ownerId} AND d.deleted_at IS NULL
        AND di.deleted_at IS NULL AND di.parent_deed_item_id IS NULL
      UNION ALL
      SELECT c.deed_item_id, l.category_type, l.measure_type
      FROM live_items l CROSS JOIN LATERAL (
        SELECT c.deed_item_id FROM deed_items c WHERE c.parent_deed_item_id = l.deed_item_id AND c.deleted_at IS NULL OFFSET 0
      ) c
    ),
    owner_values AS (
      SELECT v.scale_value_id, v.value_order, count(*) OVER (PARTITION BY v.scale_id) - 1 AS span
      FROM deeds d JOIN scales s ON s.deed_id = d.deed_id JOIN scale_values v ON v.scale_id = s.scale_id
      WHERE d.user_id = ${window.ownerId}
    ),
    window_entries AS (
      SELECT e.entry_date, li.category_type, li.measure_type, e.count_value, ov.value_order, ov.span
      FROM ${countedEntries} e
      JOIN live_items li ON li.deed_item_id = e.deed_item_id
      LEFT JOIN owner_values ov ON ov.scale_value_id = e.scale_value_id
      WHERE e.user_id = ${window.ownerId}
        AND e.entry_date BETWEEN ${window.dateFrom}::date AND ${window.dateTo}::date
        AND e.deleted_at IS NULL
        ${readable}
    )
    SELECT
      w.category_type::text AS category,
      w.entry_date::text AS day,
      count(*) AS entry_count,
      count(*) FILTER (WHERE w.measure_type = 'SCALE') AS scale_entry_count,
      count(*) FILTER (WHERE w.measure_type = 'COUNT') AS count_entry_count,
      coalesce(sum(w.count_value), 0.00)::text AS count_sum,
      count(DISTINCT w.entry_date) AS active_days,
      round(count(*)::numeric / ${window.days}::int, 2)::text AS average_entries,
      round(coalesce(sum(w.count_value), 0) / ${window.days}::int, 2)::text AS average_count,
      avg((w.value_order - 1)::float8 / nullif(w.span, 0)) FILTER (WHERE w.measure_type = 'SCALE') AS average_scale_score
    FROM window_entries w
    GROUP BY GROUPING SETS ((w.category_type, w.entry_date), (w.category_type))`;

  return rows.map((row) => ({
    category: row.category,
    day: row.day,
    entryCount: Number(row.entry_count),
    scaleEntryCount: Number(row.scale_entry_count),
    countEntryCount: Number(row.count_entry_count),
    countSum: row.count_sum,
    activeDays: Number(row.active_days),
    averageEntriesPerDay: row.average_entries,
    averageCountPerDay: row.average_count,
    averageScaleScore: row.average_scale_score,
  }));
}
