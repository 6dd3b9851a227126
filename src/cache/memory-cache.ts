import type { Cache, CacheSetOptions } from './cache';

interface Slot {
  json: string;
  expiresAt: number;
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
 * the same copies-not-references behaviour as with Redis. Expired entries are dropped
 * when read and by a periodic sweep; live ones are bounded in number and size, least
 * recently used evicted first (as Redis does with maxmemory and allkeys-lru), so no client
 * can grow the process by filling it.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly slots = new Map<string, Slot>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly sweeper: NodeJS.Timeout;
  private bytes = 0;

  constructor(
    private readonly now: () => number = Date.now,
    sweepIntervalMs = 60_000,
    private readonly bounds: MemoryCacheBounds = DEFAULT_MEMORY_CACHE_BOUNDS,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    return Promise.all(keys.map((key) => this.get<T>(key)));
  }

  async get<T>(key: string): Promise<T | undefined> {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    // Map order is the recency order: a read moves the key to the end.
    this.slots.delete(key);
    this.slots.set(key, slot);
    return JSON.parse(slot.json) as T;
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    this.remove(key);
    const tags = options.tags ?? [];
    const json = JSON.stringify(value);
    if (json.length > this.bounds.maxBytes) return;
    this.slots.set(key, { json, expiresAt: this.now() + options.ttlSeconds * 1000, tags });
    this.bytes += json.length;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evictPastBounds();
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) this.remove(key);
      this.keysByTag.delete(tag);
    }
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.slots.clear();
    this.keysByTag.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.slots.size;
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.bytes -= slot.json.length;
    for (const tag of slot.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  private evictPastBounds(): void {
    for (const key of this.slots.keys()) {
      if (this.slots.size <= this.bounds.maxEntries && this.bytes <= this.bounds.maxBytes) return;
      this.remove(key);
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, slot] of this.slots) if (slot.expiresAt <= now) this.remove(key);
  }
}
