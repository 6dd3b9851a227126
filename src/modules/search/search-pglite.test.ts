import 'reflect-metadata';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { highlighted, SEARCH, seedSearchWorld, type SearchPage, type SearchWorld } from '../../../test/fixtures/search';

/**
 * `search` on the embedded PGlite default (no DATABASE_URL, migrations applied at start).
 * PGlite is opened without extension bundles, so the migration's fallback applies: plain
 * `simple` configuration (accents kept) and no fuzzy (pg_trgm) name matching.
 */
describe('search on PGlite', () => {
  let app: TestApp;
  let world: SearchWorld;

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_URL: '', MIGRATE_ON_START: 'true' });
    world = await seedSearchWorld(app);
  }, 120_000);
  afterAll(() => app?.stop());

  const search = (token: string, variables: Record<string, unknown>) => app.gql<SearchPage>(SEARCH, variables, { token });
  const kinds = (page: SearchPage) => page.search.edges.map(({ node }) => node.kind).sort();

  it('ranks and highlights the same texts as PostgreSQL', async () => {
    const response = await search(world.owner.token, { query: 'patience' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.search.totalCount).toBe(7);
    expect(kinds(response.data!)).toEqual(['DEED', 'DEED_ITEM', 'ENTRY', 'ENTRY', 'ENTRY', 'REFLECTION', 'SUPPORT_MESSAGE']);
    const best = response.data!.search.edges.find(({ node }) => node.entry?.id === world.entries.patienceTwice.toString())!.node;
    const once = response.data!.search.edges.find(({ node }) => node.entry?.id === world.entries.patience.toString())!.node;
    expect(best.rank).toBeGreaterThan(once.rank);
    expect(highlighted(best)).toEqual(['Patience', 'patience', 'patience']);
    const prefix = await search(world.owner.token, { query: 'pati', kinds: ['ENTRY'] });
    expect(prefix.data!.search.totalCount).toBe(3);
    const arabic = await search(world.owner.token, { query: 'الصبر' });
    expect(arabic.data!.search.edges.map(({ node }) => node.entry?.id)).toEqual([world.entries.arabic.toString()]);
  });

  it('falls back without unaccent and pg_trgm: accents and typos do not match', async () => {
    expect((await search(world.owner.token, { query: 'pâtience' })).data!.search.totalCount).toBe(0);
    expect((await search(world.owner.token, { query: 'tahajud' })).data!.search.totalCount).toBe(0);
    expect((await search(world.owner.token, { query: 'tahajjud' })).data!.search.totalCount).toBe(1);
  });

  it('applies the same visibility to a READ grantee and a stranger', async () => {
    const grantee = await search(world.grantee.token, { query: 'patience', ownerId: world.owner.gid });
    expect(grantee.data!.search.edges.map(({ node }) => node.entry?.id).sort()).toEqual(
      [world.entries.patience, world.entries.patienceTwice].map(String).sort(),
    );
    expect(errorCode(await search(world.stranger.token, { query: 'patience', ownerId: world.owner.gid }))).toBe('NOT_FOUND');
  });

  it('refuses bad queries before they reach the database', async () => {
    for (const query of ['', 'x'.repeat(201), '- or ""']) {
      expect(errorCode(await search(world.owner.token, { query }))).toBe('BAD_USER_INPUT');
    }
  });
});
