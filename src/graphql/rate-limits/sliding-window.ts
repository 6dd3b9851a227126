import type Redis from 'ioredis';

/** One sliding window to count a hit in: at most `limit` hits in any `windowMs`. */
export interface WindowHit {
  key: string;
  limit: number;
  windowMs: number;
  /** Names this hit in its window, so that it can be taken back out (`release`). */
  member: string;
}

export type WindowDecision =
  | { allowed: true }
  /** `deniedIndex`: the hit whose window is full and frees up last. */
  | { allowed: false; retryAfterMs: number; deniedIndex: number };

/**
 * Sliding-window logs: every counted hit is kept with its time, so a window really slides (no
 * fixed-window burst of twice the limit across a boundary). All windows of one request are
 * checked and counted together, all or nothing: a refused request counts in none of them.
 */
export interface SlidingWindowStore {
  consume(hits: readonly WindowHit[], now: number): Promise<WindowDecision>;
  release(key: string, member: string): Promise<void>;
}

// KEYS: one sorted set per window (score = hit time in ms).
// ARGV: now, then windowMs, limit, member for each key.
// Returns {1, 0, 0} when every hit was recorded, else {0, retryAfterMs, index of the full window}.
const CONSUME_SCRIPT = `
local now = tonumber(ARGV[1])
local retry, denied = -1, 0
local earlier = {}
for i = 1, #KEYS do
  local window = tonumber(ARGV[3 * i - 1])
  local limit = tonumber(ARGV[3 * i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local stored = redis.call('ZCARD', KEYS[i])
  local count = stored + (earlier[KEYS[i]] or 0)
  earlier[KEYS[i]] = (earlier[KEYS[i]] or 0) + 1
  if count >= limit then
    local wait = window
    if count - limit < stored then
      local freeing = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
      wait = tonumber(freeing[2]) + window - now
    end
    if wait > retry then retry, denied = wait, i end
  end
end
if denied > 0 then return {0, retry, denied} end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[3 * i + 1])
  redis.call('PEXPIRE', KEYS[i], ARGV[3 * i - 1])
end
return {1, 0, 0}`;

interface SlidingWindowCommands {
  consumeSlidingWindows(numberOfKeys: number, ...keysAndArgs: Array<string | number>): Promise<[number, number, number]>;
}

/** The windows in Redis, shared by every instance; one script call per request (atomic). */
export class RedisSlidingWindowStore implements SlidingWindowStore {
  private readonly commands: SlidingWindowCommands;

  constructor(private readonly client: Redis) {
    client.defineCommand('consumeSlidingWindows', { lua: CONSUME_SCRIPT });
    this.commands = client as unknown as SlidingWindowCommands;
  }

  async consume(hits: readonly WindowHit[], now: number): Promise<WindowDecision> {
    const args = hits.flatMap((hit) => [hit.windowMs, hit.limit, hit.member]);
    const [allowed, retryAfterMs, denied] = await this.commands.consumeSlidingWindows(
      hits.length,
      ...hits.map((hit) => hit.key),
      now,
      ...args,
    );
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs, deniedIndex: denied - 1 };
  }

  async release(key: string, member: string): Promise<void> {
    await this.client.zrem(key, member);
  }
}

interface Window {
  windowMs: number;
  /** Ascending by time. */
  hits: Array<{ at: number; member: string }>;
}

/**
 * The same windows in this process: with no REDIS_URL, and while Redis is down (then each
 * instance counts on its own). Windows that emptied are swept periodically.
 */
export class MemorySlidingWindowStore implements SlidingWindowStore {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepIntervalMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), sweepIntervalMs);
    this.sweeper.unref();
  }

  async consume(hits: readonly WindowHit[], now: number): Promise<WindowDecision> {
    let retryAfterMs = -1;
    let deniedIndex = -1;
    // A key may come twice in one request (aliases): the earlier hits count for the later ones.
    const earlier = new Map<string, number>();
    hits.forEach((hit, index) => {
      const stored = this.prune(hit.key, now)?.hits ?? [];
      const count = stored.length + (earlier.get(hit.key) ?? 0);
      earlier.set(hit.key, (earlier.get(hit.key) ?? 0) + 1);
      if (count >= hit.limit) {
        const freeing = stored[count - hit.limit];
        const wait = freeing ? freeing.at + hit.windowMs - now : hit.windowMs;
        if (wait > retryAfterMs) [retryAfterMs, deniedIndex] = [wait, index];
      }
    });
    if (deniedIndex >= 0) return { allowed: false, retryAfterMs, deniedIndex };
    for (const hit of hits) {
      let window = this.windows.get(hit.key);
      if (!window) this.windows.set(hit.key, (window = { windowMs: hit.windowMs, hits: [] }));
      window.windowMs = hit.windowMs;
      window.hits.push({ at: now, member: hit.member });
    }
    return { allowed: true };
  }

  async release(key: string, member: string): Promise<void> {
    const window = this.windows.get(key);
    if (!window) return;
    window.hits = window.hits.filter((hit) => hit.member !== member);
    if (window.hits.length === 0) this.windows.delete(key);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  get size(): number {
    return this.windows.size;
  }

  /** Drops hits that left the window (as Redis' ZREMRANGEBYSCORE does: `at <= now - window`). */
  private prune(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (!window) return undefined;
    const firstLive = window.hits.findIndex((hit) => hit.at > now - window.windowMs);
    if (firstLive === -1) {
      this.windows.delete(key);
      return undefined;
    }
    if (firstLive > 0) window.hits.splice(0, firstLive);
    return window;
  }

  private sweep(now: number): void {
    for (const key of [...this.windows.keys()]) this.prune(key, now);
  }
}
