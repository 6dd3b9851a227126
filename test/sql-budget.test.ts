import { Kind, parse, type SelectionSetNode } from 'graphql';
import { StatementCounter } from './helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from './helpers/test-app';

/**
 * SQL budgets (issue 3, item 6): the representative nested queries run the same number of
 * statements for a page of 10 and of 100, and at most depth + 1, counted at the database
 * with pg_stat_statements. Depth is counted as graphql-depth-limit counts it: fields directly
 * under the operation are depth 0. The budget is the operation's own statements: the
 * per-request token check (what `{ __typename }` costs with the same token) is not part of it.
 */

const ENTRIES = /* GraphQL */ `
  query EntriesBudget($first: Int!, $ownerId: ID) {
    entries(first: $first, filter: { ownerId: $ownerId }) {
      totalCount
      edges {
        node {
          id
          createdBy { id fullName }
          deedItem { id ancestors { id name } deed { id name owner { id fullName } } }
          scaleValue { id label }
          history { totalCount }
        }
      }
    }
  }`;

const DEEDS = /* GraphQL */ `
  query DeedsBudget($ownerId: ID) {
    deeds(filter: { ownerId: $ownerId }) {
      id
      items { id name children { id name } }
    }
  }`;

function depthOf(query: string): number {
  const walk = (set: SelectionSetNode | undefined, depth: number): number => {
    let deepest = depth;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value.startsWith('__')) continue;
      const inner = selection.kind === Kind.FIELD ? depth + 1 : depth;
      const nested = selection.kind === Kind.FRAGMENT_SPREAD ? undefined : selection.selectionSet;
      deepest = Math.max(deepest, nested ? walk(nested, inner) : depth);
    }
    return deepest;
  };
  const operation = parse(query).definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('expected an operation');
  return walk(operation.selectionSet, -1);
}

let app: TestApp;
let owner: TestUser;
let grantee: TestUser;
let counter: StatementCounter;

