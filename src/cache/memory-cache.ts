import { LRUCache } from 'lru-cache';
import type { Cache, CacheSetOptions } from './cache';

interface Slot {
  json: string;
  tags: readonly string[];
}

/** What the in-process cache may hold; past either bound the least recently used go first. */
export interface MemoryCacheBounds {
  maxEntries: number;
  /** Sum of the stored JSON lengths (characters, about bytes). */
  maxBytes: number;
}

export const DEFAULT_MEMORY_CACHE_BOUNDS: MemoryCacheBounds = { maxEntries: 100_000, maxBytes: 64 * 1024 * 1024 };

/**
 * Cache for a single instance (no REDIS_URL). Values are stored as JSON so callers get
 * the same copies-not-references behaviour as with Redis. lru-cache keeps them: expiry per
 * key, bounded in number and in JSON size with the least recently used evicted first (as
 * Redis does with maxmemory and allkeys-lru), so no client can grow the process by filling
 * it. What it lacks is tags: an index of keys by tag, which forgets a key however it leaves.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly slots: LRUCache<string, Slot>;
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    now: () => number = Date.now,
    sweepIntervalMs = 60_000,
    private readonly bounds: MemoryCacheBounds = DEFAULT_MEMORY_CACHE_BOUNDS,
  ) {
    this.slots = new LRUCache<string, Slot>({
      max: bounds.maxEntries,
      maxSize: bounds.maxBytes,
      sizeCalculation: (slot) => Math.max(1, slot.json.length),
      // Expiry against the given clock, read on every check (tests move it).
      perf: { now },
      ttlResolution: 0,
      // Expired, evicted, replaced or deleted: the tag index lets go of the key.
      dispose: (slot, key) => this.untag(key, slot.tags),
    });
    this.sweeper = setInterval(() => this.slots.purgeStale(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    return Promise.all(keys.map((key) => this.get<T>(key)));
  }

  async getManyText(keys: readonly string[]): Promise<Array<string | undefined>> {
    return keys.map((key) => this.slots.get(key)?.json);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const slot = this.slots.get(key);
    return slot ? (JSON.parse(slot.json) as T) : undefined;
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    const json = JSON.stringify(value);
    if (json.length > this.bounds.maxBytes) {
      this.slots.delete(key);
      return;
    }
    const tags = options.tags ?? [];
    this.slots.set(key, { json, tags }, { ttl: options.ttlSeconds * 1000 });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async delete(key: string): Promise<void> {
    this.slots.delete(key);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.slots.delete(key);
      this.keysByTag.delete(tag);
    }
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.slots.clear();
    this.keysByTag.clear();
  }

  get size(): number {
    return this.slots.size;
  }

  private untag(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
