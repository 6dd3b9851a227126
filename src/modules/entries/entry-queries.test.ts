import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, createScaleDeed, grant, RECORD_ENTRY, type CountDeed, type ScaleDeed } from '../../../test/fixtures/entries';

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let stranger: TestUser;
let scaleDeed: ScaleDeed;
let countDeed: CountDeed;
let sinDeed: CountDeed;
/** entry id by `${item}:${date}` */
const ids = new Map<string, string>();

const ENTRIES = /* GraphQL */ `
  query Entries($filter: EntryFilter, $orderBy: EntryOrder, $first: Int, $after: String) {
    entries(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id entryDate deedItem { id } } }
    }
  }`;

async function record(token: string, deedItemId: bigint, entryDate: string, value: { count?: string; scaleValueId?: bigint }) {
  const input = { deedItemId: String(deedItemId), entryDate, ...(value.count ? { count: value.count } : { scaleValueId: String(value.scaleValueId) }) };
  const res = await app.gql(RECORD_ENTRY, { input }, { token });
  expect(res.errors).toBeUndefined();
  ids.set(`${deedItemId}:${entryDate}`, res.data!.recordEntry.entry.id);
  return res.data!.recordEntry.entry.id as string;
}

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  reader = await app.createUser();
  stranger = await app.createUser();
  scaleDeed = await createScaleDeed(app, owner);
  countDeed = await createCountDeed(app, owner);
  sinDeed = await createCountDeed(app, owner, 'SAIYYIAAT');
  await grant(app, owner, reader, scaleDeed.childId, 'READ');
  for (const date of ['2025-03-01', '2025-03-02', '2025-03-03']) {
    await record(owner.token, scaleDeed.rootId, date, { scaleValueId: scaleDeed.values[0] });
    await record(owner.token, scaleDeed.childId, date, { scaleValueId: scaleDeed.values[1] });
    await record(owner.token, countDeed.itemId, date, { count: '1' });
  }
  await record(owner.token, sinDeed.itemId, '2025-03-02', { count: '2' });
  // The reader has entries of their own, which never mix into the owner's list.
  const readerDeed = await createCountDeed(app, reader);
  await record(reader.token, readerDeed.itemId, '2025-03-01', { count: '1' });
});

afterAll(() => app.stop());

async function list(token: string, variables: Record<string, unknown> = {}) {
  const res = await app.gql(ENTRIES, variables, { token });
  return res;
}

function nodes(res: any): Array<[string, string]> {
  return res.data.entries.edges.map((e: any) => [e.node.deedItem.id, e.node.entryDate]);
}

