import { startTestApp, type TestApp, type TestUser } from './helpers/test-app';
import { createCountDeed, createScaleDeed, grant, RECORD_ENTRY, utcDate, type ScaleDeed } from './fixtures/entries';

/**
 * The same documents over HTTP to two instances of one deployment: one executes with graphql-js
 * only (COMPILE_AT_USE=0), the other compiles every document at its first use. Every answer,
 * errors included, must be the same to the byte (graphql/compiled-execution.ts).
 */
let compiled: TestApp;
let interpreted: TestApp;
let owner: TestUser;
let reader: TestUser;
let deed: ScaleDeed;

beforeAll(async () => {
  compiled = await startTestApp({ COMPILE_AT_USE: '1' });
  interpreted = await startTestApp({ COMPILE_AT_USE: '0' }, { database: compiled.database });
  owner = await compiled.createUser({ fullName: 'Owner Of Entries' });
  reader = await compiled.createUser();
  deed = await createScaleDeed(compiled, owner);
  const counted = await createCountDeed(compiled, owner);
  await grant(compiled, owner, reader, deed.childId, 'READ');
  for (let day = 0; day < 30; day++) {
    const input = { deedItemId: String(day % 2 ? deed.childId : deed.rootId), entryDate: utcDate(-day), scaleValueId: String(deed.values[day % 3]) };
    const counts = { deedItemId: String(counted.itemId), entryDate: utcDate(-day), count: `${day}.5`, notes: `day ${day}` };
    for (const variables of [{ input }, { input: counts }]) {
      const res = await compiled.gql(RECORD_ENTRY, variables, { token: owner.token });
      expect(res.errors).toBeUndefined();
    }
  }
});

afterAll(async () => {
  await interpreted?.stop();
  await compiled?.stop();
});

const ENTRIES = /* GraphQL */ `
  query Entries($first: Int, $after: String, $filter: EntryFilter) {
    entries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id entryDate count notes deedItem { name level deed { name category } } createdBy { fullName } scaleValue { label } } }
    }
  }`;

const DASHBOARD = /* GraphQL */ `
  query Dashboard($days: Int!) {
    dashboard(days: $days) {
      days dateFrom dateTo
      categories { category entryCount countSum averageScaleScore series { date entryCount countSum averageScaleScore } }
    }
  }`;

const ITEM = /* GraphQL */ `
  query Item($id: ID!) { deedItem(id: $id) { id name level myAccess deed { name measureType } parent { id name } ancestors { id } } }`;

async function sameAnswer(query: string, variables: Record<string, unknown>, token: string): Promise<unknown> {
  const answers = [];
  // Twice each: the first use and the second (the default COMPILE_AT_USE compiles at the second).
  for (const app of [compiled, compiled, interpreted, interpreted]) {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    answers.push({ status: response.status, body: await response.text() });
  }
  expect(answers.slice(1)).toEqual([answers[0], answers[0], answers[0]]);
  return JSON.parse(answers[0]!.body);
}

describe('compiled and interpreted execution answer the same', () => {
  it('an entries page with nested items, deeds and users, and the next page by its cursor', async () => {
    const first = (await sameAnswer(ENTRIES, { first: 25 }, owner.token)) as { data: { entries: { totalCount: number; pageInfo: { endCursor: string } } } };
    expect(first.data.entries.totalCount).toBe(60);
    await sameAnswer(ENTRIES, { first: 25, after: first.data.entries.pageInfo.endCursor }, owner.token);
    await sameAnswer(ENTRIES, { first: 10, filter: { ownerId: owner.gid, deedItemId: String(deed.rootId), includeDescendants: true } }, reader.token);
  });

  it('a dashboard', async () => {
    const answer = (await sameAnswer(DASHBOARD, { days: 30 }, owner.token)) as { data: { dashboard: { days: number } } };
    expect(answer.data.dashboard.days).toBe(30);
  });

  it('a deed item with its deed, parent and ancestors, for its owner and a grantee', async () => {
    for (const token of [owner.token, reader.token]) await sameAnswer(ITEM, { id: String(deed.childId) }, token);
  });

  it('refusals: a malformed id, a missing item, a page too large, a bad cursor', async () => {
    for (const [query, variables, code] of [
      [ITEM, { id: 'abc' }, 'BAD_USER_INPUT'],
      [ITEM, { id: '999999999' }, 'NOT_FOUND'],
      [ENTRIES, { first: 100_000 }, 'BAD_USER_INPUT'],
      [ENTRIES, { after: 'not-a-cursor' }, 'BAD_USER_INPUT'],
    ] as const) {
      const answer = (await sameAnswer(query, variables, owner.token)) as { errors: Array<{ extensions: { code: string } }> };
      expect(answer.errors.map((error) => error.extensions.code)).toEqual([code]);
    }
  });
});
