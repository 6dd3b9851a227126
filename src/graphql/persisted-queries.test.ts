import Redis from 'ioredis';
import { postGraphQLFrom } from '../../test/helpers/from-address';
import { startOwnRedisApp, stopOwnRedisApp } from '../../test/helpers/own-redis-app';
import { queryHash, sendPersistedQuery } from '../../test/helpers/persisted-query';
import { errorCode, startTestApp, type TestApp } from '../../test/helpers/test-app';
import { waitFor } from '../../test/helpers/wait-for';
import { startRedis, stopRedis, type RedisServer } from '../../test/services/redis';
import { MAX_PERSISTED_QUERY_LENGTH } from './persisted-queries';

const QUERY = 'query PersistedWhoAmI { me { id } }';

describe('automatic persisted queries in Redis, shared by two instances', () => {
  let redis: RedisServer;
  let inspector: Redis;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    inspector = new Redis(redis.url);
    [first, second] = await Promise.all([startTestApp({ REDIS_URL: redis.url }), startTestApp({ REDIS_URL: redis.url })]);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    inspector?.disconnect();
    if (redis) await stopRedis(redis);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, then stores the query sent with it', async () => {
    const key = `kitaab:apq:${queryHash(QUERY)}`;

    const unknown = await sendPersistedQuery(first.url, QUERY, { withQuery: false });
    expect(unknown.status).toBe(200);
    expect(errorCode(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.data).toBeUndefined();
    expect(await inspector.exists(key)).toBe(0);

    const registered = await sendPersistedQuery(first.url, QUERY, { withQuery: true });
    expect(registered).toMatchObject({ status: 200, data: { me: null } });
    expect(registered.errors).toBeUndefined();
    await waitFor('the query in Redis', async () => (await inspector.get(key)) === JSON.stringify(QUERY));
    const ttl = await inspector.ttl(key);
    expect(ttl).toBeGreaterThan(86_000);
    expect(ttl).toBeLessThanOrEqual(86_400);

    const byHash = await sendPersistedQuery(first.url, QUERY, { withQuery: false });
    expect(byHash).toMatchObject({ status: 200, data: { me: null } });
    expect(byHash.errors).toBeUndefined();

    // Another instance never saw the query text: it reads it from the shared Redis.
    const user = await second.createUser();
    const elsewhere = await sendPersistedQuery(second.url, QUERY, { withQuery: false, token: user.token });
    expect(elsewhere).toMatchObject({ status: 200, data: { me: { id: user.gid } } });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('refuses a query whose hash does not match, and stores nothing', async () => {
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ me { id email } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: queryHash('{ me { id } }') } },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(await inspector.exists(`kitaab:apq:${queryHash('{ me { id } }')}`)).toBe(0);
  });
});

describe('automatic persisted queries without Redis', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: '' });
  });

  afterAll(() => app?.stop());

  it('round-trips in process', async () => {
    expect(app.server.cache.kind).toBe('memory');
    expect(errorCode(await sendPersistedQuery(app.url, QUERY, { withQuery: false }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await sendPersistedQuery(app.url, QUERY, { withQuery: true })).toMatchObject({ data: { me: null } });
    const byHash = await sendPersistedQuery(app.url, QUERY, { withQuery: false });
    expect(byHash).toMatchObject({ status: 200, data: { me: null } });
    expect(byHash.errors).toBeUndefined();
  });
});

describe('persisted query registrations as a resource (issue 11 item 5)', () => {
  let redis: RedisServer;
  let inspector: Redis;
  let app: TestApp;

  beforeAll(async () => {
    ({ redis, inspector, app } = await startOwnRedisApp({ RATE_LIMITS: 'on' }));
  });

  afterAll(() => stopOwnRedisApp({ redis, inspector, app }));

  /** A registration (hash and text) from `address`. */
  const register = (address: string, query: string) =>
    postGraphQLFrom(app.url, address, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(query) } },
    } as { query: string });

  it(`runs a document over ${MAX_PERSISTED_QUERY_LENGTH} characters but does not store it`, async () => {
    const long = `# ${'x'.repeat(MAX_PERSISTED_QUERY_LENGTH)}\nquery Long { me { id } }`;
    const registered = await register('127.0.4.1', long);
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({ me: null });
    const atLimit = `query AtLimit { me { id } } # ${'y'.repeat(MAX_PERSISTED_QUERY_LENGTH - 30)}`;
    expect(atLimit.length).toBeLessThanOrEqual(MAX_PERSISTED_QUERY_LENGTH);
    expect((await register('127.0.4.1', atLimit)).errors).toBeUndefined();
    await waitFor('the short one stored', async () => (await inspector.exists(`kitaab:apq:${queryHash(atLimit)}`)) === 1);
    expect(await inspector.exists(`kitaab:apq:${queryHash(long)}`)).toBe(0);
    expect(errorCode(await sendPersistedQuery(app.url, long, { withQuery: false }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('counts registrations: an address may store 20 an hour, the 21st is refused and not stored', async () => {
    const address = '127.0.4.2';
    const firstHitAt = Date.now();
    for (let i = 1; i <= 20; i += 1) {
      const ok = await register(address, `query Registered${i} { me { id } }`);
      expect(ok.errors).toBeUndefined();
    }
    const refusedQuery = 'query Registered21 { me { id } }';
    const refused = await register(address, refusedQuery);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'RATE_LIMITED', scope: 'APQ_REGISTRATIONS_PER_IP' }),
    );
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBeLessThanOrEqual(3600 - Math.floor((Date.now() - firstHitAt) / 1000) + 1);
    expect(await inspector.exists(`kitaab:apq:${queryHash(refusedQuery)}`)).toBe(0);
    // Plain queries from there still run: only storing is limited.
    const plain = await postGraphQLFrom(app.url, address, { query: refusedQuery });
    expect(plain.errors).toBeUndefined();
  });
});
