import Redis from 'ioredis';
import type { Logger } from '../lib/logger';
import { answeredWithin } from '../lib/within';
import type { Cache, CacheSetOptions } from './cache';
import { PendingInvalidations } from './pending-invalidations';
import { ANSWERING_WAIT_MS, RedisBreaker, RedisUnavailableError, type RedisBreakerOptions } from './redis-breaker';

const KEY_PREFIX = 'kitaab:';
const TAG_PREFIX = 'tag:';
/** Keys of the rate limiter, which shares the connection; a cache wipe leaves them alone. */
export const RATE_LIMIT_KEY_PREFIX = 'rl:';

const CONNECT_TIMEOUT_MS = 1_000;
// Only clears commands a hung Redis never answers out of ioredis' queue: the breaker decides
// when a caller stops waiting. Its timer must outlast the breaker's longest wait: at 1 s it
// failed replies that had arrived while this process was busy for a second (5,000 connections
// at once), and each such dashboard read was computed again (bench/RESULTS.md, the tenth round).
const COMMAND_CLEANUP_TIMEOUT_MS = ANSWERING_WAIT_MS + 5_000;
// While invalidations are pending, try to replay them this often.
const REPLAY_INTERVAL_MS = 1_000;

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

/**
 * A client that never makes a request wait on a dead Redis: while disconnected, commands fail
 * at once (no offline queue, no retries per request), a hung server costs at most the
 * breaker's timeout (RedisBreaker), and ioredis keeps reconnecting in the background.
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    keyPrefix: KEY_PREFIX,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_CLEANUP_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    // Commands issued in the same tick (concurrent requests' cache reads, rate-limit checks)
    // go out in one write: one syscall per batch instead of one per command under load.
    enableAutoPipelining: true,
  });
}

/**
 * The shared cache. Every command goes through the process' RedisBreaker, and a Redis that is
 * away is never an error for the caller: reads miss, writes are skipped, and invalidations are
 * kept and replayed once Redis answers again (reads miss until then, so nothing cached before
 * the outage is served stale).
 */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly commands: TaggingCommands;
  private readonly pending = new PendingInvalidations();
  private replayTimer: NodeJS.Timeout | undefined;
  private replaying: Promise<void> | undefined;
  /**
   * A replay has taken the pending invalidations and not finished applying them. Not derived
   * from `replaying`: that is assigned only once the replay first waits, after the code it
   * runs before then (its first command) could already ask.
   */
  private replayInFlight = false;
  private readonly stopWatchingBreaker: () => void;

  /** `client` and `breaker` are exposed for the rate limiter, which shares the connection. */
  constructor(
    readonly client: Redis,
    readonly breaker: RedisBreaker,
    private readonly logger: Logger,
  ) {
    client.defineCommand('setWithTags', { lua: SET_WITH_TAGS });
    client.defineCommand('invalidateTags', { lua: INVALIDATE_TAGS });
    this.commands = client as unknown as TaggingCommands;
    this.stopWatchingBreaker = breaker.onStateChange((state) => {
      if (state === 'closed') void this.replayPending();
    });
  }

  static fromUrl(url: string, logger: Logger, breakerOptions?: RedisBreakerOptions): RedisCache {
    const client = createRedisClient(url);
    // Without a listener ioredis prints every failed reconnect to stderr.
    client.on('error', (error: Error) => logger.debug({ err: error }, 'redis connection error'));
    return new RedisCache(client, new RedisBreaker(logger, breakerOptions), logger);
  }

  /**
   * Starts connecting and waits up to `waitMs` for Redis to be ready; false when it is not
   * (the server then starts degraded and the client keeps trying in the background).
   */
  async connect(waitMs = CONNECT_TIMEOUT_MS): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    let onReady: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<boolean>((resolve) => {
      onReady = () => resolve(true);
      timer = setTimeout(() => resolve(false), waitMs);
    });
    this.client.once('ready', onReady);
    if (this.client.status === 'wait') this.client.connect().catch(() => undefined);
    const connected = await ready;
    clearTimeout(timer);
    this.client.off('ready', onReady);
    if (!connected) this.logger.warn('redis is not reachable: starting degraded (in-process fallbacks)');
    return connected;
  }

  async get<T>(key: string): Promise<T | undefined> {
    if (this.hasPendingInvalidations) return undefined;
    try {
      const json = await this.breaker.run(() => this.client.get(key));
      return json === null ? undefined : (JSON.parse(json) as T);
    } catch (error) {
      this.logger.debug({ err: error, key }, 'cache read failed: treated as a miss');
      return undefined;
    }
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    const texts = await this.getManyText(keys);
    return texts.map((json) => (json === undefined ? undefined : (JSON.parse(json) as T)));
  }

  async getManyText(keys: readonly string[]): Promise<Array<string | undefined>> {
    if (this.hasPendingInvalidations || keys.length === 0) return keys.map(() => undefined);
    try {
      const values = await this.breaker.run(() => this.client.mget(...keys));
      return values.map((json) => json ?? undefined);
    } catch (error) {
      this.logger.debug({ err: error, keys }, 'cache read failed: treated as misses');
      return keys.map(() => undefined);
    }
  }

  async set(key: string, value: unknown, options: CacheSetOptions): Promise<void> {
    const ttl = Math.max(1, Math.ceil(options.ttlSeconds));
    const json = JSON.stringify(value);
    const tags = options.tags ?? [];
    try {
      if (tags.length === 0) {
        await this.breaker.run(() => this.client.set(key, json, 'EX', ttl));
        return;
      }
      const tagKeys = tags.map((tag) => TAG_PREFIX + tag);
      await this.breaker.run(() => this.commands.setWithTags(1 + tagKeys.length, key, ...tagKeys, json, ttl));
    } catch (error) {
      this.logger.debug({ err: error, key }, 'cache write failed: skipped');
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.breaker.run(() => this.client.del(key));
    } catch (error) {
      if (!this.keepForReplay(error)) return;
      this.pending.addKey(key);
      this.scheduleReplay();
    }
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    try {
      await this.breaker.run(() => this.runInvalidateTags(tags));
    } catch (error) {
      if (!this.keepForReplay(error)) return;
      this.pending.addTags(tags);
      this.scheduleReplay();
    }
  }

  /** Rejects while the breaker is open or Redis does not answer (readiness). */
  async ping(): Promise<void> {
    await this.breaker.run(() => this.client.ping());
  }

  /**
   * Whether invalidations still wait for Redis (reads miss meanwhile), the ones a replay has
   * taken included until it has run: the stale values stay in Redis until then.
   */
  get hasPendingInvalidations(): boolean {
    return !this.pending.isEmpty || this.replayInFlight;
  }

  async close(): Promise<void> {
    clearTimeout(this.replayTimer);
    this.stopWatchingBreaker();
    this.breaker.shutdown();
    // Only a connected client can say goodbye; otherwise stop reconnect attempts outright.
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    // A hung Redis would hold QUIT until the cleanup timeout: a connected but silent one gets
    // the connect timeout to say goodbye, then the socket is closed.
    const quit = this.client.quit().then(
      () => true,
      () => false,
    );
    if (!(await answeredWithin(quit, CONNECT_TIMEOUT_MS))) this.client.disconnect();
  }

  /** Only an unreachable Redis is worth a replay; an error reply would fail the same way again. */
  private keepForReplay(error: unknown): boolean {
    if (error instanceof RedisUnavailableError) return true;
    this.logger.error({ err: error }, 'cache invalidation refused by redis');
    return false;
  }

  private runInvalidateTags(tags: readonly string[]): Promise<number> {
    return this.commands.invalidateTags(tags.length, ...tags.map((tag) => TAG_PREFIX + tag));
  }

  private scheduleReplay(): void {
    if (this.replayTimer || this.pending.isEmpty) return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = undefined;
      void this.replayPending();
    }, REPLAY_INTERVAL_MS);
    this.replayTimer.unref();
  }

  private replayPending(): Promise<void> {
    this.replaying ??= this.replayOnce().finally(() => {
      this.replaying = undefined;
      this.scheduleReplay();
    });
    return this.replaying;
  }

  private async replayOnce(): Promise<void> {
    if (this.pending.isEmpty) return;
    const taken = this.pending.take();
    this.replayInFlight = true;
    try {
      if (taken.wipeEverything) await this.wipeCachedValues();
      for (let i = 0; i < taken.tags.length; i += 100) {
        const batch = taken.tags.slice(i, i + 100);
        await this.breaker.run(() => this.runInvalidateTags(batch));
      }
      if (taken.keys.length > 0) await this.breaker.run(() => this.client.del(...taken.keys));
      this.logger.info({ tags: taken.tags.length, keys: taken.keys.length, wiped: taken.wipeEverything }, 'replayed cache invalidations after a redis outage');
    } catch (error) {
      if (this.keepForReplay(error)) this.pending.restore(taken);
    } finally {
      this.replayInFlight = false;
    }
  }

  /** Too many invalidations were missed to remember: drop every cached value (not the rate limits). */
  private async wipeCachedValues(): Promise<void> {
    let cursor = '0';
    do {
      const [next, found] = await this.breaker.run(() => this.client.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 500));
      cursor = next;
      // SCAN answers with full names; commands add the prefix themselves.
      const keys = found
        .map((key) => key.slice(KEY_PREFIX.length))
        .filter((key) => !key.startsWith(RATE_LIMIT_KEY_PREFIX));
      if (keys.length > 0) await this.breaker.run(() => this.client.unlink(...keys));
    } while (cursor !== '0');
  }
}
