import { createDeed, createItem, grant } from './fixtures/deeds';
import { startTestApp, type TestApp, type TestUser } from './helpers/test-app';

/**
 * The entries and deeds lists hand what their statements already loaded to the request's
 * loaders and to the permission authority (deed items, deeds, item facts, children), so
 * nested fields cost no further statements (test/sql-budget.test.ts). Those answers must be
 * exactly the ones the database gives by id: the same rows, and for a grantee the same cut
 * views (parent null above the granted root, ancestors cut there, deleted items hidden).
 *
 *   Salah (COUNT)                      Fasting            Old (deleted deed)
 *     Salah                              Monday             Gone
 *       Fajr
 *         Sunnah  ← READ grant
 *           Dua
 *           Witr  (deleted)
 *         Fard
 *       Isha
 */

let app: TestApp;
let owner: TestUser;
let grantee: TestUser;
const ids: Record<string, string> = {};

async function gql(user: TestUser, query: string, variables?: Record<string, unknown>) {
  const res = await app.gql(query, variables, { token: user.token });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function record(itemId: string, entryDate: string): Promise<void> {
  await gql(owner, 'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }', {
    input: { deedItemId: itemId, entryDate, count: '1' },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser({ fullName: 'Owner' });
  grantee = await app.createUser();
  ids.deed = await createDeed(app, owner, { name: 'Salah' });
  ids.salah = await createItem(app, owner, ids.deed, 'Salah');
  ids.fajr = await createItem(app, owner, ids.deed, 'Fajr', { parentId: ids.salah });
  ids.sunnah = await createItem(app, owner, ids.deed, 'Sunnah', { parentId: ids.fajr });
  ids.dua = await createItem(app, owner, ids.deed, 'Dua', { parentId: ids.sunnah });
  ids.witr = await createItem(app, owner, ids.deed, 'Witr', { parentId: ids.sunnah });
  ids.fard = await createItem(app, owner, ids.deed, 'Fard', { parentId: ids.fajr });
  ids.isha = await createItem(app, owner, ids.deed, 'Isha', { parentId: ids.salah });
  ids.fasting = await createDeed(app, owner, { name: 'Fasting' });
  ids.monday = await createItem(app, owner, ids.fasting, 'Monday');
  ids.old = await createDeed(app, owner, { name: 'Old' });
  ids.gone = await createItem(app, owner, ids.old, 'Gone');
  for (const [item, date] of [
    [ids.dua, '2024-01-01'],
    [ids.sunnah, '2024-01-02'],
    [ids.fard, '2024-01-03'],
    [ids.monday, '2024-01-04'],
    [ids.witr, '2024-01-05'],
    [ids.gone, '2024-01-06'],
  ] as const) {
    await record(item, date);
  }
  await gql(owner, 'mutation ($id: ID!) { deleteDeedItem(input: { id: $id }) { deedItem { id } } }', { id: ids.witr });
  await gql(owner, 'mutation ($id: ID!) { deleteDeed(input: { id: $id }) { deed { id } } }', { id: ids.old });
  await grant(app, owner, grantee, ids.sunnah, 'READ');
});

afterAll(() => app.stop());

const TREE_FIELDS = 'name myAccess hasChildren parent { name } ancestors { name } children(includeDeleted: true) { name }';

describe('a READ grantee sees through the lists exactly what by-id lookups show', () => {
  test('entries: each deed item cut at the granted root, deleted items and their entries hidden', async () => {
    const data = await gql(
      grantee,
      `query ($owner: ID) { entries(filter: { ownerId: $owner }) {
        totalCount edges { node { entryDate deedItem { ${TREE_FIELDS} deed { name owner { fullName } } } } } } }`,
      { owner: owner.gid },
    );
    const deed = { name: 'Salah', owner: { fullName: 'Owner' } };
    expect(data.entries).toEqual({
      totalCount: 2,
      edges: [
        {
          node: {
            entryDate: '2024-01-02',
            deedItem: { name: 'Sunnah', myAccess: 'READ', hasChildren: true, parent: null, ancestors: [], children: [{ name: 'Dua' }], deed },
          },
        },
        {
          node: {
            entryDate: '2024-01-01',
            deedItem: { name: 'Dua', myAccess: 'READ', hasChildren: false, parent: { name: 'Sunnah' }, ancestors: [{ name: 'Sunnah' }], children: [], deed },
          },
        },
      ],
    });
  });

  test('deeds: only the deed holding the grant, with the granted subtree and nothing beside it', async () => {
    const data = await gql(
      grantee,
      `query ($owner: ID) { deeds(filter: { ownerId: $owner }) {
        name items(includeDeleted: true) { ${TREE_FIELDS} } rootItems { name } } }`,
      { owner: owner.gid },
    );
    expect(data.deeds).toEqual([
      {
        name: 'Salah',
        items: [
          { name: 'Sunnah', myAccess: 'READ', hasChildren: true, parent: null, ancestors: [], children: [{ name: 'Dua' }] },
          { name: 'Dua', myAccess: 'READ', hasChildren: false, parent: { name: 'Sunnah' }, ancestors: [{ name: 'Sunnah' }], children: [] },
        ],
        rootItems: [{ name: 'Sunnah' }],
      },
    ]);
  });
});

describe('the owner', () => {
  const ITEM = 'id name description level displayOrder createdAt updatedAt deletedAt hasChildren myAccess';
  const DEED = 'id name description category measureType isActive displayOrder createdAt updatedAt deletedAt';

  test("entries' deed items and deeds, live and deleted, are the rows by-id lookups return", async () => {
    const listed = await gql(
      owner,
      `{ entries(filter: { includeDeleted: true }) { edges { node { deedItem { ${ITEM} deed { ${DEED} } } } } } }`,
    );
    const items = listed.entries.edges.map((edge: any) => edge.node.deedItem);
    expect(items.map((item: any) => item.name)).toEqual(['Gone', 'Witr', 'Monday', 'Fard', 'Sunnah', 'Dua']);
    expect(items.find((item: any) => item.name === 'Witr').deletedAt).not.toBeNull();
    expect(items.find((item: any) => item.name === 'Gone').deed.deletedAt).not.toBeNull();
    for (const item of items) {
      const byId = await gql(owner, `query ($id: ID!) { deedItem(id: $id) { ${ITEM} deed { ${DEED} } } }`, { id: item.id });
      expect(item).toEqual(byId.deedItem);
    }
  });

  test('deeds: every item with deleted ones on request, children and ancestors from the one item list', async () => {
    const data = await gql(
      owner,
      `{ deeds(filter: { includeDeleted: true }) { name deletedAt live: items { name } items(includeDeleted: true) { ${TREE_FIELDS} } } }`,
    );
    const byName = new Map(data.deeds.map((deed: any) => [deed.name, deed]));
    expect(byName.get('Salah')).toEqual({
      name: 'Salah',
      deletedAt: null,
      live: ['Salah', 'Fajr', 'Sunnah', 'Dua', 'Fard', 'Isha'].map((name) => ({ name })),
      items: [
        { name: 'Salah', myAccess: 'OWNER', hasChildren: true, parent: null, ancestors: [], children: [{ name: 'Fajr' }, { name: 'Isha' }] },
        { name: 'Fajr', myAccess: 'OWNER', hasChildren: true, parent: { name: 'Salah' }, ancestors: [{ name: 'Salah' }], children: [{ name: 'Sunnah' }, { name: 'Fard' }] },
        {
          name: 'Sunnah',
          myAccess: 'OWNER',
          hasChildren: true,
          parent: { name: 'Fajr' },
          ancestors: [{ name: 'Salah' }, { name: 'Fajr' }],
          children: [{ name: 'Dua' }, { name: 'Witr' }],
        },
        { name: 'Dua', myAccess: 'OWNER', hasChildren: false, parent: { name: 'Sunnah' }, ancestors: [{ name: 'Salah' }, { name: 'Fajr' }, { name: 'Sunnah' }], children: [] },
        { name: 'Witr', myAccess: 'OWNER', hasChildren: false, parent: { name: 'Sunnah' }, ancestors: [{ name: 'Salah' }, { name: 'Fajr' }, { name: 'Sunnah' }], children: [] },
        { name: 'Fard', myAccess: 'OWNER', hasChildren: false, parent: { name: 'Fajr' }, ancestors: [{ name: 'Salah' }, { name: 'Fajr' }], children: [] },
        { name: 'Isha', myAccess: 'OWNER', hasChildren: false, parent: { name: 'Salah' }, ancestors: [{ name: 'Salah' }], children: [] },
      ],
    });
    expect(byName.get('Old')).toMatchObject({ live: [{ name: 'Gone' }], items: [{ name: 'Gone', myAccess: 'OWNER', parent: null, children: [] }] });
    expect((byName.get('Old') as any).deletedAt).not.toBeNull();
  });

});
