import type Redis from 'ioredis';
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import type { Cache } from './cache';
import { MemoryCache } from './memory-cache';
import type { RedisBreaker } from './redis-breaker';
import { RedisCache } from './redis-cache';

export type { Cache, CacheSetOptions } from './cache';
export { MemoryCache } from './memory-cache';
export { RedisBreaker, RedisUnavailableError, type RedisBreakerState } from './redis-breaker';
export { RATE_LIMIT_KEY_PREFIX, RedisCache } from './redis-cache';

/**
 * Redis when REDIS_URL is set, otherwise an in-process cache (single instance only). Waits
 * briefly for Redis; one that is down at startup does not stop the server (see RedisCache).
 */
export async function createCache(config: Pick<Config, 'redisUrl'>, logger: Logger): Promise<Cache> {
  if (!config.redisUrl) return new MemoryCache();
  const cache = RedisCache.fromUrl(config.redisUrl, logger);
  await cache.connect();
  return cache;
}

/** The Redis connection behind a cache and its breaker, for other users of the same Redis. */
export function redisConnectionOf(cache: Cache): { client: Redis; breaker: RedisBreaker } | undefined {
  if (cache.kind !== 'redis') return undefined;
  const { client, breaker } = cache as RedisCache;
  return { client, breaker };
}
