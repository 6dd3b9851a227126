import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { Cache } from '../cache';
import type { Logger } from '../lib/logger';

// A hash names one query forever, so entries never go stale; the TTL only bounds Redis memory.
const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;
/**
 * Longest document stored (the SDK's longest is about 1,600 characters). A longer one still
 * runs when sent, but is not remembered: its hash alone keeps answering PERSISTED_QUERY_NOT_FOUND.
 */
export const MAX_PERSISTED_QUERY_LENGTH = 10_000;
/** Without Redis: what the in-process store may hold in all (least recently used go first). */
const IN_PROCESS_STORE_BYTES = 8 * 1024 * 1024;

/** Apollo's key-value cache interface over ours (Apollo prefixes the keys with `apq:`). */
class PersistedQueryStore implements KeyValueCache<string> {
  constructor(private readonly cache: Cache) {}

  get(key: string): Promise<string | undefined> {
    return this.cache.get<string>(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.cache.set(key, value, { ttlSeconds: options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS });
  }

  async delete(key: string): Promise<void> {
    await this.cache.delete(key);
  }
}

/** Leaves out documents over MAX_PERSISTED_QUERY_LENGTH, whatever the store behind. */
class SizeCappedStore implements KeyValueCache<string> {
  constructor(private readonly store: KeyValueCache<string>) {}

  get(key: string): Promise<string | undefined> {
    return this.store.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (value.length > MAX_PERSISTED_QUERY_LENGTH) return;
    await this.store.set(key, value, options);
  }

  delete(key: string): Promise<boolean | void> {
    return this.store.delete(key);
  }
}

/**
 * Apollo's `persistedQueries` option (automatic persisted queries, CONTRACT.md section 8).
 * With Redis, queries registered through one instance are found by every other; a Redis
 * failure is a miss (the client resends the query), never a failed request. Without Redis,
 * a bounded in-process LRU keeps them (our MemoryCache is bounded by entries, not bytes, and
 * clients choose what gets stored). Registrations count in the rate limits
 * (rate-limits/request-checks.ts); Apollo stores a document only once every plugin accepted
 * the operation, so a refused request registers nothing.
 */
export function persistedQueriesOptions(cache: Cache, logger: Logger): { cache: KeyValueCache<string>; ttl: number } {
  const store =
    cache.kind === 'redis'
      ? new ErrorsAreMissesCache(new PersistedQueryStore(cache), logger.child({ component: 'persisted-queries' }))
      : new InMemoryLRUCache<string>({ maxSize: IN_PROCESS_STORE_BYTES });
  return { cache: new SizeCappedStore(store), ttl: PERSISTED_QUERY_TTL_SECONDS };
}
