import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { PREPARED } from '../../db/prepared-statements';
import { parseId } from '../../lib/id';
import { localDateOf } from '../../lib/local-dates';
import { connectionFromRows, decodeCursor, encodeCursor, invalidCursor, pageSize, type Connection } from '../../lib/pagination';
import { parseLocalDate, ScalarInputError } from '../../lib/scalars';
import { bigintArray } from '../../lib/sql';
import type { Actor } from '../context-types';
import { deedFromJson, deedJson, itemFromJson, itemJson } from '../deeds/raw-rows';
import type { DeedItemRecord } from '../deeds/types';
import { entriesTable, entryColumns, entryFromJson, entryJsonArray } from './archived-entries';
import { EntryOrder } from './enums';
import type { EntryFilter } from './inputs';
import type { EntryRecord } from './types';

/**
 * The `entries` query: one owner's entries (the viewer's by default), narrowed by the
 * filter, in entry-date order with the id as tiebreak, one page (plus the exact total when it
 * is asked for) in ONE statement. A non-owner sees only entries on items the authority says
 * they can read, and never deleted ones; the owner sees deleted entries and entries under
 * deleted items/deeds only with `includeDeleted`. The same statement brings the page's deed
 * items and deeds, once each, which fill the request's loaders (and, for live items, the
 * authority's item facts), so the usual `deedItem { deed }` below costs nothing more. It
 * returns one row, everything in it JSON: the driver and Prisma decoding twelve cells per entry
 * cost a page more CPU than JSON.parse of the same values (archived-entries.ts).
 *
 * Cost per page (CONTRACT.md section 4 decides what is hidden): instead of walking the
 * owner's whole live tree, the statement walks down from what is deleted (the owner's deleted
 * deeds and items, usually none, found through partial indexes) and leaves those items out.
 * The page's keys come in date order from idx_entries_live_user_page without touching the
 * table; only the page's rows are then read. The total is a separate scan, done only when
 * asked for.
 */

type Db = Pick<PrismaClient, '$queryRaw'>;

function parseEntryCursor(after: string): { date: string; id: bigint } {
  const [date, id] = decodeCursor(after, 2);
  const parsedId = parseId(id);
  try {
    parseLocalDate(date!);
  } catch (error) {
    if (error instanceof ScalarInputError) throw invalidCursor();
    throw error;
  }
  if (parsedId === null) throw invalidCursor();
  return { date: date!, id: parsedId };
}

const cursorOf = (entry: EntryRecord) => encodeCursor([localDateOf(entry.entryDate), entry.id.toString()]);

export interface EntryListArgs {
  /** The viewer; the page's deed items and deeds fill its loaders (and its authority's facts). */
  actor: Actor;
  filter: EntryFilter | null | undefined;
  orderBy: EntryOrder;
  first: number | null | undefined;
  after: string | null | undefined;
  /** Whether the caller reads `totalCount`; when false it is not counted and reads as NaN. */
  countTotal: boolean;
}

/** What the statement returns besides the entries: the total (when counted), the page's items and deeds. */
interface PageReferences {
  total: bigint | null;
  items: Array<Record<string, unknown>> | null;
  deeds: Array<Record<string, unknown>> | null;
}

/**
 * Loaders get the records as they are; the authority learns that the items are live only when
 * the statement required it (hidden items left out: the item, its ancestors and its deed are
 * not deleted).
 */
function primeItemsAndDeeds(
  { loaders, authority }: Actor,
  references: PageReferences,
  { ownerId, live }: { ownerId: bigint; live: boolean },
): void {
  const items: DeedItemRecord[] = (references.items ?? []).map(itemFromJson);
  for (const item of items) loaders.deedItems.prime(item.id, item);
  for (const deed of (references.deeds ?? []).map(deedFromJson)) loaders.deeds.prime(deed.id, deed);
  if (live) authority.primeLiveItems(ownerId, items);
}

/**
 * What the owner has hidden (CONTRACT.md section 4): every item of a deleted deed, every
 * deleted item, and everything below those. Each seed branch is an index probe that finds
 * nothing for an owner who deleted nothing.
 */
const hiddenItems = (ownerId: bigint) => Prisma.sql`
  hidden AS (
    SELECT deed_item_id FROM (
      SELECT di.deed_item_id FROM deeds d JOIN deed_items di ON di.deed_id = d.deed_id
      WHERE d.user_id = ${ownerId} AND d.deleted_at IS NOT NULL AND di.deleted_at IS NULL
      UNION ALL
      SELECT di.deed_item_id FROM deeds d JOIN deed_items di ON di.deed_id = d.deed_id
      WHERE d.user_id = ${ownerId} AND d.deleted_at IS NOT NULL AND di.deleted_at IS NOT NULL
      UNION ALL
      SELECT di.deed_item_id FROM deeds d JOIN deed_items di ON di.deed_id = d.deed_id
      WHERE d.user_id = ${ownerId} AND d.deleted_at IS NULL AND di.deleted_at IS NOT NULL
    ) seed
    UNION
    SELECT c.deed_item_id FROM deed_items c JOIN hidden h ON c.parent_deed_item_id = h.deed_item_id
  )`;

/** The filter's item and everything below it. */
const subtreeOf = (itemId: bigint) => Prisma.sql`
  subtree AS (
    SELECT di.deed_item_id FROM deed_items di WHERE di.deed_item_id = ${itemId}
    UNION ALL
    SELECT c.deed_item_id FROM deed_items c JOIN subtree s ON c.parent_deed_item_id = s.deed_item_id
  )`;

