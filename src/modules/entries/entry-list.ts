import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { notFound } from '../../lib/errors';
import { parseId } from '../../lib/id';
import { connectionFromRows, decodeCursor, encodeCursor, invalidCursor, pageSize, type Connection } from '../../lib/pagination';
import { parseLocalDate, ScalarInputError } from '../../lib/scalars';
import { bigintArray } from '../../lib/sql';
import type { PermissionAuthority } from '../access/authority';
import type { DeedLoaders } from '../deeds/loaders';
import { deedColumns, deedFrom, itemColumns, itemFrom } from '../deeds/raw-rows';
import type { DeedItemRecord } from '../deeds/types';
import { entriesTable } from './archived-entries';
import { entryFromRow, type EntryRow } from './entry-store';
import { EntryOrder } from './enums';
import type { EntryFilter } from './inputs';
import type { EntryRecord } from './types';

/**
 * The `entries` query: one owner's entries (the viewer's by default), narrowed by the
 * filter, in entry-date order with the id as tiebreak, one page plus the exact total in ONE
 * statement. A non-owner sees only entries on items the authority says they can read, and
 * never deleted ones; the owner sees deleted entries and entries under deleted items/deeds
 * only with `includeDeleted`. The same statement brings each entry's deed item and deed, which
 * fill the request's loaders (and, for live items, the authority's item facts), so the usual
 * `deedItem { deed }` below costs nothing more.
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

const cursorOf = (entry: EntryRecord) => encodeCursor([entry.entryDate.toISOString().slice(0, 10), entry.id.toString()]);

export interface EntryListArgs {
  viewerId: bigint;
  authority: PermissionAuthority;
  /** Filled with the page's deed items and deeds. */
  loaders: Pick<DeedLoaders, 'deedItems' | 'deeds'>;
  filter: EntryFilter | null | undefined;
  orderBy: EntryOrder;
  first: number | null | undefined;
  after: string | null | undefined;
}

const ITEM = 'item.';
const DEED = 'deed.';

/**
 * Loaders get the rows as they are; the authority learns that the items are live only when
 * the statement required it (live_items: the item, its ancestors and its deed not deleted).
 */
function primeItemsAndDeeds(
  args: Pick<EntryListArgs, 'loaders' | 'authority'>,
  page: ReadonlyArray<Record<string, unknown>>,
  { ownerId, live }: { ownerId: bigint; live: boolean },
): void {
  const items: DeedItemRecord[] = [];
  for (const row of page) {
    const item = itemFrom(row, ITEM);
    const deed = deedFrom(row, DEED);
    if (item) {
      args.loaders.deedItems.prime(item.id, item);
      items.push(item);
    }
    if (deed) args.loaders.deeds.prime(deed.id, deed);
  }
  if (live) args.authority.primeLiveItems(ownerId, items);
}

export async function listEntries(db: Db, args: EntryListArgs): Promise<Connection<EntryRecord>> {
  const first = pageSize(args.first);
  const cursor = args.after === null || args.after === undefined ? null : parseEntryCursor(args.after);
  const filter = args.filter ?? {};
  const ownerId = filter.ownerId ?? args.viewerId;
  const isOwner = ownerId === args.viewerId;

  const conditions: Prisma.Sql[] = [Prisma.sql`e.user_id = ${ownerId}`];
  if (!isOwner) {
    const granted = await args.authority.grantedItems(ownerId);
    if (granted.size === 0) throw notFound('User');
    conditions.push(Prisma.sql`e.deed_item_id = ANY(${bigintArray([...granted.keys()])})`);
  }
  const includeDeleted = isOwner && filter.includeDeleted === true;
  if (!includeDeleted) {
    conditions.push(Prisma.sql`e.deleted_at IS NULL AND e.deed_item_id IN (SELECT deed_item_id FROM live_items)`);
  }
  if (filter.deedId) conditions.push(Prisma.sql`di.deed_id = ${filter.deedId}`);
  if (filter.deedItemId) {
    conditions.push(
      filter.includeDescendants
        ? Prisma.sql`e.deed_item_id IN (SELECT deed_item_id FROM subtree)`
        : Prisma.sql`e.deed_item_id = ${filter.deedItemId}`,
    );
  }
  if (filter.category) conditions.push(Prisma.sql`d.category_type = ${filter.category}::deed_category_type`);
  if (filter.dateFrom) conditions.push(Prisma.sql`e.entry_date >= ${filter.dateFrom}::date`);
  if (filter.dateTo) conditions.push(Prisma.sql`e.entry_date <= ${filter.dateTo}::date`);

  const ascending = args.orderBy === EntryOrder.ENTRY_DATE_ASC;
  const direction = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const afterCursor = cursor
    ? ascending
      ? Prisma.sql`(m.entry_date, m.entry_id) > (${cursor.date}::date, ${cursor.id}::bigint)`
      : Prisma.sql`(m.entry_date, m.entry_id) < (${cursor.date}::date, ${cursor.id}::bigint)`
    : Prisma.sql`TRUE`;

  // live_items: the owner's items whose whole chain and deed are live (CONTRACT.md section 4).
  // subtree: the filter's item and everything below it.
  const rows = await db.$queryRaw<Array<EntryRow & { total: bigint } & Record<string, unknown>>>`
    WITH RECURSIVE live_items AS (
      SELECT di.deed_item_id FROM deed_items di JOIN deeds d ON d.deed_id = di.deed_id
      WHERE d.user_id = ${ownerId} AND d.deleted_at IS NULL AND di.deleted_at IS NULL AND di.parent_deed_item_id IS NULL
      UNION ALL
      SELECT c.deed_item_id FROM deed_items c JOIN live_items l ON c.parent_deed_item_id = l.deed_item_id
      WHERE c.deleted_at IS NULL
    ),
    subtree AS (
      SELECT di.deed_item_id FROM deed_items di WHERE di.deed_item_id = ${filter.deedItemId ?? null}::bigint
      UNION ALL
      SELECT c.deed_item_id FROM deed_items c JOIN subtree s ON c.parent_deed_item_id = s.deed_item_id
    ),
    matched AS (
      SELECT e.* FROM ${entriesTable(filter.includeArchived === true)} e
      JOIN deed_items di ON di.deed_item_id = e.deed_item_id
      JOIN deeds d ON d.deed_id = di.deed_id
      WHERE ${Prisma.join(conditions, ' AND ')}
    )
    SELECT counted.total, p.*, ${itemColumns('pi', ITEM)}, ${deedColumns('pd', DEED)}
    FROM (SELECT count(*) AS total FROM matched) counted
    LEFT JOIN LATERAL (
      SELECT m.* FROM matched m WHERE ${afterCursor}
      ORDER BY m.entry_date ${direction}, m.entry_id ${direction}
      LIMIT ${first + 1}
    ) p ON TRUE
    LEFT JOIN deed_items pi ON pi.deed_item_id = p.deed_item_id
    LEFT JOIN deeds pd ON pd.deed_id = pi.deed_id
    ORDER BY p.entry_date ${direction}, p.entry_id ${direction}`;

  const totalCount = Number(rows[0]?.total ?? 0);
  const page = rows.filter((r) => r.entry_id !== null);
  primeItemsAndDeeds(args, page, { ownerId, live: !includeDeleted });
  const entries = page.map(entryFromRow);
  return connectionFromRows(entries, { first, after: args.after, totalCount, cursorOf });
}
