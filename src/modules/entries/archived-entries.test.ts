import { Prisma } from '../../generated/prisma/client';
import { archiveCutoff, archiveOldEntries } from '../../ops/archive';
import { consecutiveDates, seedEntryGraph, type EntryGraph } from '../../../test/helpers/entry-graph';
import { errorCode, startTestApp, type GraphQLResponse, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { entriesTable, entryColumns, entryFromJson, entryHistoryWithArchive, entryJsonArray } from './archived-entries';
import { entryFromRow, type EntryRow } from './entry-store';

/**
 * `entries(filter: { includeArchived: true })` over HTTP after `npm run db:archive`'s work:
 * archived entries join the list with their history, under the same visibility rules.
 */

const DAY_MS = 86_400_000;
const dayBefore = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() - DAY_MS).toISOString().slice(0, 10);

const LIST = `
  query List($filter: EntryFilter, $first: Int, $after: String, $orderBy: EntryOrder) {
    entries(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id entryDate history { totalCount edges { node { action entry { id } } } } } }
    }
  }`;

interface ListedEntry {
  id: string;
  entryDate: string;
  history: { totalCount: number; edges: Array<{ node: { action: string; entry: { id: string } } }> };
}

interface EntryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: Array<{ node: ListedEntry }>;
}

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let graph: EntryGraph;
const OLD_DATES = consecutiveDates(dayBefore(archiveCutoff(730)), 3);
const LIVE_DATES = consecutiveDates(dayBefore(new Date().toISOString().slice(0, 10)), 2);
let archivedIds: Set<string>;
let liveIds: Set<string>;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  reader = await app.createUser();
  graph = await seedEntryGraph(app.prisma, { users: [owner.id], dates: [...OLD_DATES, ...LIVE_DATES] });
  const relation = await app.prisma.relation.create({
    data: { requesterId: reader.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
  });
  await app.prisma.permission.create({
    data: { relationId: relation.id, deedItemId: graph.items[0]!.countRoot, type: 'READ', version: 1 },
  });

  const moved = await archiveOldEntries(app.prisma, { afterDays: 730 });
  expect(moved).toMatchObject({ entries: 9, history: 9 + 5, complete: true });
  archivedIds = new Set((await app.prisma.entryArchive.findMany({ select: { id: true } })).map((e) => e.id.toString()));
  liveIds = new Set((await app.prisma.entry.findMany({ select: { id: true } })).map((e) => e.id.toString()));
  expect(archivedIds.size).toBe(9);
  expect(liveIds.size).toBe(6);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

async function listAll(token: string, filter: Record<string, unknown>, pageSize: number): Promise<{ totals: number[]; entries: ListedEntry[] }> {
  const entries: ListedEntry[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<{ entries: EntryPage }> = await app.gql<{ entries: EntryPage }>(
      LIST,
      { filter, first: pageSize, after },
      { token },
    );
    expect(res.errors).toBeUndefined();
    const page: EntryPage = res.data!.entries;
    totals.push(page.totalCount);
    entries.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { totals, entries };
    after = page.pageInfo.endCursor;
  }
}

describe('entries with includeArchived', () => {
  it('leaves archived entries out by default', async () => {
    const { totals, entries } = await listAll(owner.token, {}, 20);
    expect(totals).toEqual([6]);
    expect(new Set(entries.map((e) => e.id))).toEqual(liveIds);
    const explicit = await listAll(owner.token, { includeArchived: false }, 20);
    expect(explicit.totals).toEqual([6]);
  });

  it('lists live and archived entries together for the owner, in date order across pages', async () => {
    const { totals, entries } = await listAll(owner.token, { includeArchived: true }, 4);
    expect(totals).toEqual([15, 15, 15, 15]);
    expect(entries.map((e) => e.id)).toHaveLength(15);
    expect(new Set(entries.map((e) => e.id))).toEqual(new Set([...liveIds, ...archivedIds]));
    const dates = entries.map((e) => e.entryDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.slice(0, 6).every((date) => LIVE_DATES.includes(date))).toBe(true);
    expect(dates.slice(6).every((date) => OLD_DATES.includes(date))).toBe(true);
  });

  it("serves an archived entry's history, and the entry behind each change", async () => {
    const res = await app.gql(LIST, { filter: { includeArchived: true }, first: 1, orderBy: 'ENTRY_DATE_ASC' }, { token: owner.token });
    expect(res.errors).toBeUndefined();
    const [oldest] = res.data!.entries.edges.map((edge: { node: ListedEntry }) => edge.node) as ListedEntry[];
    expect(archivedIds.has(oldest!.id)).toBe(true);
    expect(oldest!.entryDate).toBe(OLD_DATES[0]);
    // The graph's first entry got CREATED then UPDATED (same instant: newest id first).
    expect(oldest!.history).toEqual({
      totalCount: 2,
      edges: [
        { node: { action: 'UPDATED', entry: { id: oldest!.id } } },
        { node: { action: 'CREATED', entry: { id: oldest!.id } } },
      ],
    });

    const byId = await app.gql(
      `query One($id: ID!) { entry(id: $id) { id entryDate } entryHistory(entryId: $id) { totalCount } }`,
      { id: oldest!.id },
      { token: owner.token },
    );
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ entry: { id: oldest!.id, entryDate: OLD_DATES[0] }, entryHistory: { totalCount: 2 } });
  });

  it('shows a READ grantee archived entries only on the items granted to them', async () => {
    const filter = { ownerId: owner.gid, includeArchived: true };
    const { totals, entries } = await listAll(reader.token, filter, 20);
    // The grant covers the COUNT deed's root and its child: 2 entries a day, 5 days.
    expect(totals).toEqual([10]);
    expect(entries.filter((e) => archivedIds.has(e.id))).toHaveLength(6);
    const liveOnly = await listAll(reader.token, { ownerId: owner.gid }, 20);
    expect(liveOnly.totals).toEqual([4]);
  });

  it('keeps archived entries read-only: updating one is NOT_FOUND', async () => {
    const [archivedId] = [...archivedIds];
    const res = await app.gql(
      `mutation Update($input: UpdateEntryInput!) { updateEntry(input: $input) { entry { id } } }`,
      { input: { id: archivedId, notes: 'late edit' } },
      { token: owner.token },
    );
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect((await app.prisma.entryArchive.findUnique({ where: { id: BigInt(archivedId!) } }))!.notes).not.toBe('late edit');
  });

  it('reads every column of both table pairs through the unions', async () => {
    const [live] = await app.prisma.$queryRaw<object[]>`SELECT * FROM entries LIMIT 1`;
    const [both] = await app.prisma.$queryRaw<object[]>(Prisma.sql`SELECT * FROM ${entriesTable(true)} e LIMIT 1`);
    expect(Object.keys(both!)).toEqual(Object.keys(live!));
    const [liveHistory] = await app.prisma.$queryRaw<object[]>`SELECT * FROM entry_history LIMIT 1`;
    const [bothHistory] = await app.prisma.$queryRaw<object[]>(Prisma.sql`SELECT * FROM ${entryHistoryWithArchive} h LIMIT 1`);
    expect(Object.keys(bothHistory!)).toEqual(Object.keys(liveHistory!));
  });

  it('reads an entry from its JSON array as from the columns raw SQL reads', async () => {
    await app.prisma.$executeRaw`UPDATE entries SET count_value = 12345678.05, notes = 'a "quoted" note', deleted_at = now() - interval '1 day' WHERE entry_id = (SELECT min(entry_id) FROM entries)`;
    const rows = await app.prisma.$queryRaw<EntryRow[]>(Prisma.sql`SELECT ${entryColumns('e')} FROM ${entriesTable(true)} e ORDER BY e.entry_id`);
    const json = await app.prisma.$queryRaw<Array<{ row: unknown[] }>>(Prisma.sql`SELECT ${entryJsonArray('e')} AS row FROM ${entriesTable(true)} e ORDER BY e.entry_id`);
    expect(json.map(({ row }) => entryFromJson(row))).toEqual(rows.map(entryFromRow));
  });
});
