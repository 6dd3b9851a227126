import Redis from 'ioredis';
import type { Logger } from '../lib/logger';
import type { Cache, CacheSetOptions } from './cache';

const KEY_PREFIX = 'kitaab:';
const TAG_PREFIX = 'tag:';

// Commands fail fast when Redis is slow or away: callers treat the cache as optional.
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;

// Sets the value and adds its (prefixed) key to each tag set; a tag set lives at least as
// long as its newest member, so invalidation still finds every live key.
// KEYS: value key, tag sets...   ARGV: json, ttl seconds
const SET_WITH_TAGS = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
local ttl = tonumber(ARGV[2])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[1])
  if redis.call('TTL', KEYS[i]) < ttl then redis.call('EXPIRE', KEYS[i], ttl) end
end
return 1`;

// Deletes the members of each tag set and the set itself, atomically.
// KEYS: tag sets...
const INVALIDATE_TAGS = `
local removed = 0
for i = 1, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for _, key in ipairs(members) do removed = removed + redis.call('UNLINK', key) end
  redis.call('UNLINK', KEYS[i])
end
return removed`;

interface TaggingCommands {
  setWithTags(numberOfKeys: number, ...keysAndArgs: Array<string | number>): Promise<number>;
  invalidateTags(numberOfKeys: number, ...keys: string[]): Promise<number>;
}

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    keyPrefix: KEY_PREFIX,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly commands: TaggingCommands;

  /** `client` is exposed for the rate limiter and persisted queries, which share the connection. */
  constructor(readonly client: Redis) {
    client.defineCommand('setWithTags', { lua: SET_WITH_TAGS });
    client.defineCommand('invalidateTags', { lua: INVALIDATE_TAGS });
    this.commands = client as unknown as TaggingCommands;
  }

  static fromUrl(url: string, logger: Logger): RedisCache {
    const client = createRedisClient(url);
    // Without a listener ioredis prints every failed reconnect to stderr.
    client.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
    return new RedisCache(client);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.client.get(key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    const ttl = Math.max(1, Math.ceil(options.ttlSeconds));
    const json = JSON.stringify(value);
    const tags = options.tags ?? [];
    if (tags.length === 0) {
      await this.client.set(key, json, 'EX', ttl);
      return;
    }
    const tagKeys = tags.map((tag) => TAG_PREFIX + tag);
    await this.commands.setWithTags(1 + tagKeys.length, key, ...tagKeys, json, ttl);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(key);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.commands.invalidateTags(tags.length, ...tags.map((tag) => TAG_PREFIX + tag));
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    // Only a connected client can say goodbye; otherwise stop reconnect attempts outright.
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
