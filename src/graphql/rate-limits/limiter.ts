import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { RATE_LIMIT_KEY_PREFIX, type RedisBreaker } from '../../cache';
import type { Logger } from '../../lib/logger';
import type { RateLimitScope } from './scopes';
import { MemorySlidingWindowStore, RedisSlidingWindowStore, type SlidingWindowStore, type WindowHit } from './sliding-window';

/** One hit to count: in `scope`'s window for `subject` (a user id, an address, ...). */
export interface RateLimitCheck {
  scope: RateLimitScope;
  subject: string;
}

/** A counted hit, to give back with `release`. */
export interface RateLimitHold {
  readonly store: SlidingWindowStore;
  readonly key: string;
  readonly member: string;
}

export type RateLimitResult =
  | { allowed: true; holds: RateLimitHold[] }
  | { allowed: false; retryAfterMs: number; scope: RateLimitScope };

/**
 * Counts requests in sliding windows: in Redis (shared by every instance) when there is one,
 * behind the process' circuit breaker; in this process when there is none, and whenever
 * Redis fails or the breaker is open (each instance then limits on its own, which still
 * stops a flood).
 */
export class RateLimiter {
  private readonly redis: { store: RedisSlidingWindowStore; breaker: RedisBreaker } | undefined;
  private readonly memory = new MemorySlidingWindowStore();

  constructor(
    redis: { client: Redis; breaker: RedisBreaker } | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.redis = redis && { store: new RedisSlidingWindowStore(redis.client), breaker: redis.breaker };
  }

  /** Counts one hit in each check's window, or in none of them when any window is full. */
  async consume(checks: readonly RateLimitCheck[]): Promise<RateLimitResult> {
    if (checks.length === 0) return { allowed: true, holds: [] };
    const now = this.now();
    const token = `${now}-${randomBytes(6).toString('hex')}`;
    const hits: WindowHit[] = checks.map(({ scope, subject }, index) => ({
      key: `${RATE_LIMIT_KEY_PREFIX}${scope.name}:${subject}`,
      limit: scope.limit,
      windowMs: scope.windowMs,
      member: `${token}:${index}`,
    }));

    let store: SlidingWindowStore = this.memory;
    let decision;
    if (this.redis) {
      const { store: redisStore, breaker } = this.redis;
      try {
        decision = await breaker.run(() => redisStore.consume(hits, now));
        store = redisStore;
      } catch (error) {
        this.logger.debug({ err: error }, 'rate limits counted in process: redis unavailable');
      }
    }
    decision ??= await this.memory.consume(hits, now);

    if (!decision.allowed) {
      return { allowed: false, retryAfterMs: decision.retryAfterMs, scope: checks[decision.deniedIndex]!.scope };
    }
    return { allowed: true, holds: hits.map((hit) => ({ store, key: hit.key, member: hit.member })) };
  }

  /** Takes a counted hit back (best effort: a hit Redis cannot drop now expires with its window). */
  async release(hold: RateLimitHold): Promise<void> {
    try {
      if (this.redis && hold.store === this.redis.store) {
        const { store, breaker } = this.redis;
        await breaker.run(() => store.release(hold.key, hold.member));
      } else {
        await hold.store.release(hold.key, hold.member);
      }
    } catch (error) {
      this.logger.debug({ err: error }, 'rate limit hit not released');
    }
  }

  close(): void {
    this.memory.close();
  }
}
