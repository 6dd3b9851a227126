import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { applyMigrations } from '../src/db/migrations';
import { readOnlyOperationRouting } from '../src/db/read-routing';
import { RequestScope, runInRequestScope } from '../src/lib/request-scope';
import { forgetCachedDashboards } from './fixtures/dashboard';
import { consecutiveDates, seedEntryGraph, type EntryGraph } from './helpers/entry-graph';
import { withDatabaseName } from './helpers/database-url';
import { startTestApp, type GraphQLResponse, type TestApp, type TestUser } from './helpers/test-app';
import { startPostgres, startReplica, type PostgresCluster } from './services/postgres';
import { withClient } from './helpers/pg-client';

/**
 * DATABASE_REPLICA_URLS for real: a throwaway primary with a streaming replica made by
 * pg_basebackup -R, the app on both, and pg_stat_statements on each server telling which
 * one ran what. Queries (with their permission checks and DataLoaders) are served by the
 * replica; mutations, reads inside them included, by the primary.
 */

const DATABASE = 'kitaab';

let primary: PostgresCluster;
let replica: PostgresCluster;
let primaryUrl: string;
let replicaUrl: string;
let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let graph: EntryGraph;

/** Statements run in the app's database on one server, by normalised text, from pg_stat_statements. */
async function statementCalls(url: string): Promise<Map<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ query: string; calls: string }>(
      `SELECT s.query, sum(s.calls)::text AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = $1 AND s.query NOT LIKE '%pg_stat_statements%' AND s.query NOT LIKE '%pg_is_in_recovery%'
       GROUP BY s.query`,
      [DATABASE],
    );
    return new Map(rows.map((row) => [row.query, Number(row.calls)]));
  });
}

/** What `work` made each server run: the statements with their number of calls. */
async function servedBy(work: () => Promise<unknown>): Promise<{ primary: string[]; replica: string[] }> {
  const before = await Promise.all([statementCalls(primaryUrl), statementCalls(replicaUrl)]);
  await work();
  const after = await Promise.all([statementCalls(primaryUrl), statementCalls(replicaUrl)]);
  const diff = (was: Map<string, number>, now: Map<string, number>) =>
    [...now].flatMap(([query, calls]) => Array<string>(calls - (was.get(query) ?? 0)).fill(query.replace(/\s+/g, ' ')));
  return { primary: diff(before[0], after[0]), replica: diff(before[1], after[1]) };
}

/** Polls the replica until `sql` returns a row: replication is asynchronous. */
async function untilReplicated(sql: string, params: unknown[]): Promise<void> {
  await withClient(replicaUrl, async (client) => {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      if ((await client.query(sql, params)).rowCount! > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`the replica did not catch up: ${sql}`);
  });
}

