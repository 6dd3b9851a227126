import { Prisma } from '../../generated/prisma/client';

/**
 * The entries that count toward progress and dashboards, live and archived alike, as a FROM
 * item (give it an alias). Archival (src/ops/archive.ts) moves old entries out of `entries`
 * without changing what they mean, so goals whose windows reach back that far (merits and
 * targets may run 3,660 days or have no end) and dashboards see the same numbers before and
 * after it runs.
 *
 * One row per (owner, deed item, date), as in the live table: a date recorded again after its
 * entry was archived has a live row, which supersedes the archived one; of several archived
 * rows for one date, the newest (highest id) counts. Conditions on user_id, deed_item_id and
 * entry_date are pushed into both arms, so each uses its own (user, date) index.
 */
export const countedEntries = Prisma.sql`(
  SELECT entry_id, user_id, deed_item_id, entry_date, scale_value_id, count_value, deleted_at FROM entries
  UNION ALL
  SELECT a.entry_id, a.user_id, a.deed_item_id, a.entry_date, a.scale_value_id, a.count_value, a.deleted_at
  FROM entries_archive a
  WHERE NOT EXISTS (SELECT 1 FROM entries l
                    WHERE l.user_id = a.user_id AND l.deed_item_id = a.deed_item_id AND l.entry_date = a.entry_date)
    AND NOT EXISTS (SELECT 1 FROM entries_archive n
                    WHERE n.user_id = a.user_id AND n.deed_item_id = a.deed_item_id AND n.entry_date = a.entry_date
                      AND n.entry_id > a.entry_id)
)`;
