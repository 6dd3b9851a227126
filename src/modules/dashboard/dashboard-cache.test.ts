import pino from 'pino';
import { MemoryCache, type Cache } from '../../cache';
import { DashboardCache, type DashboardKey } from './dashboard-cache';
import type { DashboardRecord } from './types';

/**
 * The cache's own rules, on the in-process cache: a read that computed before a write
 * committed and stores after the invalidation must not be served afterwards, and a cache
 * that fails never fails the dashboard.
 */

const silent = pino({ level: 'silent' });
const key: DashboardKey = { ownerId: 7n, scope: 'owner', days: 7, timezone: 'UTC', dateTo: '2025-03-01' };
const record = (generatedAt: string): DashboardRecord => ({
  ownerId: '7',
  days: 7,
  dateFrom: '2025-02-23',
  dateTo: '2025-03-01',
  timezone: 'UTC',
  generatedAt,
  categories: [],
});

describe('DashboardCache', () => {
  let memory: MemoryCache;
  let cache: DashboardCache;

  beforeEach(() => {
    memory = new MemoryCache();
    cache = new DashboardCache(memory, silent);
  });
  afterEach(() => memory.close());

  it('serves what was stored under the current generation, per key', async () => {
    const generation = await cache.generation(7n);
    await cache.store(key, generation, record('2025-03-01T10:00:00.000Z'));
    expect(await cache.load(key, await cache.generation(7n))).toEqual(record('2025-03-01T10:00:00.000Z'));
    expect(await cache.load({ ...key, scope: 'another' }, generation)).toBeUndefined();
    expect(await cache.load({ ...key, days: 8 }, generation)).toBeUndefined();
  });

  it('never serves a value computed before an invalidation, even when it is stored after it', async () => {
    const generationBeforeWrite = await cache.generation(7n);
    // A write commits and invalidates while that read is still computing...
    await cache.invalidateOwner(7n);
    // ...then the read stores its (stale) numbers.
    await cache.store(key, generationBeforeWrite, record('stale'));
    expect(await cache.load(key, await cache.generation(7n))).toBeUndefined();
  });

  it('looks the generation and the view up in one round trip, and never serves an older generation', async () => {
    const getMany = jest.spyOn(memory, 'getManyText');
    const before = await cache.lookup(key);
    expect(before.cached).toBeUndefined();
    await cache.store(key, before.generation, record('fresh'));
    expect(await cache.lookup(key)).toEqual({ generation: before.generation, cached: record('fresh') });
    expect(getMany).toHaveBeenCalledTimes(2);

    // Stored after an invalidation under the generation read before it: never served.
    await cache.invalidateOwner(7n);
    await cache.store(key, before.generation, record('stale'));
    const after = await cache.lookup(key);
    expect(after.generation).not.toBe(before.generation);
    expect(after.cached).toBeUndefined();
  });

  it('parses a stored view once: the same text is the same frozen view, a new text a new one', async () => {
    const { generation } = await cache.lookup(key);
    await cache.store(key, generation, record('first'));
    const first = (await cache.lookup(key)).cached!;
    expect((await cache.lookup(key)).cached).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.categories)).toBe(true);
    await cache.store(key, generation, record('second'));
    const second = (await cache.lookup(key)).cached!;
    expect(second).not.toBe(first);
    expect(second).toEqual(record('second'));
  });

  it("drops every key of the owner (all scopes and windows), and only that owner's", async () => {
    const generation = await cache.generation(7n);
    const otherKey = { ...key, ownerId: 8n };
    const otherGeneration = await cache.generation(8n);
    await cache.store(key, generation, record('a'));
    await cache.store({ ...key, scope: 'grantee' }, generation, record('b'));
    await cache.store(otherKey, otherGeneration, record('c'));
    await cache.invalidateOwners([7n, 7n]);
    expect(memory.size).toBe(2); // the other owner's value and owner 7's new generation
    expect(await cache.load(otherKey, await cache.generation(8n))).toEqual(record('c'));
  });

  it('treats a failing cache as a miss and stores nothing', async () => {
    const failing: Cache = {
      kind: 'redis',
      get: () => Promise.reject(new Error('down')),
      getMany: () => Promise.reject(new Error('down')),
      getManyText: () => Promise.reject(new Error('down')),
      set: jest.fn(() => Promise.reject(new Error('down'))),
      delete: () => Promise.reject(new Error('down')),
      invalidateTags: () => Promise.reject(new Error('down')),
      ping: () => Promise.reject(new Error('down')),
      close: async () => undefined,
    };
    const broken = new DashboardCache(failing, silent);
    const { generation, cached } = await broken.lookup(key);
    expect(cached).toBeUndefined();
    expect(await broken.load(key, generation)).toBeUndefined();
    await broken.store(key, generation, record('x'));
    expect(failing.set).not.toHaveBeenCalled();
    await expect(broken.invalidateOwner(7n)).resolves.toBeUndefined();
  });
});
