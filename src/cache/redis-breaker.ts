import CircuitBreaker from 'opossum';
import { ReplyError } from 'ioredis';
import type { Logger } from '../lib/logger';

/** As the metrics gauge reads it. */
export type RedisBreakerState = 'closed' | 'half_open' | 'open';

export interface RedisBreakerOptions {
  /** A command slower than this counts as a failure; the caller stops waiting then. */
  timeoutMs?: number;
  /** How long an open breaker refuses everything before letting one trial command through. */
  resetTimeoutMs?: number;
  /** Commands in the rolling window before a failure rate over 50% can open the breaker. */
  volumeThreshold?: number;
}

/** Redis is away (breaker open) or the command failed or timed out: callers fall back. */
export class RedisUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RedisUnavailableError';
  }
}

// Redis answers within a millisecond on a healthy network; 100 ms is the most a request may
// lose to a dead or hung Redis (issue 4).
const COMMAND_TIMEOUT_MS = 100;
const RESET_TIMEOUT_MS = 1_000;
/** The longest a command waits while this process's own timers run late (see withTimeout). */
const OVERLOADED_WAIT_MS = 1_000;
/**
 * The longest a command waits while Redis answers this process' other commands (see
 * withTimeout), and so the longest any caller waits for a reply.
 */
export const ANSWERING_WAIT_MS = 10_000;
const VOLUME_THRESHOLD = 3;
// Failures in a row that open the breaker even when the rolling window still holds mostly
// successes (a quiet process whose Redis just hung would otherwise pay the timeout for long).
const CONSECUTIVE_FAILURES_TO_OPEN = 3;

class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * Rejects when `promise` has not settled `ms` later, unless Redis was not the one slow. When
 * the timer fires after the event loop was blocked (a burst of CPU work), a reply may already
 * sit in the socket: one setImmediate lets I/O be read first. When this process ran far
 * behind its timers (the timer fired late, or the I/O read before the check took long:
 * thousands of connections at once), it did not give Redis its time: the command gets `ms`
 * more, up to OVERLOADED_WAIT_MS in all. And while other commands of this process are being
 * answered (`answeredSince` the last check), Redis is up and the wait is this process' own
 * queue: replies on a connection come in order, so the command waits on, up to
 * ANSWERING_WAIT_MS. Failing it then would open the breaker and turn every cached dashboard
 * into a computation exactly when the process is busiest. A silent Redis still fails after `ms`.
 */
function withTimeout<T>(promise: Promise<T>, ms: number, answeredSince: (time: number) => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const started = performance.now();
    let settled = false;
    let timer: NodeJS.Timeout;
    // Answers count from the last check on: a Redis that answered once and then hung fails.
    let checkedAt = started;
    const waitAgain = (now: number) => {
      checkedAt = now;
      const next = now + ms;
      timer = setTimeout(() => expire(next), ms);
    };
    const expire = (due: number) =>
      setImmediate(() => {
        if (settled) return;
        const now = performance.now();
        const waited = now - started + ms;
        if (now - due > ms / 2 && waited <= OVERLOADED_WAIT_MS) return waitAgain(now);
        if (answeredSince(checkedAt) && waited <= ANSWERING_WAIT_MS) return waitAgain(now);
        reject(new RedisTimeoutError(ms));
      });
    timer = setTimeout(() => expire(started + ms), ms);
    promise.then(
      (value) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * One circuit breaker (opossum) in front of every Redis command of a process: once commands
 * fail or time out (three in a row, or most of those in the last 10 s), it opens and callers get a RedisUnavailableError at once instead of
 * waiting; every `resetTimeoutMs` one trial command is let through (half-open), and a success
 * closes it again. An error reply (WRONGTYPE, a script error) means Redis is up: it is passed
 * through as is and does not count against the breaker.
 */
export class RedisBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly listeners = new Set<(state: RedisBreakerState) => void>();
  private current: RedisBreakerState = 'closed';
  private failuresInARow = 0;
  /** When a command last got an answer (a reply or an error reply) from Redis. */
  private lastAnswerAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly logger: Logger,
    options: RedisBreakerOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? COMMAND_TIMEOUT_MS;
    const answeredSince = (time: number) => this.lastAnswerAt > time;
    const answered = () => {
      this.lastAnswerAt = performance.now();
    };
    const timed = (command: () => Promise<unknown>) => {
      const reply = command();
      reply.then(answered, (error: unknown) => error instanceof ReplyError && answered());
      return withTimeout(reply, timeoutMs, answeredSince);
    };
    this.breaker = new CircuitBreaker(timed, {
      name: 'redis',
      // Our own timeout (withTimeout): opossum's would also count a reply that is already in.
      timeout: false,
      resetTimeout: options.resetTimeoutMs ?? RESET_TIMEOUT_MS,
      volumeThreshold: options.volumeThreshold ?? VOLUME_THRESHOLD,
      errorThresholdPercentage: 50,
      rollingCountTimeout: 10_000,
      errorFilter: (error: unknown) => error instanceof ReplyError,
      enableSnapshots: false,
    });
    this.breaker.on('open', () => this.enter('open'));
    this.breaker.on('halfOpen', () => this.enter('half_open'));
    this.breaker.on('close', () => this.enter('closed'));
    this.breaker.on('success', () => {
      this.failuresInARow = 0;
    });
    this.breaker.on('failure', () => {
      this.failuresInARow += 1;
      if (this.failuresInARow >= CONSECUTIVE_FAILURES_TO_OPEN && this.breaker.closed) this.breaker.open();
    });
  }

  /** Runs one Redis command; rejects with RedisUnavailableError (or the Redis error reply). */
  async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(command)) as T;
    } catch (error) {
      if (error instanceof ReplyError) throw error;
      throw new RedisUnavailableError(error);
    }
  }

  get state(): RedisBreakerState {
    return this.current;
  }

  /** Called on every transition; returns the unsubscribe function. */
  onStateChange(listener: (state: RedisBreakerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.breaker.shutdown();
    this.listeners.clear();
  }

  private enter(state: RedisBreakerState): void {
    if (state === this.current) return;
    this.current = state;
    if (state === 'open') this.logger.warn('redis circuit breaker opened: caching and shared rate limits are degraded');
    if (state === 'closed') this.logger.info('redis circuit breaker closed: redis is back');
    for (const listener of this.listeners) listener(state);
  }
}
