import type { Decimal } from '@prisma/client/runtime/client';
import { Prisma } from '../../generated/prisma/client';
import { bigintArray } from '../../lib/sql';
import { countedEntries } from '../entries/counted-entries';

/**
 * Live progress, aggregated in PostgreSQL (CONTRACT.md section 6): ONE statement answers
 * every goal item asked for, of merits and targets alike, however many goals and entries
 * there are. JavaScript only sees one row per goal item.
 *
 * Contributing entries of a goal item: the owner's live entries, archived ones included
 * (entries/counted-entries.ts), dated inside the goal's window on the item's deed item or any
 * live descendant, provided the deed item's own chain and its deed are live (an effectively
 * deleted deed item contributes nothing). COUNT items sum the counts; SCALE items count
 * entries whose scale value is exactly the item's.
 */

export type GoalKind = 'MERIT' | 'TARGET';

/** Which goal items to compute: listed items, and every item of the listed goals. */
export interface ProgressSelection {
  meritItemIds?: readonly bigint[];
  targetItemIds?: readonly bigint[];
  meritIds?: readonly bigint[];
  targetIds?: readonly bigint[];
}

export interface AchievedRow {
  kind: GoalKind;
  goalId: bigint;
  itemId: bigint;
  required: Decimal;
  achieved: Decimal;
}

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

export async function achievedAmounts(db: Db, selection: ProgressSelection): Promise<AchievedRow[]> {
  const ids = (list?: readonly bigint[]) => bigintArray(list ?? []);
  const rows = await db.$queryRaw<
    Array<{ kind: GoalKind; goal_id: bigint; item_id: bigint; required: Decimal; achieved: Decimal }>
  >`
    WITH RECURSIVE goal_items AS (
      SELECT 'MERIT'::text AS kind, m.merit_id AS goal_id, mi.merit_item_id AS item_id, mi.deed_item_id,
             mi.scale_value_id, mi.required_amount AS required, m.user_id AS owner_id,
             m.start_date AS first_day,
             CASE WHEN m.duration_days IS NULL THEN NULL ELSE m.start_date + (m.duration_days - 1) END AS last_day
      FROM merit_items mi JOIN merits m ON m.merit_id = mi.merit_id
      WHERE mi.merit_item_id = ANY(${ids(selection.meritItemIds)}) OR mi.merit_id = ANY(${ids(selection.meritIds)})
      UNION ALL
      SELECT 'TARGET', t.target_id, ti.target_item_id, ti.deed_item_id,
             ti.scale_value_id, ti.required_amount, t.user_id,
             t.start_date, t.end_date
      FROM target_items ti JOIN targets t ON t.target_id = ti.target_id
      WHERE ti.target_item_id = ANY(${ids(selection.targetItemIds)}) OR ti.target_id = ANY(${ids(selection.targetIds)})
    ),
    -- From each goal item's deed item up to its root: one deleted step hides the whole subtree.
    chain AS (
      SELECT gi.kind, gi.item_id, di.parent_deed_item_id AS next_id, di.deleted_at IS NOT NULL AS deleted
      FROM goal_items gi JOIN deed_items di ON di.deed_item_id = gi.deed_item_id
      UNION ALL
      SELECT chain.kind, chain.item_id, p.parent_deed_item_id, p.deleted_at IS NOT NULL
      FROM chain JOIN deed_items p ON p.deed_item_id = chain.next_id
    ),
    live_goal_items AS (
      SELECT gi.* FROM goal_items gi
      JOIN deed_items di ON di.deed_item_id = gi.deed_item_id
      JOIN deeds d ON d.deed_id = di.deed_id AND d.deleted_at IS NULL
      WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE c.kind = gi.kind AND c.item_id = gi.item_id AND c.deleted)
    ),
    -- The deed item and its descendants, descending through live children only.
    subtree AS (
      SELECT lgi.kind, lgi.item_id, lgi.deed_item_id FROM live_goal_items lgi
      UNION ALL
      SELECT s.kind, s.item_id, c.deed_item_id
      FROM subtree s JOIN deed_items c ON c.parent_deed_item_id = s.deed_item_id AND c.deleted_at IS NULL
    ),
    achieved AS (
      SELECT lgi.kind, lgi.item_id,
             CASE WHEN lgi.scale_value_id IS NULL THEN COALESCE(SUM(e.count_value), 0)
                  ELSE COUNT(e.entry_id) END::numeric AS amount
      FROM live_goal_items lgi
      JOIN subtree s ON s.kind = lgi.kind AND s.item_id = lgi.item_id
      JOIN ${countedEntries} e ON e.deed_item_id = s.deed_item_id AND e.user_id = lgi.owner_id AND e.deleted_at IS NULL
        AND e.entry_date >= lgi.first_day AND (lgi.last_day IS NULL OR e.entry_date <= lgi.last_day)
        AND (lgi.scale_value_id IS NULL OR e.scale_value_id = lgi.scale_value_id)
      GROUP BY lgi.kind, lgi.item_id, lgi.scale_value_id
    )
    SELECT gi.kind, gi.goal_id, gi.item_id, gi.required, COALESCE(a.amount, 0)::numeric AS achieved
    FROM goal_items gi LEFT JOIN achieved a ON a.kind = gi.kind AND a.item_id = gi.item_id
    ORDER BY gi.kind, gi.goal_id, gi.item_id`;
  return rows.map((row) => ({
    kind: row.kind,
    goalId: row.goal_id,
    itemId: row.item_id,
    required: row.required,
    achieved: row.achieved,
  }));
}

/** Rows grouped per goal id (in item id order), for the goals of one kind. */
export function rowsByGoal(rows: readonly AchievedRow[], kind: GoalKind): Map<bigint, AchievedRow[]> {
  const groups = new Map<bigint, AchievedRow[]>();
  for (const row of rows) {
    if (row.kind !== kind) continue;
    const group = groups.get(row.goalId) ?? [];
    group.push(row);
    groups.set(row.goalId, group);
  }
  return groups;
}
