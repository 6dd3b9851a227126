import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MemorySlidingWindowStore, RedisSlidingWindowStore, type SlidingWindowStore, type WindowHit } from './sliding-window';

// REDIS_URL comes from test/global-setup.ts (a throwaway Redis).
const redisUrl = process.env.REDIS_URL as string;

describe.each(['memory', 'redis'] as const)('sliding window log (%s)', (kind) => {
  let store: SlidingWindowStore;
  let client: Redis | undefined;
  let ns: string;
  let seq = 0;

  beforeAll(() => {
    client = kind === 'redis' ? new Redis(redisUrl) : undefined;
  });

  afterAll(() => client?.disconnect());

  beforeEach(() => {
    store = client ? new RedisSlidingWindowStore(client) : new MemorySlidingWindowStore();
    ns = randomBytes(4).toString('hex');
  });

  afterEach(() => {
    if (store instanceof MemorySlidingWindowStore) store.close();
  });

  function hit(key: string, limit: number, windowMs: number): WindowHit {
    seq += 1;
    return { key: `${ns}:${key}`, limit, windowMs, member: `m${seq}` };
  }

  it('slides: a hit leaves the window exactly windowMs after it was counted', async () => {
    const t0 = 1_700_000_000_000;
    await expect(store.consume([hit('a', 2, 1_000)], t0)).resolves.toEqual({ allowed: true });
    await expect(store.consume([hit('a', 2, 1_000)], t0 + 600)).resolves.toEqual({ allowed: true });
    // Full until the first hit is 1000 ms old; then one slot, until the second one is.
    await expect(store.consume([hit('a', 2, 1_000)], t0 + 900)).resolves.toEqual({ allowed: false, retryAfterMs: 100, deniedIndex: 0 });
    await expect(store.consume([hit('a', 2, 1_000)], t0 + 999)).resolves.toEqual({ allowed: false, retryAfterMs: 1, deniedIndex: 0 });
    await expect(store.consume([hit('a', 2, 1_000)], t0 + 1_000)).resolves.toEqual({ allowed: true });
    await expect(store.consume([hit('a', 2, 1_000)], t0 + 1_100)).resolves.toEqual({ allowed: false, retryAfterMs: 500, deniedIndex: 0 });
  });

  it('does not count refused hits', async () => {
    const t0 = 1_700_000_000_000;
    await store.consume([hit('b', 1, 1_000)], t0);
    for (let t = t0 + 100; t < t0 + 1_000; t += 100) {
      expect(await store.consume([hit('b', 1, 1_000)], t)).toMatchObject({ allowed: false });
    }
    await expect(store.consume([hit('b', 1, 1_000)], t0 + 1_000)).resolves.toEqual({ allowed: true });
  });

  it('counts in every window or in none, and reports the one that frees up last', async () => {
    const t0 = 1_700_000_000_000;
    await store.consume([hit('short', 1, 1_000)], t0);
    await store.consume([hit('long', 1, 5_000)], t0);
    const refused = await store.consume([hit('fresh', 5, 1_000), hit('short', 1, 1_000), hit('long', 1, 5_000)], t0 + 10);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 4_990, deniedIndex: 2 });
    // "fresh" was not counted: its five slots are all still there.
    for (let n = 0; n < 5; n += 1) await expect(store.consume([hit('fresh', 5, 1_000)], t0 + 20)).resolves.toEqual({ allowed: true });
    await expect(store.consume([hit('fresh', 5, 1_000)], t0 + 20)).resolves.toMatchObject({ allowed: false });
  });

  it('counts one key twice when a request names it twice', async () => {
    const t0 = 1_700_000_000_000;
    await store.consume([hit('dup', 3, 1_000)], t0);
    await expect(store.consume([hit('dup', 3, 1_000), hit('dup', 3, 1_000)], t0 + 1)).resolves.toEqual({ allowed: true });
    await expect(store.consume([hit('dup', 3, 1_000)], t0 + 2)).resolves.toEqual({ allowed: false, retryAfterMs: 998, deniedIndex: 0 });
    await expect(store.consume([hit('dup2', 1, 1_000), hit('dup2', 1, 1_000)], t0)).resolves.toEqual({
      allowed: false,
      retryAfterMs: 1_000,
      deniedIndex: 1,
    });
  });

  it('gives a released hit back', async () => {
    const t0 = 1_700_000_000_000;
    const first = hit('c', 1, 60_000);
    await store.consume([first], t0);
    await expect(store.consume([hit('c', 1, 60_000)], t0 + 1)).resolves.toMatchObject({ allowed: false });
    await store.release(first.key, first.member);
    await expect(store.consume([hit('c', 1, 60_000)], t0 + 2)).resolves.toEqual({ allowed: true });
  });
});

describe('sliding window log in Redis', () => {
  it('expires a key with its newest hit', async () => {
    const client = new Redis(redisUrl);
    try {
      const key = `${randomBytes(4).toString('hex')}:ttl`;
      await new RedisSlidingWindowStore(client).consume([{ key, limit: 5, windowMs: 60_000, member: 'm' }], Date.now());
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(59_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      client.disconnect();
    }
  });
});
