import { PREPARED } from '../../db/prepared-statements';
import { Prisma } from '../../generated/prisma/client';
import type { SearchKind } from './enums';

/**
 * The one statement behind `search`: matches, exact count and the page's snippets. It reads
 * search_documents (maintained by triggers, see the migrations) and applies the lists'
 * visibility rules: soft-deleted rows (`live`), items under a deleted ancestor or deed and
 * their entries (visible_items) are left out; archived deeds (isActive false) stay.
 * Archived entries (moved by db:archive) have no document: like the default lists, search
 * covers live tables only.
 */

/** Private-use characters around matched words in ts_headline's output (never in stored text after stripping). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;

/** Fuzzy name matches need this word similarity (pg_trgm) to count. */
const FUZZY_THRESHOLD = 0.5;

/** Where results resume: the last row of the previous page, in ORDER BY terms. */
export interface SearchPosition {
  rank: string;
  kind: SearchKind;
  sourceId: bigint;
}

export interface SearchStatement {
  ownerId: bigint;
  /** The items the viewer reads through grants; null when the viewer is the owner. */
  grantedItemIds: readonly bigint[] | null;
  kinds: readonly SearchKind[];
  text: string;
  /** A plain word matched fuzzily against deed and item names (only when pg_trgm exists). */
  fuzzyTerm: string | null;
  first: number;
  after: SearchPosition | null;
}

export interface SearchRow {
  total: number;
  kind: SearchKind | null;
  source_id: bigint | null;
  rank: number | null;
  /** The rank as PostgreSQL prints it, exact for the cursor. */
  rank_text: string | null;
  headline: string | null;
}

/**
 * Every lexeme of the websearch query as a prefix (search-as-you-type: "pati" finds
 * "patience"), except excluded ones (`-pat` must not exclude every word starting with it).
 */
const PREFIX_QUERY = (text: string) => Prisma.sql`regexp_replace(
    regexp_replace(websearch_to_tsquery('kitaab_search', ${text})::text, '(''(?:[^'']|'''')+'')', '\\1:*', 'g'),
    '!(''(?:[^'']|'''')+''):\\*', '!\\1', 'g')::tsquery`;

function visibleItems(statement: SearchStatement): Prisma.Sql {
  if (statement.grantedItemIds !== null) {
    return Prisma.sql`SELECT unnest(${statement.grantedItemIds.map(String)}::bigint[]) AS deed_item_id`;
  }
  // The owner's items whose whole chain and deed are live (CONTRACT.md section 4), walked
  // within the owner's own items (owner_items) so each step joins a few rows, not the table.
  return Prisma.sql`
    SELECT o.deed_item_id FROM owner_items o WHERE o.parent_deed_item_id IS NULL
    UNION ALL
    SELECT c.deed_item_id FROM owner_items c JOIN visible_items v ON c.parent_deed_item_id = v.deed_item_id`;
}

/** The owner's live items in live deeds (only the owner's own search walks them; a deleted item's children are left out by the walk). */
function ownerItems(statement: SearchStatement): Prisma.Sql {
  if (statement.grantedItemIds !== null) return Prisma.sql`SELECT NULL::bigint AS deed_item_id, NULL::bigint AS parent_deed_item_id WHERE FALSE`;
  return Prisma.sql`
    SELECT di.deed_item_id, di.parent_deed_item_id
    FROM deeds d JOIN deed_items di ON di.deed_id = d.deed_id
    WHERE d.user_id = ${statement.ownerId} AND d.deleted_at IS NULL AND di.deleted_at IS NULL`;
}

export function searchStatement(statement: SearchStatement): Prisma.Sql {
  const fuzzy = statement.fuzzyTerm
    ? Prisma.sql`(sd.title IS NOT NULL AND word_similarity(${statement.fuzzyTerm}, sd.title) >= ${FUZZY_THRESHOLD})`
    : Prisma.sql`FALSE`;
  const fuzzyRank = statement.fuzzyTerm
    ? Prisma.sql`CASE WHEN sd.title IS NOT NULL THEN word_similarity(${statement.fuzzyTerm}, sd.title) / 10 ELSE 0 END`
    : Prisma.sql`0`;
  const after = statement.after
    ? Prisma.sql`WHERE (m.rank, m.kind, m.source_id) < (${statement.after.rank}::real, ${statement.after.kind}, ${statement.after.sourceId})`
    : Prisma.empty;
  const owner = statement.ownerId;
  // The queries are computed once (InitPlans), so each document is tested with a plain @@.
  // Prepared: parsing and planning this statement cost more than running it, and its text is
  // one of eight (owner or grantee, fuzzy or not, first page or not).
  return Prisma.sql`${Prisma.raw(PREPARED)}
    WITH RECURSIVE owner_items AS MATERIALIZED (${ownerItems(statement)}),
    visible_items AS (${visibleItems(statement)}),
    q AS MATERIALIZED (SELECT ${PREFIX_QUERY(statement.text)} AS prefix, websearch_to_tsquery('kitaab_search', ${statement.text}) AS exact),
    matched AS MATERIALIZED (
      SELECT sd.kind, sd.source_id,
             (ts_rank_cd(sd.search_vector, (SELECT prefix FROM q)) + ts_rank_cd(sd.search_vector, (SELECT exact FROM q)) + ${fuzzyRank})::real AS rank
      FROM (
        -- The owner's documents, each tested with @@: one user's few hundred are fewer than the
        -- GIN index's matches of a common prefix over every user. The fence (OFFSET 0) keeps
        -- the prepared statement's generic plan from ANDing that index in.
        SELECT d.kind, d.source_id, d.deed_item_id, d.title, d.search_vector
        FROM search_documents d
        WHERE d.user_id = ${owner} AND d.kind = ANY(${[...statement.kinds]}::text[]) AND d.live
        OFFSET 0
      ) sd
      WHERE (sd.search_vector @@ (SELECT prefix FROM q) OR ${fuzzy})
        AND (sd.deed_item_id IS NULL OR sd.deed_item_id IN (SELECT deed_item_id FROM visible_items))
    ),
    page AS (
      SELECT m.kind, m.source_id, m.rank FROM matched m ${after}
      ORDER BY m.rank DESC, m.kind DESC, m.source_id DESC
      LIMIT ${statement.first + 1}
    )
    SELECT counted.total, p.kind, p.source_id, p.rank, p.rank::text AS rank_text,
           ts_headline('kitaab_search', coalesce(src.text, ''), (SELECT prefix FROM q), ${HEADLINE_OPTIONS}) AS headline
    FROM (SELECT count(*)::int AS total FROM matched) counted
    LEFT JOIN page p ON TRUE
    LEFT JOIN LATERAL (
      SELECT CASE p.kind
        WHEN 'ENTRY' THEN (SELECT e.notes FROM entries e WHERE e.entry_id = p.source_id)
        WHEN 'DEED' THEN (SELECT concat_ws(' — ', d.name, d.description) FROM deeds d WHERE d.deed_id = p.source_id)
        WHEN 'DEED_ITEM' THEN (SELECT concat_ws(' — ', di.name, di.description) FROM deed_items di WHERE di.deed_item_id = p.source_id)
        WHEN 'REFLECTION' THEN (SELECT r.content FROM reflection_messages r WHERE r.reflection_message_id = p.source_id)
        WHEN 'SUPPORT_MESSAGE' THEN (SELECT concat_ws(' — ', s.subject, s.content) FROM messages s WHERE s.message_id = p.source_id)
      END AS text
    ) src ON TRUE
    ORDER BY p.rank DESC, p.kind DESC, p.source_id DESC`;
}
