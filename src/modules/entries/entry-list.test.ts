import { StatementCounter } from '../../../test/helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { grant, RECORD_ENTRY } from '../../../test/fixtures/entries';

/**
 * The list statement (entry-list.ts) finds what is hidden by walking down from deleted deeds
 * and items, counts only when `totalCount` is selected, and brings each deed item and deed of
 * the page once. These tests pin each of those against the contract (CONTRACT.md sections 4
 * and 8).
 *
 * Tree: deed A (root → mid → leaf, root → side), deed B (b1, b2), one entry per item.
 */

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let counter: StatementCounter;
const item: Record<'root' | 'mid' | 'leaf' | 'side' | 'b1' | 'b2', bigint> = {} as never;
let deedA: bigint;
let deedB: bigint;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  reader = await app.createUser();
  const deed = (name: string) => app.prisma.deed.create({ data: { userId: owner.id, name, category: 'HASANAAT', measureType: 'COUNT' } });
  const child = async (deedId: bigint, name: string, parent?: { id: bigint; level: number }) =>
    app.prisma.deedItem.create({ data: { deedId, name, description: `${name} notes`, parentId: parent?.id ?? null, level: (parent?.level ?? 0) + 1 } });
  deedA = (await deed('A')).id;
  deedB = (await deed('B')).id;
  const root = await child(deedA, 'root');
  const mid = await child(deedA, 'mid', root);
  const leaf = await child(deedA, 'leaf', mid);
  const side = await child(deedA, 'side', root);
  const b1 = await child(deedB, 'b1');
  const b2 = await child(deedB, 'b2');
  Object.assign(item, { root: root.id, mid: mid.id, leaf: leaf.id, side: side.id, b1: b1.id, b2: b2.id });
  for (const id of Object.values(item)) {
    const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(id), entryDate: '2025-03-01', count: '1' } }, { token: owner.token });
    expect(res.errors).toBeUndefined();
  }
  await grant(app, owner, reader, root.id, 'READ');
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app?.stop();
});

const LIST = /* GraphQL */ `
  query List($filter: EntryFilter) {
    entries(first: 100, filter: $filter) { totalCount edges { node { deedItem { id } } } }
  }`;

/** The item ids the viewer's list shows, sorted, with the total it reports. */
async function visible(token: string, filter: Record<string, unknown> = {}): Promise<{ items: bigint[]; total: number }> {
  const res = await app.gql(LIST, { filter }, { token });
  expect(res.errors).toBeUndefined();
  const items = res.data!.entries.edges.map((e: any) => BigInt(e.node.deedItem.id)).sort((a: bigint, b: bigint) => (a < b ? -1 : 1));
  expect(res.data!.entries.totalCount).toBe(items.length);
  return { items, total: res.data!.entries.totalCount };
}

const ids = (...names: Array<keyof typeof item>) => names.map((n) => item[n]).sort((a, b) => (a < b ? -1 : 1));

async function setDeleted(table: 'deed' | 'deedItem', id: bigint, deleted: boolean): Promise<void> {
  const data = { deletedAt: deleted ? new Date() : null };
  if (table === 'deed') await app.prisma.deed.update({ where: { id }, data });
  else await app.prisma.deedItem.update({ where: { id }, data });
}

