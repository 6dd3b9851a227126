import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { BoundedQueue, BoundedQueueOptions } from '../lib/bounded-queue';
import { createHashingQueue, defaultHashingConcurrency } from './hashing-queue';

// `Algorithm` is a const enum in the package's typings, which swc cannot inline: its value
// for argon2id is 2. The library's other defaults (19 MiB, t=2, p=1) are OWASP's minimum.
const ARGON2ID = 2 as Algorithm;

/** Contract bounds for passwords (CONTRACT.md section 8). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const DEFAULT_HASHING_QUEUE_MAX = 2_000;

// One queue per process: the threadpool it protects is per process too.
let hashing: BoundedQueue = createHashingQueue({ concurrency: defaultHashingConcurrency(), maxQueued: DEFAULT_HASHING_QUEUE_MAX });

/** Sets the hashing queue's bounds (server start: PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE_MAX). */
export function configurePasswordHashing(options: BoundedQueueOptions): void {
  hashing = createHashingQueue(options);
}

/** Hashes running and waiting, for the metrics. */
export function passwordHashingLoad(): { running: number; queued: number } {
  return { running: hashing.running, queued: hashing.queued };
}

/**
 * An argon2id hash with a random salt. `salt` is for demo data only (src/ops/demo-data): a
 * fixed salt makes its one published demo password hash the same on every run.
 */
export function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return hashing.run(() => hash(password, { algorithm: ARGON2ID, ...(salt ? { salt } : {}) }));
}

// Verified against when the account does not exist, so an unknown email takes as long to
// refuse as a wrong password (no timing oracle for registered addresses). Made once, outside
// the queue: a refusal while the queue is full must not stick to it.
let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`. A missing account (`null`) or an unreadable
 * stored hash never matches.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  if (passwordHash === null) {
    decoyHash ??= hash('decoy password that matches nothing', { algorithm: ARGON2ID });
    const decoy = await decoyHash;
    await hashing.run(() => verify(decoy, password).catch(() => false));
    return false;
  }
  return hashing.run(() => verify(passwordHash, password).catch(() => false));
}
