import { StatementCounter } from '../../../test/helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createScaleDeed, grant, type ScaleDeed } from '../../../test/fixtures/entries';

/**
 * Every relation field of entries goes through a per-request DataLoader, and history pages
 * are batched across entries: a page of 100 entries costs the same number of SQL statements
 * as a page of 10, counted at the database (pg_stat_statements).
 */

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let deed: ScaleDeed;
let counter: StatementCounter;

const NESTED = /* GraphQL */ `
  query Nested($first: Int!, $filter: EntryFilter) {
    entries(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          owner { id }
          scale { id }
          createdBy { id }
          deedItem { id deed { id owner { id } } }
          scaleValue { id label }
          history(first: 1) { totalCount edges { node { changedBy { id } after { scaleValue { label } } } } }
        }
      }
    }
  }`;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  reader = await app.createUser();
  deed = await createScaleDeed(app, owner);
  await grant(app, owner, reader, deed.rootId, 'READ');
  // 100 entries over both items, each with a CREATED and an UPDATED history row.
  const entries = Array.from({ length: 100 }, (_, i) => ({
    deedItemId: String(i % 2 ? deed.rootId : deed.childId),
    entryDate: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10),
    scaleValueId: String(deed.values[0]),
  }));
  const mutation = `mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { results { outcome } } }`;
  for (const valueIndex of [0, 1]) {
    const res = await app.gql(mutation, { input: { entries: entries.map((e) => ({ ...e, scaleValueId: String(deed.values[valueIndex]) })) } }, { token: owner.token });
    expect(res.errors).toBeUndefined();
  }
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app.stop();
});

async function statementsFor(token: string, first: number, filter?: Record<string, unknown>): Promise<number> {
  // The viewer's row is kept across requests (users/live-users.ts), and so are scale values
  // once read (deeds/loaders.ts): known first, they cost nothing below.
  expect((await app.gql(NESTED, { first: 1, filter }, { token })).errors).toBeUndefined();
  const { count, statements } = await counter.capture(async () => {
    const res = await app.gql(NESTED, { first, filter }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.entries.edges).toHaveLength(first);
    expect(res.data!.entries.edges[0].node.history.totalCount).toBe(2);
  });
  if (process.env.SHOW_SQL) console.log(statements.join('\n---\n'));
  return count;
}

describe('SQL statements of a nested entries query', () => {
  it('are the same for 10 and 100 entries, for the owner', async () => {
    const ten = await statementsFor(owner.token, 10);
    const hundred = await statementsFor(owner.token, 100);
    expect(hundred).toBe(ten);
    // Entries (page + total in one), history pages (all entries in one), then one each for
    // profiles, items, deeds and scales; scale values are kept from the warm-up.
    expect(ten).toBeLessThanOrEqual(6);
  });

  it('are the same for 10 and 100 entries, for a READ grantee', async () => {
    const filter = { ownerId: owner.gid };
    expect(await statementsFor(reader.token, 100, filter)).toBe(await statementsFor(reader.token, 10, filter));
  });
});

describe('SQL statements of recordEntry', () => {
  const RECORD = `mutation($input: RecordEntryInput!) { recordEntry(input: $input) { outcome entry { id } } }`;

  it('are six for a new entry of the owner', async () => {
    await app.gql('{ __typename }', {}, { token: owner.token });
    const input = { deedItemId: String(deed.childId), entryDate: '2023-06-01', scaleValueId: String(deed.values[0]) };
    const { count, statements } = await counter.capture(async () => {
      const res = await app.gql(RECORD, { input }, { token: owner.token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordEntry.outcome).toBe('CREATED');
    });
    if (process.env.SHOW_SQL) console.log(statements.join('\n---\n'));
    // The authority's item walk; the item's facts with the scale value's scale; then BEGIN,
    // the entry with its history row, the goals it moves, COMMIT.
    expect(count).toBe(6);
  });
});
