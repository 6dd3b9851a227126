import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import type { Cache } from './cache';
import { MemoryCache } from './memory-cache';
import { RedisCache } from './redis-cache';

export type { Cache, CacheSetOptions } from './cache';
export { MemoryCache } from './memory-cache';
export { RedisCache } from './redis-cache';

/** Redis when REDIS_URL is set, otherwise an in-process cache (single instance only). */
export function createCache(config: Pick<Config, 'redisUrl'>, logger: Logger): Cache {
  return config.redisUrl ? RedisCache.fromUrl(config.redisUrl, logger) : new MemoryCache();
}
