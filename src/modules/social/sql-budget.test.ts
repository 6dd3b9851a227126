import { StatementCounter } from '../../../test/helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createItems } from '../../../test/fixtures/social';

/**
 * Relation and permission fields resolve through per-request loaders: the statements a
 * nested social query costs do not grow with the page (counted at the database).
 */
describe('social: SQL statements per request', () => {
  let app: TestApp;
  let counter: StatementCounter;
  let small: TestUser;
  let large: TestUser;

  /** `count` users with an ACCEPTED relation to `owner`, each holding a READ grant on the owner's item. */
  async function seedGrantees(owner: TestUser, count: number): Promise<void> {
    const { rootId } = await createItems(app, owner);
    for (let i = 0; i < count; i += 1) {
      const grantee = await app.createUser();
      const relation = await app.prisma.relation.create({
        data: { requesterId: grantee.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
      });
      await app.prisma.permission.create({
        data: { relationId: relation.id, deedItemId: BigInt(rootId), type: 'READ', version: 1 },
      });
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    counter = await StatementCounter.connect(app.database.url);
    small = await app.createUser();
    large = await app.createUser();
    await seedGrantees(small, 10);
    await seedGrantees(large, 40);
  }, 120_000);

  afterAll(async () => {
    await counter.close();
    await app.stop();
  });

  async function statementsFor(user: TestUser, query: string): Promise<{ count: number; edges: number }> {
    let body: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const { count } = await counter.capture(async () => {
      body = await app.gql(query, {}, { token: user.token });
    });
    expect(body!.errors).toBeUndefined();
    const connection = Object.values(body!.data!)[0] as { edges: unknown[] };
    return { count, edges: connection.edges.length };
  }

  // Pages sized to stay under the cost limit: a relation's grants are priced at their maximum
  // (one per item of every deed, graphql/limits/list-sizes.ts), so 15 relations with their
  // grants is the most one operation may ask for; 10 rows against 15 still shows no N+1.
  it.each([
    [
      'relations with parties and grants',
      15,
      `{ relations(first: 15) { totalCount edges { node { id direction
          requester { id fullName } requestee { id }
          permissions { id grantee { id } deedItem { id name } } } } } }`,
    ],
    [
      'permissionsGrantedByMe with every reference',
      40,
      `{ permissionsGrantedByMe(first: 40) { totalCount edges { node { id
          relation { id requester { id } permissions { id } } grantor { id } grantee { fullName } deedItem { id } } } } }`,
    ],
  ])('%s: the same count for 10 rows and a full page', async (_name, page, query) => {
    const ten = await statementsFor(small, query);
    const full = await statementsFor(large, query);
    expect([ten.edges, full.edges]).toEqual([10, page]);
    expect(full.count).toBe(ten.count);
    // Token check, page, count, then one statement per level of nesting.
    expect(ten.count).toBeLessThanOrEqual(8);
  });
});
