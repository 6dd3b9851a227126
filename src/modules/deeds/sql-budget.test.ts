import { StatementCounter } from '../../../test/helpers/sql-statements';
import { type GraphQLResponse, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { grant } from '../../../test/fixtures/deeds';

/**
 * Relation fields resolve through per-request loaders: the statements a nested deeds query
 * costs do not grow with the number of deeds (counted at the database, pg_stat_statements).
 */
describe('deeds: SQL statements per request', () => {
  let app: TestApp;
  let counter: StatementCounter;
  let small: TestUser;
  let large: TestUser;
  let grantee: TestUser;
  let grandchildOfLarge: bigint;

  /** `count` SCALE deeds, each with a root, two children, a grandchild and one scale version. */
  async function seedDeeds(user: TestUser, count: number): Promise<bigint[]> {
    const rootIds: bigint[] = [];
    for (let i = 0; i < count; i += 1) {
      const deed = await app.prisma.deed.create({
        data: {
          userId: user.id,
          name: `deed ${i}`,
          category: 'HASANAAT',
          measureType: 'SCALE',
          displayOrder: i,
          scales: { create: { version: 1, isActive: true, values: { create: [{ label: 'No', order: 1 }, { label: 'Yes', order: 2 }] } } },
        },
      });
      const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'root', level: 1 } });
      const child = await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'a', level: 2 } });
      await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'b', level: 2, displayOrder: 1 } });
      await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: child.id, name: 'x', level: 3 } });
      rootIds.push(root.id);
    }
    return rootIds;
  }

  beforeAll(async () => {
    app = await startTestApp();
    counter = await StatementCounter.connect(app.database.url);
    small = await app.createUser();
    large = await app.createUser();
    grantee = await app.createUser();
    await seedDeeds(small, 10);
    const roots = await seedDeeds(large, 100);
    for (const root of roots) await grant(app, large, grantee, root.toString());
    grandchildOfLarge = (await app.prisma.deedItem.findFirstOrThrow({ where: { deed: { userId: large.id }, level: 3 } })).id;
  }, 120_000);
  afterAll(async () => {
    await counter.close();
    await app.stop();
  });

  const statementsFor = async (user: TestUser, query: string, variables?: Record<string, unknown>) => {
    // The viewer's row is kept across requests (users/live-users.ts): known first, it costs nothing below.
    await app.gql('{ __typename }', {}, { token: user.token });
    let body: GraphQLResponse | undefined;
    const { count, statements } = await counter.capture(async () => {
      body = await app.gql(query, variables, { token: user.token });
    });
    expect(body!.errors).toBeUndefined();
    return { count, statements, data: body!.data! };
  };

  const TREE = 'query { deeds { id items { id children { id } } } }';
  // Every relation field of the domain, split to stay under the query cost limit, with the
  // statements each costs the owner (the deeds, then one per loader batch;
  // a deed's item list also answers `children`, `hasChildren` and the authority's item facts)
  // and what a grantee's view adds: the granted-items walk of the authority (the deed facts
  // come with the deeds list), and the owner's profile, which for the owner is the viewer's
  // own row, read by the token check.
  const WIDE: Array<[string, number, number]> = [
    [
      `query ($owner: ID) { deeds(filter: { ownerId: $owner }) {
      id owner { fullName } activeScale { version values { label scale { id } } } scales { version deed { id } } } }`,
      4,
      2,
    ],
    [
      `query ($owner: ID) { deeds(filter: { ownerId: $owner }) {
      rootItems { id hasChildren myAccess deed { id } parent { id } children { id } } } }`,
      2,
      1,
    ],
    [
      `query ($owner: ID) { deeds(filter: { ownerId: $owner }) {
      items { id ancestors { id } parent { id } hasChildren descendants(maxDepth: 10) { id } } } }`,
      4,
      1,
    ],
  ];

  test('deeds { items { children } }: the same statements for 10 deeds as for 100', async () => {
    const ten = await statementsFor(small, TREE);
    const hundred = await statementsFor(large, TREE);
    expect(ten.data.deeds).toHaveLength(10);
    expect(hundred.data.deeds).toHaveLength(100);
    expect(hundred.data.deeds[99].items).toHaveLength(4);
    expect(hundred.count).toBe(ten.count);
    // deeds, items by deed (which also answer the authority's item facts and children).
    expect(hundred.statements).toHaveLength(2);
  });

  test.each(WIDE.map(([query, statements, granteeExtra], i) => [i, query, statements, granteeExtra] as const))(
    'relation fields, query %i: constant statements for owner and for a grantee of 100 subtrees',
    async (_i, query, statements, granteeExtra) => {
      const ten = await statementsFor(small, query);
      const hundred = await statementsFor(large, query);
      const asGrantee = await statementsFor(grantee, query, { owner: large.gid });
      expect(ten.data.deeds).toHaveLength(10);
      expect(asGrantee.data.deeds).toHaveLength(100);
      expect(hundred.count).toBe(ten.count);
      expect(hundred.count).toBe(statements);
      expect(asGrantee.count).toBe(statements + granteeExtra);
      // The grantee holds a grant on every root, so sees the same trees, with READ access.
      expect(JSON.stringify(asGrantee.data)).toBe(JSON.stringify(hundred.data).replaceAll('"OWNER"', '"READ"'));
    },
  );

  test('deedItem(id) with its deed: one statement for the owner, and the grant walk for a grantee', async () => {
    const query = 'query ($id: ID!) { deedItem(id: $id) { id name myAccess deed { id name } parent { id } ancestors { id } } }';
    const id = grandchildOfLarge.toString();
    // The item, its ancestors and its deed together (also answering the authority's item facts).
    const asOwner = await statementsFor(large, query, { id });
    expect(asOwner.count).toBe(1);
    const asGrantee = await statementsFor(grantee, query, { id });
    expect(asGrantee.count).toBe(2);
    expect(asGrantee.data).toEqual({ ...asOwner.data, deedItem: { ...asOwner.data.deedItem, myAccess: 'READ' } });
    expect(asOwner.data.deedItem.ancestors).toHaveLength(2);
    expect(asOwner.data.deedItem.parent.id).toBe(asOwner.data.deedItem.ancestors[1].id);
  });
});
