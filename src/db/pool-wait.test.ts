import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { DATABASE_BUSY_MESSAGE, DATABASE_BUSY_REASON, isPoolWaitExceeded } from './pool-wait';

/**
 * DB_POOL_WAIT_MS through HTTP: with the only pooled connection held, a request that needs
 * one is refused after the wait as busy (HTTP 503, Retry-After, a clear reason), writes
 * nothing, and the same request succeeds once the connection is free.
 */

const WAIT_MS = 300;
const HOLD_SECONDS = 4;

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp({ DB_POOL_MAX: '1', DB_POOL_WAIT_MS: String(WAIT_MS) });
  user = await app.createUser();
});

afterAll(async () => {
  await app.stop();
});

/** Runs `work` while a transaction of the server's own client holds its single connection. */
async function withPoolHeld<T>(work: () => Promise<T>): Promise<T> {
  const holding = app.prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT pg_sleep(${HOLD_SECONDS})::text`);
  });
  const poolStats = () => app.server.db.poolStats()!;
  while (!(poolStats().total === 1 && poolStats().idle === 0)) await new Promise((resolve) => setTimeout(resolve, 10));
  try {
    return await work();
  } finally {
    await holding;
  }
}

const ME = '{ me { id } }';
const REGISTER = 'mutation Register($input: RegisterInput!) { register(input: $input) { user { id } } }';
const registration = (email: string) => ({ input: { email, password: 'long-enough-password', fullName: 'Busy Test' } });

describe('waiting for a database connection', () => {
  test('a token check that gets no connection in time answers 503 DATABASE_BUSY with Retry-After', async () => {
    let elapsed = 0;
    const res = await withPoolHeld(async () => {
      const startedAt = Date.now();
      const response = await app.gql(ME, {}, { token: user.token, headers: { 'x-request-id': 'busy-test-0001' } });
      elapsed = Date.now() - startedAt;
      return response;
    });

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([
      {
        message: DATABASE_BUSY_MESSAGE,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: DATABASE_BUSY_REASON, requestId: 'busy-test-0001' },
      },
    ]);
    // Refused after the configured wait, not after the connection came free.
    expect(elapsed).toBeGreaterThanOrEqual(WAIT_MS - 10);
    expect(elapsed).toBeLessThan(HOLD_SECONDS * 1000 - 200);
  });

  test('a mutation that cannot start its transaction answers 503 DATABASE_BUSY and writes nothing', async () => {
    const email = `busy-${Date.now()}@example.test`;
    const res = await withPoolHeld(() => app.gql(REGISTER, registration(email)));

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      message: DATABASE_BUSY_MESSAGE,
      path: ['register'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: DATABASE_BUSY_REASON },
    });
    expect(await app.prisma.user.count({ where: { email } })).toBe(0);

    const retried = await app.gql(REGISTER, registration(email));
    expect(retried.status).toBe(200);
    expect(retried.errors).toBeUndefined();
    expect(await app.prisma.user.count({ where: { email } })).toBe(1);
  });

  test('the same requests succeed once the connection is free', async () => {
    const res = await app.gql(ME, {}, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ me: { id: user.gid } });
    expect(app.server.db.poolStats()).toMatchObject({ total: 1, waiting: 0 });
  });
});

describe('isPoolWaitExceeded', () => {
  test('finds the pool or transaction wait however deeply it is wrapped', () => {
    const pool = new Error('timeout exceeded when trying to connect');
    expect(isPoolWaitExceeded(pool)).toBe(true);
    expect(isPoolWaitExceeded(new Error('Context creation failed: timeout exceeded when trying to connect'))).toBe(true);
    expect(isPoolWaitExceeded({ originalError: { cause: pool } })).toBe(true);
    expect(isPoolWaitExceeded(new Error('Transaction API error: Unable to start a transaction in the given time.'))).toBe(true);
  });

  test('leaves other failures alone, cycles included', () => {
    expect(isPoolWaitExceeded(new Error('Connection terminated due to connection timeout'))).toBe(false);
    expect(isPoolWaitExceeded(new Error('boom'))).toBe(false);
    expect(isPoolWaitExceeded(null)).toBe(false);
    const cyclic: Record<string, unknown> = { message: 'x' };
    cyclic.cause = { originalError: cyclic };
    expect(isPoolWaitExceeded(cyclic)).toBe(false);
  });
});