describe('what the list hides (CONTRACT.md section 4)', () => {
  it('a deleted item hides itself and everything below it, at any depth, until restored', async () => {
    expect((await visible(owner.token)).items).toEqual(ids('root', 'mid', 'leaf', 'side', 'b1', 'b2'));
    await setDeleted('deedItem', item.root, true);
    try {
      expect((await visible(owner.token)).items).toEqual(ids('b1', 'b2'));
    } finally {
      await setDeleted('deedItem', item.root, false);
    }
    await setDeleted('deedItem', item.mid, true);
    await setDeleted('deedItem', item.leaf, true);
    try {
      expect((await visible(owner.token)).items).toEqual(ids('root', 'side', 'b1', 'b2'));
      expect((await visible(reader.token, { ownerId: owner.gid })).items).toEqual(ids('root', 'side'));
      const grantee = await visible(reader.token, { ownerId: owner.gid, deedItemId: String(item.root), includeDescendants: true });
      expect(grantee.items).toEqual(ids('root', 'side'));
      expect((await visible(owner.token, { includeDeleted: true })).items).toEqual(ids('root', 'mid', 'leaf', 'side', 'b1', 'b2'));

      // Restoring mid brings back mid, not leaf, which was deleted on its own.
      await setDeleted('deedItem', item.mid, false);
      expect((await visible(owner.token)).items).toEqual(ids('root', 'mid', 'side', 'b1', 'b2'));
    } finally {
      await setDeleted('deedItem', item.mid, false);
      await setDeleted('deedItem', item.leaf, false);
    }
    expect((await visible(owner.token)).items).toEqual(ids('root', 'mid', 'leaf', 'side', 'b1', 'b2'));
  });

  it('a deleted deed hides its live and its deleted items; restoring it brings back only the live ones', async () => {
    await setDeleted('deedItem', item.b2, true);
    await setDeleted('deed', deedB, true);
    try {
      expect((await visible(owner.token)).items).toEqual(ids('root', 'mid', 'leaf', 'side'));
      expect((await visible(owner.token, { deedId: String(deedB) })).items).toEqual([]);
      expect((await visible(owner.token, { includeDeleted: true, deedId: String(deedB) })).items).toEqual(ids('b1', 'b2'));
      await setDeleted('deed', deedB, false);
      expect((await visible(owner.token)).items).toEqual(ids('root', 'mid', 'leaf', 'side', 'b1'));
    } finally {
      await setDeleted('deed', deedB, false);
      await setDeleted('deedItem', item.b2, false);
    }
  });
});

describe('totalCount', () => {
  async function listStatement(query: string): Promise<{ data: any; sql: string }> {
    let data: any;
    const { statements } = await counter.capture(async () => {
      const res = await app.gql(query, {}, { token: owner.token });
      expect(res.errors).toBeUndefined();
      data = res.data;
    });
    const lists = statements.filter((s) => s.includes('json_agg'));
    expect(lists).toHaveLength(1);
    return { data, sql: lists[0]! };
  }

  it('is not counted when not selected', async () => {
    const { data, sql } = await listStatement(`{ entries(first: 2) { edges { node { id } } } }`);
    expect(data.entries.edges).toHaveLength(2);
    expect(sql).not.toMatch(/count\(/i);
  });

  it.each([
    ['an alias', `{ entries(first: 2) { n: totalCount } }`],
    ['an inline fragment', `{ entries(first: 2) { ... on EntryConnection { n: totalCount } } }`],
    ['a named fragment', `query { entries(first: 2) { ...Total } } fragment Total on EntryConnection { n: totalCount }`],
  ])('is exact when selected through %s', async (_how, query) => {
    const { data, sql } = await listStatement(query);
    expect(sql).toMatch(/count\(/i);
    expect(data.entries.n).toBe(6);
  });

  it('stays exact on a page past the last entry', async () => {
    const first = await app.gql(`{ entries(first: 100) { pageInfo { endCursor } } }`, {}, { token: owner.token });
    const after = first.data!.entries.pageInfo.endCursor;
    const res = await app.gql(`query($after: String) { entries(first: 5, after: $after) { totalCount edges { cursor } } }`, { after }, { token: owner.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.entries).toEqual({ totalCount: 6, edges: [] });
  });
});

describe('the deed items and deeds a page brings along', () => {
  const FIELDS = /* GraphQL */ `id name description level displayOrder parent { id } createdAt updatedAt deletedAt
    deed { id name description category measureType isActive displayOrder createdAt updatedAt deletedAt }`;

  it('are the same records a lookup by id returns, for the owner and for a grantee', async () => {
    for (const [token, filter] of [
      [owner.token, {}],
      [reader.token, { ownerId: owner.gid }],
    ] as const) {
      const listed = await app.gql(`query($filter: EntryFilter) { entries(first: 100, filter: $filter) { edges { node { deedItem { ${FIELDS} } } } } }`, { filter }, { token });
      expect(listed.errors).toBeUndefined();
      const fromList = listed.data!.entries.edges.map((e: any) => e.node.deedItem);
      expect(fromList.length).toBeGreaterThan(0);
      for (const listedItem of fromList) {
        const byId = await app.gql(`query($id: ID!) { deedItem(id: $id) { ${FIELDS} } }`, { id: listedItem.id }, { token });
        expect(byId.errors).toBeUndefined();
        expect(listedItem).toEqual(byId.data!.deedItem);
      }
    }
  });
});