export async function listEntries(db: Db, args: EntryListArgs): Promise<Connection<EntryRecord>> {
  const first = pageSize(args.first);
  const cursor = args.after === null || args.after === undefined ? null : parseEntryCursor(args.after);
  const filter = args.filter ?? {};
  const ownerId = filter.ownerId ?? args.actor.viewerId;
  const scope = await args.actor.authority.requireReadScopeOf(ownerId);

  const ctes: Prisma.Sql[] = [];
  const conditions: Prisma.Sql[] = [Prisma.sql`e.user_id = ${ownerId}`];
  // Sets the entry's item must be in: one array, their intersection, so the generic plan reads
  // only those items' entries (unique_user_deed_item_date); with one array per set it read all
  // the owner's entries and filtered them (bench/RESULTS.md, the twelfth round).
  const itemSets: Prisma.Sql[] = [];
  if (!scope.owner) {
    // Behind a subquery, the planner sees no more of the array in a custom plan than in the
    // generic one, so PostgreSQL keeps the generic plan instead of planning every call (it
    // preferred custom plans for their smaller row estimates: 1.4 ms of planning per page).
    itemSets.push(Prisma.sql`SELECT unnest(${bigintArray([...scope.items.keys()])})`);
  }
  const includeDeleted = scope.owner && filter.includeDeleted === true;
  if (!includeDeleted) {
    // An array filter, not an anti-join: it stays a filter on the index scan, so the page
    // is read in index order and stops after first + 1 keys.
    ctes.push(hiddenItems(ownerId));
    conditions.push(Prisma.sql`e.deleted_at IS NULL AND e.deed_item_id <> ALL (ARRAY(SELECT deed_item_id FROM hidden))`);
  }
  if (filter.deedId) conditions.push(Prisma.sql`di.deed_id = ${filter.deedId}`);
  if (filter.deedItemId) {
    if (filter.includeDescendants) {
      ctes.push(subtreeOf(filter.deedItemId));
      itemSets.push(Prisma.sql`SELECT deed_item_id FROM subtree`);
    } else {
      conditions.push(Prisma.sql`e.deed_item_id = ${filter.deedItemId}`);
    }
  }
  if (itemSets.length > 0) conditions.push(Prisma.sql`e.deed_item_id = ANY (ARRAY(${Prisma.join(itemSets, ' INTERSECT ')}))`);
  if (filter.category) conditions.push(Prisma.sql`d.category_type = ${filter.category}::deed_category_type`);
  if (filter.dateFrom) conditions.push(Prisma.sql`e.entry_date >= ${filter.dateFrom}::date`);
  if (filter.dateTo) conditions.push(Prisma.sql`e.entry_date <= ${filter.dateTo}::date`);

  const source = entriesTable(filter.includeArchived === true);
  const joins = Prisma.sql`
    ${filter.deedId || filter.category ? Prisma.sql`JOIN deed_items di ON di.deed_item_id = e.deed_item_id` : Prisma.empty}
    ${filter.category ? Prisma.sql`JOIN deeds d ON d.deed_id = di.deed_id` : Prisma.empty}`;
  const where = Prisma.join(conditions, ' AND ');

  const ascending = args.orderBy === EntryOrder.ENTRY_DATE_ASC;
  const direction = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const afterCursor = cursor
    ? ascending
      ? Prisma.sql`(e.entry_date, e.entry_id) > (${cursor.date}::date, ${cursor.id}::bigint)`
      : Prisma.sql`(e.entry_date, e.entry_id) < (${cursor.date}::date, ${cursor.id}::bigint)`
    : Prisma.sql`TRUE`;
  const total = args.countTotal ? Prisma.sql`(SELECT count(*) FROM ${source} e ${joins} WHERE ${where})` : Prisma.sql`NULL::bigint`;

  // page: the page's keys in order, then only their rows. One row comes back: the page's
  // entries in order, the total and the page's items and deeds, each as JSON.
  // A SELECT without FROM: always exactly one row.
  const [references] = await db.$queryRaw<[PageReferences & { entries: unknown[][] | null }]>`${Prisma.raw(PREPARED)}
    WITH RECURSIVE ${Prisma.join([
      ...ctes,
      Prisma.sql`
      page AS (
        SELECT ${entryColumns('e')}
        FROM (
          SELECT e.entry_id FROM ${source} e ${joins}
          WHERE ${where} AND ${afterCursor}
          ORDER BY e.entry_date ${direction}, e.entry_id ${direction}
          LIMIT ${Prisma.raw(String(first + 1))}
        ) k
        JOIN ${source} e ON e.entry_id = k.entry_id
      )`,
      Prisma.sql`
      items AS (
        SELECT * FROM deed_items WHERE deed_item_id = ANY (ARRAY(SELECT DISTINCT deed_item_id FROM page))
      )`,
    ])}
    SELECT ${total} AS total,
      (SELECT json_agg(${itemJson('i')}) FROM items i) AS items,
      (SELECT json_agg(${deedJson('d')}) FROM deeds d WHERE d.deed_id = ANY (ARRAY(SELECT DISTINCT deed_id FROM items))) AS deeds,
      (SELECT json_agg(${entryJsonArray('p')} ORDER BY p.entry_date ${direction}, p.entry_id ${direction}) FROM page p) AS entries`;

  const totalCount = args.countTotal ? Number(references.total ?? 0) : Number.NaN;
  primeItemsAndDeeds(args.actor, references, { ownerId, live: !includeDeleted });
  const entries = (references.entries ?? []).map(entryFromJson);
  return connectionFromRows(entries, { first, after: args.after, totalCount, cursorOf });
}