/** `count` deeds of 3 roots × 3 children, and 100 entries on one 3-level SCALE tree. */
async function seed(deedCount: number): Promise<void> {
  for (let d = 0; d < deedCount; d += 1) {
    const deed = await app.prisma.deed.create({
      data: { userId: owner.id, name: `Deed ${d}`, category: 'HASANAAT', measureType: 'COUNT', displayOrder: d },
    });
    for (let r = 0; r < 3; r += 1) {
      const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: `R${r}`, level: 1, displayOrder: r } });
      await app.prisma.deedItem.createMany({
        data: [0, 1, 2].map((c) => ({ deedId: deed.id, parentId: root.id, name: `C${c}`, level: 2, displayOrder: c })),
      });
    }
  }
}

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  grantee = await app.createUser();

  const scaleDeed = await app.prisma.deed.create({
    data: { userId: owner.id, name: 'Salah', category: 'HASANAAT', measureType: 'SCALE', displayOrder: 1000 },
  });
  const root = await app.prisma.deedItem.create({ data: { deedId: scaleDeed.id, name: 'Fard', level: 1 } });
  const mid = await app.prisma.deedItem.create({ data: { deedId: scaleDeed.id, parentId: root.id, name: 'Fajr', level: 2 } });
  const leaf = await app.prisma.deedItem.create({ data: { deedId: scaleDeed.id, parentId: mid.id, name: 'Sunnah', level: 3 } });
  const scale = await app.prisma.scale.create({
    data: { deedId: scaleDeed.id, version: 1, isActive: true, values: { create: [{ label: 'No', order: 1 }, { label: 'Yes', order: 2 }] } },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  const relation = await app.prisma.relation.create({
    data: { requesterId: grantee.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
  });
  await app.prisma.permission.create({ data: { relationId: relation.id, deedItemId: root.id, type: 'READ', version: 1 } });

  const record = `mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { results { outcome } } }`;
  const entries = Array.from({ length: 100 }, (_, i) => ({
    deedItemId: String([root.id, mid.id, leaf.id][i % 3]),
    entryDate: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    scaleValueId: String(scale.values[i % 2]!.id),
  }));
  const recorded = await app.gql(record, { input: { entries } }, { token: owner.token });
  expect(recorded.errors).toBeUndefined();

  await seed(100);
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app?.stop();
});

async function statements(query: string, variables: Record<string, unknown>, token: string, check: (data: any) => void) {
  // The viewer's row is kept across requests (live-users.ts): once known, the count is the operation's own.
  expect(await counter.count(() => app.gql('{ __typename }', {}, { token }))).toBeLessThanOrEqual(1);
  const { count, statements: sql } = await counter.capture(async () => {
    const res = await app.gql(query, variables, { token });
    expect(res.errors).toBeUndefined();
    check(res.data);
  });
  if (process.env.SHOW_SQL) console.log(`${sql.length} statements:\n${sql.map((s) => s.replace(/\s+/g, " ").slice(0, 230)).join("\n")}`);
  return { count, sql };
}

describe('entries → deed item → ancestors, deed → owner, createdBy, scale value, history count', () => {
  const depth = depthOf(ENTRIES);

  test.each([
    ['the owner', () => owner, undefined],
    ['a READ grantee', () => grantee, () => owner.gid],
  ])('for %s: the same statements for 10 and 100 entries, at most depth + 1', async (_who, viewer, ownerId) => {
    const variables = (first: number) => ({ first, ownerId: ownerId?.() });
    // Scale values are kept across requests once read (deeds/loaders.ts): only the first page pays for them.
    expect((await app.gql(ENTRIES, variables(10), { token: viewer().token })).errors).toBeUndefined();
    const ten = await statements(ENTRIES, variables(10), viewer().token, (d) => expect(d.entries.edges).toHaveLength(10));
    const hundred = await statements(ENTRIES, variables(100), viewer().token, (d) => {
      expect(d.entries.edges).toHaveLength(100);
      expect(d.entries.edges.some((e: any) => e.node.deedItem.ancestors.length === 2)).toBe(true);
    });
    expect(hundred.count).toBe(ten.count);
    expect(ten.count).toBeLessThanOrEqual(depth + 1);
  });
});

describe('deeds → items → children', () => {
  const depth = depthOf(DEEDS);

  test('the same statements for 10 and 100 deeds, at most depth + 1', async () => {
    const hundredDeeds = await statements(DEEDS, {}, owner.token, (d) => expect(d.deeds.length).toBe(101));
    await app.prisma.deed.updateMany({ where: { userId: owner.id, displayOrder: { gte: 10, lt: 1000 } }, data: { deletedAt: new Date() } });
    const tenDeeds = await statements(DEEDS, {}, owner.token, (d) => {
      expect(d.deeds.length).toBe(11);
      expect(d.deeds[0].items).toHaveLength(12);
    });
    expect(hundredDeeds.count).toBe(tenDeeds.count);
    expect(tenDeeds.count).toBeLessThanOrEqual(depth + 1);
  });

  test('for a grantee too', async () => {
    const res = await statements(DEEDS, { ownerId: owner.gid }, grantee.token, (d) => {
      expect(d.deeds).toHaveLength(1);
      expect(d.deeds[0].items.map((i: any) => i.name)).toEqual(['Fard', 'Fajr', 'Sunnah']);
    });
    expect(res.count).toBeLessThanOrEqual(depth + 1);
  });
});

describe('scale values, which never change, are read once', () => {
  const PAGE = /* GraphQL */ `
    query ScaleValuesOnce($ownerId: ID) {
      entries(first: 100, filter: { ownerId: $ownerId }) { edges { node { id scaleValue { id label } } } }
    }`;
  const valueReads = (sql: string[]) => sql.filter((statement) => statement.includes('scale_values')).length;

  test('a page naming new values reads them once; the next, by another viewer, reads none', async () => {
    const deed = await app.prisma.deed.create({
      data: { userId: owner.id, name: 'Sadaqah', category: 'HASANAAT', measureType: 'SCALE', displayOrder: 2000 },
    });
    const item = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Given', level: 1 } });
    const scale = await app.prisma.scale.create({
      data: { deedId: deed.id, version: 1, isActive: true, values: { create: [{ label: 'Some', order: 1 }, { label: 'Much', order: 2 }] } },
      include: { values: { orderBy: { order: 'asc' } } },
    });
    const relation = await app.prisma.relation.findFirstOrThrow({ where: { requesterId: grantee.id, requesteeId: owner.id } });
    await app.prisma.permission.create({ data: { relationId: relation.id, deedItemId: item.id, type: 'READ', version: 1 } });
    const recorded = await app.gql(
      `mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { results { outcome } } }`,
      {
        input: {
          entries: scale.values.map((value, i) => ({
            deedItemId: String(item.id),
            entryDate: `2026-06-0${i + 1}`,
            scaleValueId: String(value.id),
          })),
        },
      },
      { token: owner.token },
    );
    expect(recorded.errors).toBeUndefined();
    const labelsOf = (data: any) =>
      data.entries.edges.map((edge: any) => edge.node.scaleValue?.label).filter((label: unknown) => label === 'Some' || label === 'Much');

    const first = await statements(PAGE, {}, owner.token, (d) => expect(labelsOf(d).sort()).toEqual(['Much', 'Some']));
    expect(valueReads(first.sql)).toBe(1);
    const second = await statements(PAGE, { ownerId: owner.gid }, grantee.token, (d) => expect(labelsOf(d).sort()).toEqual(['Much', 'Some']));
    expect(valueReads(second.sql)).toBe(0);
  });
});
