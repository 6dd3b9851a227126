import os from 'node:os';
import { createBoundedQueue, type BoundedQueue, type BoundedQueueOptions } from '../lib/bounded-queue';

/**
 * The queue in front of argon2. Each hash takes ~26 ms of a core and 19 MiB, on libuv's
 * threadpool (4 threads, shared with file and zlib work). A burst of registrations or logins
 * used to hand every hash to that pool at once: the hashing threads took both cores, the
 * main thread starved, transactions held their connections for seconds and other requests
 * were refused as busy. Hashes now run at most `concurrency` at a time (by default one core
 * fewer than the machine has, so the main thread always keeps one), the rest wait in order,
 * and past `maxQueued` waiting a request is refused at once (HTTP 503, Retry-After).
 */
export const PASSWORD_HASHING_BUSY_REASON = 'PASSWORD_HASHING_BUSY';

/** Too many password checks waiting: the server is overloaded, the client may retry shortly. */
export class HashingQueueFullError extends Error {
  readonly reason = PASSWORD_HASHING_BUSY_REASON;

  constructor() {
    super('password hashing queue is full');
    this.name = 'HashingQueueFullError';
  }
}

export function defaultHashingConcurrency(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export function createHashingQueue(options: BoundedQueueOptions): BoundedQueue {
  return createBoundedQueue(options, () => new HashingQueueFullError());
}