describe('entries', () => {
  it("defaults to the viewer's own live entries, newest date first, id as tiebreak", async () => {
    const res = await list(owner.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.entries.totalCount).toBe(10);
    const dates = res.data!.entries.edges.map((e: any) => e.node.entryDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const sameDay = res.data!.entries.edges.filter((e: any) => e.node.entryDate === '2025-03-02').map((e: any) => BigInt(e.node.id));
    expect(sameDay).toEqual([...sameDay].sort((a, b) => (a > b ? -1 : 1)));
  });

  it('ENTRY_DATE_ASC reverses the order', async () => {
    const res = await list(owner.token, { orderBy: 'ENTRY_DATE_ASC', first: 3 });
    expect(res.data!.entries.edges.map((e: any) => e.node.id)).toEqual([
      ids.get(`${scaleDeed.rootId}:2025-03-01`),
      ids.get(`${scaleDeed.childId}:2025-03-01`),
      ids.get(`${countDeed.itemId}:2025-03-01`),
    ]);
  });

  it('pages forward with opaque cursors and an exact total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await list(owner.token, { first: 3, after });
      expect(res.errors).toBeUndefined();
      const page = res.data!.entries;
      pages += 1;
      expect(page.totalCount).toBe(10);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    const all = await list(owner.token, { first: 100 });
    expect(seen).toEqual(all.data!.entries.edges.map((e: any) => e.node.id));
  });

  it.each([0, 101, -5])('first = %d is BAD_USER_INPUT at ["first"]', async (first) => {
    const res = await list(owner.token, { first });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions!.fieldErrors as any[])[0].path).toEqual(['first']);
  });

  it.each(['garbage', 'WyJ4Il0', Buffer.from('["2025-13-45","1"]').toString('base64url'), Buffer.from('["2025-01-01","abc"]').toString('base64url')])(
    'cursor %s is BAD_USER_INPUT',
    async (after) => {
      const res = await list(owner.token, { after });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    },
  );

  it('filters by deed, item (with or without descendants), category and date range', async () => {
    const byDeed = await list(owner.token, { filter: { deedId: String(scaleDeed.deedId) } });
    expect(byDeed.data!.entries.totalCount).toBe(6);
    const byItem = await list(owner.token, { filter: { deedItemId: String(scaleDeed.rootId) } });
    expect(byItem.data!.entries.totalCount).toBe(3);
    const withDescendants = await list(owner.token, { filter: { deedItemId: String(scaleDeed.rootId), includeDescendants: true } });
    expect(withDescendants.data!.entries.totalCount).toBe(6);
    const sins = await list(owner.token, { filter: { category: 'SAIYYIAAT' } });
    expect(nodes(sins)).toEqual([[String(sinDeed.itemId), '2025-03-02']]);
    const good = await list(owner.token, { filter: { category: 'HASANAAT' } });
    expect(good.data!.entries.totalCount).toBe(9);
    const range = await list(owner.token, { filter: { dateFrom: '2025-03-02', dateTo: '2025-03-02' } });
    expect(range.data!.entries.totalCount).toBe(4);
    const combined = await list(owner.token, { filter: { deedId: String(countDeed.deedId), dateFrom: '2025-03-02' }, orderBy: 'ENTRY_DATE_ASC' });
    expect(nodes(combined)).toEqual([[String(countDeed.itemId), '2025-03-02'], [String(countDeed.itemId), '2025-03-03']]);
  });

  it('another owner: only entries on items the viewer can read; nothing readable is NOT_FOUND', async () => {
    const asReader = await list(reader.token, { filter: { ownerId: owner.gid } });
    expect(asReader.errors).toBeUndefined();
    expect(nodes(asReader)).toEqual([
      [String(scaleDeed.childId), '2025-03-03'],
      [String(scaleDeed.childId), '2025-03-02'],
      [String(scaleDeed.childId), '2025-03-01'],
    ]);
    // A filter cannot widen the grant.
    const widened = await list(reader.token, { filter: { ownerId: owner.gid, deedId: String(countDeed.deedId) } });
    expect(widened.data!.entries.totalCount).toBe(0);

    const asStranger = await list(stranger.token, { filter: { ownerId: owner.gid } });
    expect(errorCode(asStranger)).toBe('NOT_FOUND');
    const unknown = await list(stranger.token, { filter: { ownerId: '987654321' } });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toBe(asStranger.errors![0]!.message);
    expect(errorCode(await list('', {}))).toBe('UNAUTHENTICATED');
  });

  it('deleted entries and entries under deleted items/deeds: hidden, except for the owner with includeDeleted', async () => {
    const deletedEntry = ids.get(`${scaleDeed.childId}:2025-03-01`)!;
    await app.gql(`mutation($id: ID!) { deleteEntry(input: { id: $id }) { entry { id } } }`, { id: deletedEntry }, { token: owner.token });
    await app.prisma.deed.update({ where: { id: sinDeed.deedId }, data: { deletedAt: new Date() } });
    try {
      const live = await list(owner.token, { first: 100 });
      expect(live.data!.entries.totalCount).toBe(8);
      const all = await list(owner.token, { first: 100, filter: { includeDeleted: true } });
      expect(all.data!.entries.totalCount).toBe(10);

      const readerAll = await list(reader.token, { filter: { ownerId: owner.gid, includeDeleted: true } });
      expect(readerAll.data!.entries.totalCount).toBe(2);

      // Deleting the root hides its child's entries too (effectively deleted).
      await app.prisma.deedItem.update({ where: { id: scaleDeed.rootId }, data: { deletedAt: new Date() } });
      const underDeleted = await list(owner.token, { filter: { deedId: String(scaleDeed.deedId) } });
      expect(underDeleted.data!.entries.totalCount).toBe(0);
      expect(errorCode(await list(reader.token, { filter: { ownerId: owner.gid } }))).toBe('NOT_FOUND');
    } finally {
      await app.prisma.deedItem.update({ where: { id: scaleDeed.rootId }, data: { deletedAt: null } });
      await app.prisma.deed.update({ where: { id: sinDeed.deedId }, data: { deletedAt: null } });
      await app.gql(`mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`, { id: deletedEntry }, { token: owner.token });
    }
  });
});

