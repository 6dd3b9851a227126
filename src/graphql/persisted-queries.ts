import { ErrorsAreMissesCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Cache } from '../cache';
import type { Logger } from '../lib/logger';

// A hash names one query forever, so entries never go stale; the TTL only bounds Redis memory.
const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

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

/**
 * Apollo's `persistedQueries` option (automatic persisted queries, CONTRACT.md section 8).
 * With Redis, queries registered through one instance are found by every other; a Redis
 * failure is a miss (the client resends the query), never a failed request. Without Redis,
 * Apollo's own bounded in-process LRU keeps them: our MemoryCache has no size bound, and
 * clients choose what gets stored.
 */
export function persistedQueriesOptions(cache: Cache, logger: Logger): { cache?: KeyValueCache<string>; ttl: number } {
  if (cache.kind !== 'redis') return { ttl: PERSISTED_QUERY_TTL_SECONDS };
  return {
    cache: new ErrorsAreMissesCache(new PersistedQueryStore(cache), logger.child({ component: 'persisted-queries' })),
    ttl: PERSISTED_QUERY_TTL_SECONDS,
  };
}
