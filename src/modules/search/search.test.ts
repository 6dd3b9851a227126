import 'reflect-metadata';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { highlighted, SEARCH, seedSearchWorld, type SearchPage, type SearchWorld } from '../../../test/fixtures/search';
import { StatementCounter } from '../../../test/helpers/sql-statements';

/**
 * `search` over HTTP on PostgreSQL (the suite's database, where unaccent and pg_trgm exist).
 * search-pglite.test.ts runs the shared cases on the embedded database.
 */
describe('search on PostgreSQL', () => {
  let app: TestApp;
  let world: SearchWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await seedSearchWorld(app);
  });
  afterAll(() => app.stop());

  const search = (token: string, variables: Record<string, unknown>) => app.gql<SearchPage>(SEARCH, variables, { token });
  const ids = (page: SearchPage) => page.search.edges.map(({ node }) => `${node.kind}:${node.entry?.id ?? node.deed?.id ?? node.deedItem?.id ?? node.reflection?.id ?? node.message?.id}`);

  it('needs a token', async () => {
    expect(errorCode(await app.gql(SEARCH, { query: 'patience' }))).toBe('UNAUTHENTICATED');
  });

  it("finds the owner's texts of every kind, best first, with highlighted snippets", async () => {
    const response = await search(world.owner.token, { query: 'patience' });
    expect(response.errors).toBeUndefined();
    const page = response.data!;
    const found = ids(page);
    expect(new Set(found)).toEqual(
      new Set([
        `ENTRY:${world.entries.patience}`,
        `ENTRY:${world.entries.patienceTwice}`,
        `ENTRY:${world.entries.private}`,
        `DEED:${world.deedId}`,
        `DEED_ITEM:${world.privateItemId}`,
        `REFLECTION:${world.reflectionId}`,
        `SUPPORT_MESSAGE:${world.messageId}`,
      ]),
    );
    expect(page.search.totalCount).toBe(7);
    // Deleted entries, items under a deleted parent and their entries, and other users' texts stay out.
    expect(found).not.toContain(`ENTRY:${world.entries.deleted}`);
    expect(found).not.toContain(`ENTRY:${world.entries.hidden}`);
    expect(found).not.toContain(`DEED_ITEM:${world.hiddenItemId}`);
    // Ranked: three mentions beat one; names (weight A) beat notes (weight B) of one mention.
    const ranks = page.search.edges.map(({ node }) => node.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const rankOf = (key: string) => page.search.edges[found.indexOf(key)]!.node.rank;
    expect(rankOf(`ENTRY:${world.entries.patienceTwice}`)).toBeGreaterThan(rankOf(`ENTRY:${world.entries.patience}`));
    expect(rankOf(`DEED_ITEM:${world.privateItemId}`)).toBeGreaterThan(rankOf(`ENTRY:${world.entries.patience}`));
    for (const { node } of page.search.edges) {
      expect(highlighted(node).map((word) => word.toLowerCase())).toContain('patience');
      expect(node.snippet.text).not.toMatch(/[\uE000\uE001]/);
    }
    const twice = page.search.edges[found.indexOf(`ENTRY:${world.entries.patienceTwice}`)]!.node;
    expect(twice.__typename).toBe('EntrySearchResult');
    expect(twice.snippet.text).toMatch(/^Patience, patience: the whole day was a lesson in patience/);
    expect(highlighted(twice)).toEqual(['Patience', 'patience', 'patience']);
  });

  it('matches prefixes as you type, web search syntax, Arabic and Urdu, and accents', async () => {
    const prefix = await search(world.owner.token, { query: 'pati', kinds: ['ENTRY'] });
    expect(prefix.data!.search.totalCount).toBe(3);
    expect(highlighted(prefix.data!.search.edges[0]!.node)[0]!.toLowerCase()).toBe('patience');
    const phrase = await search(world.owner.token, { query: '"lesson in patience"' });
    expect(ids(phrase.data!)).toEqual([`ENTRY:${world.entries.patienceTwice}`]);
    const excluded = await search(world.owner.token, { query: 'patience -family', kinds: ['ENTRY'] });
    expect(ids(excluded.data!)).not.toContain(`ENTRY:${world.entries.patience}`);
    expect(excluded.data!.search.totalCount).toBe(2);
    const either = await search(world.owner.token, { query: 'gratitude or tonight' });
    expect(new Set(ids(either.data!))).toEqual(new Set([`DEED:${world.deedId}`, `REFLECTION:${world.reflectionId}`]));
    const arabic = await search(world.owner.token, { query: 'الصبر' });
    expect(ids(arabic.data!)).toEqual([`ENTRY:${world.entries.arabic}`]);
    expect(highlighted(arabic.data!.search.edges[0]!.node)).toEqual(['الصبر']);
    const urdu = await search(world.owner.token, { query: 'صبر' });
    expect(ids(urdu.data!)).toEqual([`ENTRY:${world.entries.urdu}`]);
    const accents = await search(world.owner.token, { query: 'pâtience', kinds: ['REFLECTION'] });
    expect(ids(accents.data!)).toEqual([`REFLECTION:${world.reflectionId}`]);
  });

  it('matches short names fuzzily (pg_trgm)', async () => {
    const typo = await search(world.owner.token, { query: 'tahajud' });
    expect(ids(typo.data!)).toEqual([`DEED_ITEM:${world.sharedItemId}`]);
  });

  it('follows later writes: edits, soft deletes and restores, hard deletes', async () => {
    const owner = await app.createUser();
    const deed = await app.prisma.deed.create({ data: { userId: owner.id, name: 'Habits', category: 'HASANAAT', measureType: 'COUNT' } });
    const item = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Walk', level: 1 } });
    const entry = await app.prisma.entry.create({
      data: { userId: owner.id, createdByUserId: owner.id, deedItemId: item.id, entryDate: new Date('2025-03-01'), count: '1', notes: 'morning walk' },
    });
    const found = async (query: string) => ids((await search(owner.token, { query })).data!);
    expect(await found('morning')).toEqual([`ENTRY:${entry.id}`]);
    await app.prisma.entry.update({ where: { id: entry.id }, data: { notes: 'evening walk' } });
    expect(await found('morning')).toEqual([]);
    expect(await found('evening')).toEqual([`ENTRY:${entry.id}`]);
    await app.prisma.deedItem.update({ where: { id: item.id }, data: { deletedAt: new Date() } });
    expect(await found('walk')).toEqual([]);
    await app.prisma.deedItem.update({ where: { id: item.id }, data: { deletedAt: null } });
    expect(new Set(await found('walk'))).toEqual(new Set([`ENTRY:${entry.id}`, `DEED_ITEM:${item.id}`]));
    await app.prisma.entry.update({ where: { id: entry.id }, data: { deletedAt: new Date() } });
    expect(await found('evening')).toEqual([]);
    await app.prisma.deed.update({ where: { id: deed.id }, data: { deletedAt: new Date() } });
    expect(await found('walk')).toEqual([]);
    expect(await found('habits')).toEqual([]);
    await app.prisma.entry.delete({ where: { id: entry.id } });
    expect(await app.prisma.searchDocument.count({ where: { kind: 'ENTRY', sourceId: entry.id } })).toBe(0);
  });

  it('pages in a stable order without repeats', async () => {
    const all = await search(world.owner.token, { query: 'patience', first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof search>> = await search(world.owner.token, { query: 'patience', first: 2, after });
      expect(response.errors).toBeUndefined();
      seen.push(...ids(response.data!));
      after = response.data!.search.pageInfo.hasNextPage ? response.data!.search.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids(all.data!));
    const again = await search(world.owner.token, { query: 'patience', first: 100 });
    expect(ids(again.data!)).toEqual(ids(all.data!));
  });

  it("lets a READ grantee search the owner's entry notes and item names on granted items only", async () => {
    const response = await search(world.grantee.token, { query: 'patience', ownerId: world.owner.gid });
    expect(response.errors).toBeUndefined();
    expect(new Set(ids(response.data!))).toEqual(new Set([`ENTRY:${world.entries.patience}`, `ENTRY:${world.entries.patienceTwice}`]));
    const names = await search(world.grantee.token, { query: 'tahajjud', ownerId: world.owner.gid });
    expect(ids(names.data!)).toEqual([`DEED_ITEM:${world.sharedItemId}`]);
    const privateKinds = await search(world.grantee.token, { query: 'patience', ownerId: world.owner.gid, kinds: ['DEED', 'REFLECTION', 'SUPPORT_MESSAGE'] });
    expect(privateKinds.data!.search).toMatchObject({ totalCount: 0, edges: [] });
    // Their own search never reaches the owner's texts.
    expect((await search(world.grantee.token, { query: 'patience' })).data!.search.totalCount).toBe(0);
  });

  it('answers a stranger as if the owner did not exist', async () => {
    const stranger = await search(world.stranger.token, { query: 'patience', ownerId: world.owner.gid });
    const missing = await search(world.stranger.token, { query: 'patience', ownerId: '987654321' });
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    expect(stranger.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const own = await search(world.stranger.token, { query: 'patience' });
    expect(new Set(own.data!.search.edges.map(({ node }) => node.kind))).toEqual(new Set(['DEED', 'DEED_ITEM']));
  });

  it('refuses empty, over-long and operator-only queries as bad input', async () => {
    const cases: Array<[string, string]> = [
      ['', 'required'],
      ['   ', 'required'],
      ['x'.repeat(201), 'maxLength'],
      [Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), 'maxTerms'],
      ['-', 'terms'],
      ['or', 'terms'],
      ['""', 'terms'],
      ['- or -', 'terms'],
      ['-patience', 'terms'],
      ['!!! ???', 'terms'],
    ];
    for (const [query, constraint] of cases) {
      const response = await search(world.owner.token, { query });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['query'], constraint }],
      });
    }
    expect((await search(world.owner.token, { query: 'x'.repeat(200) })).errors).toBeUndefined();
    const twelve = Array.from({ length: 12 }, (_, i) => `w${i}`).join(' ');
    expect((await search(world.owner.token, { query: twelve })).errors).toBeUndefined();
    for (const variables of [{ kinds: [] }, { first: 0 }, { first: 101 }, { after: 'nonsense' }, { after: Buffer.from('["x","ENTRY","1"]').toString('base64url') }]) {
      expect(errorCode(await search(world.owner.token, { query: 'patience', ...variables }))).toBe('BAD_USER_INPUT');
    }
  });

  it('runs one statement for snippets, and one more per kind of object shown', async () => {
    const counter = await StatementCounter.connect(app.database.url);
    try {
      const token = world.owner.token;
      const statements = async (query: string) => {
        const baseline = await counter.count(() => app.gql('{ __typename }', {}, { token }));
        const total = await counter.count(async () => expect((await app.gql<SearchPage>(query, { query: 'patience' }, { token })).errors).toBeUndefined());
        return total - baseline;
      };
      const snippets = `query Snippets($query: String!) { search(query: $query) { totalCount edges { node { kind rank snippet { text highlights { start length } } } } } }`;
      await statements(snippets);
      expect(await statements(snippets)).toBe(1);
      // 'patience' matches all five kinds: each kind's objects are one batched statement.
      expect(await statements(SEARCH)).toBe(1 + 5);
    } finally {
      await counter.close();
    }
  });

  it('weighs search in the cost limit like any connection', async () => {
    // Each alias: 100 results × 100 changes × 100 changes of their entries (about 3 million
    // objects); ten of them are far past the cost limit, within the depth and alias limits.
    const history = (inner: string) => `history(first: 100) { edges { node { ${inner} } } }`;
    const one = `search(query: "patience", first: 100) { edges { node { ... on EntrySearchResult { entry { ${history(`entry { ${history('id')} }`)} } } } } }`;
    const heavy = await app.gql(`query { ${Array.from({ length: 10 }, (_, i) => `s${i}: ${one}`).join(' ')} }`, undefined, {
      token: world.owner.token,
    });
    expect(heavy.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COMPLEXITY' });
  });
});
