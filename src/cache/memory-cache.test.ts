import { MemoryCache } from './memory-cache';

describe('MemoryCache', () => {
  let now: number;
  let cache: MemoryCache;

  beforeEach(() => {
    now = 1_000_000;
    cache = new MemoryCache(() => now);
  });

  afterEach(() => cache.close());

  it('stores copies of JSON values until their TTL passes', async () => {
    const value = { n: 1, list: ['a'] };
    await cache.set('k', value, { ttlSeconds: 10 });
    value.n = 2;
    await expect(cache.get('k')).resolves.toEqual({ n: 1, list: ['a'] });
    now += 9_999;
    await expect(cache.get('k')).resolves.toEqual({ n: 1, list: ['a'] });
    now += 2;
    await expect(cache.get('k')).resolves.toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('deletes single keys', async () => {
    await cache.set('k', 1, { ttlSeconds: 10 });
    await cache.delete('k');
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('invalidates every key carrying a tag, and only those', async () => {
    await cache.set('dash:1:30', 'a', { ttlSeconds: 60, tags: ['owner:1'] });
    await cache.set('dash:1:7', 'b', { ttlSeconds: 60, tags: ['owner:1', 'scope:x'] });
    await cache.set('dash:2:30', 'c', { ttlSeconds: 60, tags: ['owner:2'] });
    await cache.invalidateTags(['owner:1']);
    await expect(cache.get('dash:1:30')).resolves.toBeUndefined();
    await expect(cache.get('dash:1:7')).resolves.toBeUndefined();
    await expect(cache.get('dash:2:30')).resolves.toBe('c');
  });

  it('forgets old tags when a key is set again', async () => {
    await cache.set('k', 1, { ttlSeconds: 60, tags: ['old'] });
    await cache.set('k', 2, { ttlSeconds: 60, tags: ['new'] });
    await cache.invalidateTags(['old']);
    await expect(cache.get('k')).resolves.toBe(2);
  });

  it('is always reachable', async () => {
    await expect(cache.ping()).resolves.toBeUndefined();
  });

  describe('bounds (issue 11 item 7)', () => {
    let small: MemoryCache;
    beforeEach(() => {
      small = new MemoryCache(() => now, 60_000, { maxEntries: 3, maxBytes: 100 });
    });
    afterEach(() => small.close());

    it('keeps at most maxEntries, dropping the least recently used first', async () => {
      for (const key of ['a', 'b', 'c']) await small.set(key, key, { ttlSeconds: 60 });
      await small.get('a'); // a is now more recent than b
      await small.set('d', 'd', { ttlSeconds: 60 });
      expect(small.size).toBe(3);
      await expect(small.get('b')).resolves.toBeUndefined();
      for (const key of ['a', 'c', 'd']) await expect(small.get(key)).resolves.toBe(key);
    });

    it('keeps at most maxBytes of JSON, and never stores a value larger than that', async () => {
      await small.set('x', 'x'.repeat(40), { ttlSeconds: 60, tags: ['t'] });
      await small.set('y', 'y'.repeat(40), { ttlSeconds: 60 });
      await small.set('z', 'z'.repeat(40), { ttlSeconds: 60 });
      await expect(small.get('x')).resolves.toBeUndefined();
      expect(small.size).toBe(2);
      await small.set('huge', 'h'.repeat(200), { ttlSeconds: 60 });
      await expect(small.get('huge')).resolves.toBeUndefined();
      expect(small.size).toBe(2);
      // Eviction also forgets the tag index entry.
      await small.invalidateTags(['t']);
      await expect(small.get('y')).resolves.toBe('y'.repeat(40));
    });
  });
});