beforeAll(async () => {
  primary = await startPostgres();
  await withClient(primary.url, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
  primaryUrl = withDatabaseName(primary.url, DATABASE);
  await applyMigrations({ kind: 'postgres', url: primaryUrl });
  await withClient(primaryUrl, (client) => client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
  replica = await startReplica(primary);
  replicaUrl = withDatabaseName(replica.url, DATABASE);

  app = await startTestApp({ DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrl });
  owner = await app.createUser();
  reader = await app.createUser();
  graph = await seedEntryGraph(app.prisma, { users: [owner.id], dates: consecutiveDates('2026-01-10', 3) });
  const relation = await app.prisma.relation.create({
    data: { requesterId: reader.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
  });
  await app.prisma.permission.create({
    data: { relationId: relation.id, deedItemId: graph.items[0]!.countRoot, type: 'WRITE', version: 1 },
  });
  await untilReplicated('SELECT 1 FROM permissions WHERE relation_id = $1', [relation.id.toString()]);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await replica?.stop();
  await primary?.stop();
});

interface SharedEntries {
  entries: { totalCount: number; edges: Array<{ node: { id: string; deedItem: { name: string } } }> };
}

const GRANTEE_QUERY = `
  query Shared($ownerId: ID!) {
    entries(filter: { ownerId: $ownerId }, first: 50) {
      totalCount
      edges { node { id entryDate count owner { fullName } deedItem { name } history { totalCount } } }
    }
  }`;

describe('read replicas', () => {
  it('runs a real streaming replica of the primary', async () => {
    const inRecovery = (url: string) =>
      withClient(url, async (client) => (await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r);
    expect(await inRecovery(primaryUrl)).toBe(false);
    expect(await inRecovery(replicaUrl)).toBe(true);
  });

  it('serves a query from the replica: list, permission checks and loaders alike', async () => {
    let response: GraphQLResponse<SharedEntries> | undefined;
    const served = await servedBy(async () => {
      response = await app.gql<SharedEntries>(GRANTEE_QUERY, { ownerId: owner.gid }, { token: reader.token });
    });
    expect(response!.errors).toBeUndefined();
    // The grant covers the COUNT deed's root and child: two entries a day for three days.
    expect(response!.data!.entries.totalCount).toBe(6);
    expect(response!.data!.entries.edges[0].node.deedItem.name).toMatch(/^(Quran|Juz 1)$/);

    // The primary only authenticated the viewer; everything else ran on the replica.
    expect(served.primary).toHaveLength(1);
    expect(served.primary[0]).toMatch(/FROM "public"\."users"/);
    expect(served.replica.length).toBeGreaterThanOrEqual(4);
    expect(served.replica.some((sql) => /FROM permissions p/.test(sql))).toBe(true); // the authority
    expect(served.replica.some((sql) => /FROM "public"\."users"/.test(sql))).toBe(true); // a loader (owner profiles)
    expect(served.replica.some((sql) => /entry_history/.test(sql))).toBe(true); // history pages
  });

  it('runs a mutation, its reads included, on the primary; the replica then serves the new row', async () => {
    const today = new Date().toISOString().slice(0, 10);
    let entryId = '';
    const served = await servedBy(async () => {
      const res = await app.gql(
        `mutation Record($input: RecordEntryInput!) { recordEntry(input: $input) { entry { id count deedItem { name } } } }`,
        { input: { deedItemId: graph.items[0]!.countChild.toString(), entryDate: today, count: '3.50' } },
        { token: reader.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordEntry.entry).toMatchObject({ count: '3.50', deedItem: { name: 'Juz 1' } });
      entryId = res.data!.recordEntry.entry.id;
    });
    expect(served.replica).toEqual([]);
    expect(served.primary.some((sql) => /INSERT INTO entries/.test(sql))).toBe(true);
    expect(served.primary.some((sql) => /FROM permissions p/.test(sql))).toBe(true); // the authority, read inside the mutation

    await untilReplicated('SELECT 1 FROM entries WHERE entry_id = $1', [entryId]);
    let response: GraphQLResponse<SharedEntries> | undefined;
    const read = await servedBy(async () => {
      response = await app.gql<SharedEntries>(GRANTEE_QUERY, { ownerId: owner.gid }, { token: reader.token });
    });
    expect(response!.data!.entries.totalCount).toBe(7);
    expect(response!.data!.entries.edges.map((edge) => edge.node.id)).toContain(entryId);
    // The viewer's row, read on the primary for the mutation, is kept across requests (live-users.ts).
    expect(read.primary).toEqual([]);
    expect(read.replica.length).toBeGreaterThanOrEqual(4);
  });

  it('sends writes, raw statements and transactions of a query operation to the primary', async () => {
    /** Runs `work` as the resolvers of a `query` operation would: inside a read-only route. */
    const asQueryOperation = (work: () => Promise<unknown>) => {
      const scope = new RequestScope('replica-test-request', app.server.logger);
      return runInRequestScope(scope, async () => {
        const hooks = await readOnlyOperationRouting().requestDidStart!({} as never);
        await hooks!.didResolveOperation!({
          operation: { operation: 'query' },
          contextValue: { scope },
        } as GraphQLRequestContextDidResolveOperation<{ scope: RequestScope }>);
        await work();
      });
    };

    const served = await servedBy(() =>
      asQueryOperation(async () => {
        await app.prisma.user.count();
        await app.prisma.$queryRaw`SELECT count(*) FROM deeds`;
        await app.prisma.auditLog.create({ data: { action: 'replica.test', entityType: 'Test' } });
        await app.prisma.$executeRaw`UPDATE users SET locale = 'en' WHERE user_id = ${owner.id}`;
        await app.prisma.$transaction(async (tx) => tx.deed.count());
      }),
    );
    expect(served.replica).toEqual([expect.stringMatching(/SELECT COUNT/), 'SELECT count(*) FROM deeds']);
    expect(served.primary.some((sql) => /INSERT INTO "public"\."audit_log"/.test(sql))).toBe(true);
    expect(served.primary.some((sql) => /UPDATE users SET locale/.test(sql))).toBe(true);
    expect(served.primary.some((sql) => /FROM "public"\."deeds"/.test(sql))).toBe(true);
  });

  it('keeps work outside requests on the primary', async () => {
    const served = await servedBy(() => app.prisma.user.count());
    expect(served).toEqual({ primary: [expect.stringMatching(/SELECT COUNT/)], replica: [] });
  });
});

describe('read replicas and the dashboard', () => {
  it('computes a dashboard on the primary: it is cached, and a write must show on the next read', async () => {
    await forgetCachedDashboards(app, owner);
    let response: GraphQLResponse | undefined;
    const served = await servedBy(async () => {
      response = await app.gql('query { dashboard(days: 365) { categories { entryCount } } }', {}, { token: owner.token });
    });
    expect(response!.errors).toBeUndefined();
    const touchesEntries = (sql: string) => /\bentries\b/.test(sql);
    expect(served.primary.filter(touchesEntries)).toHaveLength(1);
    expect(served.replica.filter(touchesEntries)).toEqual([]);
  });
});