describe('entry(id)', () => {
  const ENTRY = `query($id: ID!) { entry(id: $id) { id deletedAt owner { id } } }`;

  it('is visible to the owner and to a reader of its item; others get null + NOT_FOUND', async () => {
    const id = ids.get(`${scaleDeed.childId}:2025-03-02`)!;
    expect((await app.gql(ENTRY, { id }, { token: owner.token })).data!.entry).toEqual({ id, deletedAt: null, owner: { id: owner.gid } });
    expect((await app.gql(ENTRY, { id }, { token: reader.token })).data!.entry.id).toBe(id);

    const notGranted = ids.get(`${scaleDeed.rootId}:2025-03-02`)!;
    const hidden = await app.gql(ENTRY, { id: notGranted }, { token: reader.token });
    expect(hidden.data!.entry).toBeNull();
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const missing = await app.gql(ENTRY, { id: '987654321' }, { token: reader.token });
    expect(missing.errors![0]!.message).toBe(hidden.errors![0]!.message);
    expect(errorCode(await app.gql(ENTRY, { id }, { token: stranger.token }))).toBe('NOT_FOUND');
  });

  it('a deleted entry is visible to its owner only', async () => {
    const id = ids.get(`${scaleDeed.childId}:2025-03-03`)!;
    await app.gql(`mutation($id: ID!) { deleteEntry(input: { id: $id }) { entry { id } } }`, { id }, { token: owner.token });
    try {
      const own = await app.gql(ENTRY, { id }, { token: owner.token });
      expect(own.data!.entry.deletedAt).not.toBeNull();
      expect(errorCode(await app.gql(ENTRY, { id }, { token: reader.token }))).toBe('NOT_FOUND');
      expect(errorCode(await app.gql(`query($id: ID!) { entryHistory(entryId: $id) { totalCount } }`, { id }, { token: reader.token }))).toBe('NOT_FOUND');
    } finally {
      await app.gql(`mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`, { id }, { token: owner.token });
    }
  });
});

describe('history', () => {
  const HISTORY = /* GraphQL */ `
    query($id: ID!, $first: Int, $after: String) {
      entryHistory(entryId: $id, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { node { id action after { count } } }
      }
    }`;

  it('entryHistory pages newest first with an exact total; readers of the item see it too', async () => {
    const id = ids.get(`${countDeed.itemId}:2025-03-01`)!;
    for (let i = 2; i <= 6; i++) {
      await app.gql(`mutation($input: UpdateEntryInput!) { updateEntry(input: $input) { change { id } } }`, { input: { id, count: String(i) } }, { token: owner.token });
    }
    const first = await app.gql(HISTORY, { id, first: 4 }, { token: owner.token });
    expect(first.data!.entryHistory).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.data!.entryHistory.edges.map((e: any) => e.node.after.count)).toEqual(['6.00', '5.00', '4.00', '3.00']);
    const second = await app.gql(HISTORY, { id, first: 4, after: first.data!.entryHistory.pageInfo.endCursor }, { token: owner.token });
    expect(second.data!.entryHistory).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(second.data!.entryHistory.edges.map((e: any) => [e.node.action, e.node.after.count])).toEqual([
      ['UPDATED', '2.00'],
      ['CREATED', '1.00'],
    ]);
    const past = await app.gql(HISTORY, { id, first: 4, after: second.data!.entryHistory.pageInfo.endCursor }, { token: owner.token });
    expect(past.data!.entryHistory).toMatchObject({ totalCount: 6, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const readable = ids.get(`${scaleDeed.childId}:2025-03-02`)!;
    expect((await app.gql(HISTORY, { id: readable }, { token: reader.token })).data!.entryHistory.totalCount).toBe(1);
    expect(errorCode(await app.gql(HISTORY, { id }, { token: reader.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(HISTORY, { id, first: 101 }, { token: owner.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(HISTORY, { id, after: 'nope' }, { token: owner.token }))).toBe('BAD_USER_INPUT');
  });

  it('Entry.history pages per entry inside a list, and a nested bad `first` is BAD_USER_INPUT', async () => {
    const res = await app.gql(
      `{ entries(first: 100, filter: { deedId: "${countDeed.deedId}" }, orderBy: ENTRY_DATE_ASC) {
          edges { node { entryDate history(first: 2) { totalCount pageInfo { hasNextPage } edges { node { action changedBy { id } entry { id } } } } } }
        } }`,
      {},
      { token: owner.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entries.edges.map((e: any) => [e.node.entryDate, e.node.history.totalCount, e.node.history.pageInfo.hasNextPage, e.node.history.edges.length])).toEqual([
      ['2025-03-01', 6, true, 2],
      ['2025-03-02', 1, false, 1],
      ['2025-03-03', 1, false, 1],
    ]);
    const bad = await app.gql(`{ entries { edges { node { history(first: 0) { totalCount } } } } }`, {}, { token: owner.token });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });
});
