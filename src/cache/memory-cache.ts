import type { Cache, CacheSetOptions } from './cache';

interface Slot {
  json: string;
  expiresAt: number;
  tags: readonly string[];
}

/**
 * Cache for a single instance (no REDIS_URL). Values are stored as JSON so callers get
 * the same copies-not-references behaviour as with Redis. Expired entries are dropped
 * when read and by a periodic sweep, so the map cannot grow without bound.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly slots = new Map<string, Slot>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepIntervalMs = 60_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    return JSON.parse(slot.json) as T;
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    this.remove(key);
    const tags = options.tags ?? [];
    this.slots.set(key, { json: JSON.stringify(value), expiresAt: this.now() + options.ttlSeconds * 1000, tags });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
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
  }

  get size(): number {
    return this.slots.size;
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    for (const tag of slot.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, slot] of this.slots) if (slot.expiresAt <= now) this.remove(key);
  }
}
