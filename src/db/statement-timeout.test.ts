import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { DATABASE_TIMEOUT_MESSAGE, DATABASE_TIMEOUT_REASON, isStatementTimeout } from './statement-timeout';

/**
 * DB_STATEMENT_TIMEOUT_MS and DB_POOL_MAX through HTTP: a statement held up past the timeout
 * (here by a lock another session keeps on the users table) is cancelled by PostgreSQL, the
 * client gets a clear error, and the single pooled connection is free for the next request.
 */

const TIMEOUT_MS = 200;

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS), DB_POOL_MAX: '1' });
  user = await app.createUser();
});

afterAll(async () => {
  await app.stop();
});

/** Runs `work` while another session holds an exclusive lock on the users table. */
async function withUsersLocked<T>(work: () => Promise<T>): Promise<T> {
  const locker = new Client({ connectionString: app.database.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    return await work();
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
}

async function poolGauges(): Promise<Record<string, number>> {
  const text = await (await fetch(`${app.origin}/metrics`)).text();
  const gauges: Record<string, number> = {};
  for (const match of text.matchAll(/^kitaab_db_pool_connections\{state="(\w+)"\} (\d+)$/gm)) gauges[match[1]!] = Number(match[2]);
  return gauges;
}

async function activeServerStatements(): Promise<number> {
  const client = new Client({ connectionString: app.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'kitaab-api' AND state <> 'idle'`,
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token } }';

describe('statement timeout', () => {
  test('a resolver statement past the timeout gives a clear INTERNAL_SERVER_ERROR, not the masked one', async () => {
    const startedAt = Date.now();
    const res = await withUsersLocked(() =>
      app.gql(LOGIN, { input: { email: 'someone@example.test', password: 'long-enough-password' } }, {
        headers: { 'x-request-id': 'timeout-test-0001' },
      }),
    );
    const elapsed = Date.now() - startedAt;

    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      {
        message: DATABASE_TIMEOUT_MESSAGE,
        locations: [{ line: 1, column: 39 }],
        path: ['login'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: DATABASE_TIMEOUT_REASON, requestId: 'timeout-test-0001' },
      },
    ]);
    // Cancelled by the timeout, not left waiting for the lock.
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(5_000);
  });

  test('a timeout while resolving the viewer gets the same clear error', async () => {
    const res = await withUsersLocked(() => app.gql('query Me { me { id } }', {}, { token: user.token }));
    // Apollo answers a failed context with HTTP 500.
    expect(res.status).toBe(500);
    expect(res.errors?.[0]?.message).toBe(DATABASE_TIMEOUT_MESSAGE);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: DATABASE_TIMEOUT_REASON });
  });

  test('with DB_POOL_MAX=1, queued requests each time out in turn, and afterwards no connection is stuck', async () => {
    const startedAt = Date.now();
    const { responses, whileBlocked } = await withUsersLocked(async () => {
      const pending = [1, 2, 3].map(() =>
        app.gql(LOGIN, { input: { email: 'someone@example.test', password: 'long-enough-password' } }),
      );
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2));
      const gauges = await poolGauges();
      return { responses: await Promise.all(pending), whileBlocked: gauges };
    });

    // One connection in use, the other requests queued behind it: the pool size is applied.
    expect(whileBlocked).toMatchObject({ total: 1, in_use: 1 });
    expect(whileBlocked.waiting).toBeGreaterThanOrEqual(1);
    for (const res of responses) expect(res.errors?.[0]?.extensions?.reason).toBe(DATABASE_TIMEOUT_REASON);
    // Served one after the other on the single connection, each cut at the timeout.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(3 * TIMEOUT_MS);

    expect(await poolGauges()).toMatchObject({ in_use: 0, waiting: 0 });
    expect(await activeServerStatements()).toBe(0);
    const next = await app.gql('query Me { me { id } }', {}, { token: user.token });
    expect(next.data).toEqual({ me: { id: user.gid } });
  });
});

describe('isStatementTimeout', () => {
  const pgError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  const prismaError = Object.assign(new Error('Raw query failed. Code: `57014`'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57014', originalCode: '57014' } } },
  });

  test('recognises the cancellation however it is wrapped', () => {
    expect(isStatementTimeout(pgError)).toBe(true);
    expect(isStatementTimeout(prismaError)).toBe(true);
    expect(isStatementTimeout(new GraphQLError('Unexpected error', { originalError: prismaError }))).toBe(true);
    expect(isStatementTimeout(new Error('wrapped', { cause: pgError }))).toBe(true);
  });

  test('and nothing else', () => {
    const uniqueViolation = Object.assign(new Error('Unique constraint failed'), {
      code: 'P2002',
      meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } },
    });
    expect(isStatementTimeout(uniqueViolation)).toBe(false);
    expect(isStatementTimeout(new GraphQLError('Deed not found', { extensions: { code: 'NOT_FOUND' } }))).toBe(false);
    expect(isStatementTimeout(new Error('boom'))).toBe(false);
    expect(isStatementTimeout(undefined)).toBe(false);
  });
});
