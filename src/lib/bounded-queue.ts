import pLimit from 'p-limit';

/**
 * Work that must not all run at once (requests, argon2 hashes, dashboard computations): at most
 * `concurrency` tasks run, up to `maxQueued` more wait in arrival order, and past that a task
 * is refused at once with the caller's error, not queued for longer than any client waits.
 * p-limit does the queueing; this adds the bound and the refusal.
 */
export interface BoundedQueueOptions {
  /** Tasks running at once (1–10,000). */
  readonly concurrency: number;
  /** Tasks waiting for a slot before further ones are refused (0–100,000). */
  readonly maxQueued: number;
  /** Work waiting outside the queue that counts against `maxQueued` too (connections parked unread). */
  readonly waitingElsewhere?: () => number;
}

export interface BoundedQueue {
  /** Runs `task` in its turn; rejects with the queue's refusal when it is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly queued: number;
}

function checkedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`bounded queue: ${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
  return value;
}

function checkedOptions(options: BoundedQueueOptions): BoundedQueueOptions {
  return {
    concurrency: checkedInteger('concurrency', options.concurrency, 1, 10_000),
    maxQueued: checkedInteger('maxQueued', options.maxQueued, 0, 100_000),
    waitingElsewhere: options.waitingElsewhere,
  };
}

function boundedQueue({ concurrency, maxQueued, waitingElsewhere }: BoundedQueueOptions, refusal: () => Error): BoundedQueue {
  const limit = pLimit(concurrency);
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const full = limit.activeCount >= concurrency && limit.pendingCount + (waitingElsewhere?.() ?? 0) >= maxQueued;
      if (full) return Promise.reject(refusal());
      return limit(task);
    },
    get running() {
      return limit.activeCount;
    },
    get queued() {
      return limit.pendingCount;
    },
  };
}

export function createBoundedQueue(options: BoundedQueueOptions, refusal: () => Error): BoundedQueue {
  return boundedQueue(checkedOptions(options), refusal);
}

/** One bounded queue per key (per user, say), kept only while it has work. */
export interface KeyedQueues<K> {
  run<T>(key: K, task: () => Promise<T>): Promise<T>;
  /** Keys with work running or waiting. */
  readonly size: number;
}

export function createKeyedQueues<K>(options: BoundedQueueOptions, refusal: () => Error): KeyedQueues<K> {
  const checked = checkedOptions(options);
  const queues = new Map<K, BoundedQueue>();
  return {
    async run<T>(key: K, task: () => Promise<T>): Promise<T> {
      let queue = queues.get(key);
      if (!queue) queues.set(key, (queue = boundedQueue(checked, refusal)));
      try {
        return await queue.run(task);
      } finally {
        if (queue.running === 0 && queue.queued === 0 && queues.get(key) === queue) queues.delete(key);
      }
    },
    get size() {
      return queues.size;
    },
  };
}
