import { createHash } from 'node:crypto';
import { Client } from 'pg';

/**
 * One instance at a time for maintenance jobs (archival, retention, account purge). With
 * PostgreSQL: a session-level advisory lock, taken with pg_try_advisory_lock on a connection
 * of its own that lives as long as the run (the pool's connections are shared, so a session
 * lock taken through it could be released or held by the wrong request). Another instance
 * that tries meanwhile skips its run instead of waiting. If the lock's connection dies, the
 * server releases the lock: the jobs are idempotent and batched, so a second runner then only
 * repeats no-op work. Without DATABASE_URL (embedded PGlite, which one process holds
 * exclusively) the lock is in-process.
 */

export type LockedRun<T> = { ran: true; result: T } | { ran: false };

export interface JobLock {
  /** Runs `work` holding the lock named `name`, or returns `{ ran: false }` if another holds it. */
  run<T>(name: string, work: () => Promise<T>): Promise<LockedRun<T>>;
}

/** The advisory lock key: a stable signed 64-bit number from the job's name. */
export function advisoryLockKey(name: string): bigint {
  return createHash('sha256').update(`kitaab:job:${name}`).digest().readBigInt64BE(0);
}

export function jobLock(databaseUrl: string | undefined): JobLock {
  return databaseUrl === undefined ? inProcessLock() : advisoryLock(databaseUrl);
}

function advisoryLock(databaseUrl: string): JobLock {
  return {
    async run(name, work) {
      const client = new Client({ connectionString: databaseUrl, application_name: `kitaab-job:${name}` });
      // A dropped connection emits 'error'; unhandled it would end the process.
      client.on('error', () => undefined);
      await client.connect();
      try {
        const key = advisoryLockKey(name).toString();
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
        if (!rows[0]?.locked) return { ran: false };
        try {
          return { ran: true, result: await work() };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

const heldInProcess = new Set<string>();

function inProcessLock(): JobLock {
  return {
    async run(name, work) {
      if (heldInProcess.has(name)) return { ran: false };
      heldInProcess.add(name);
      try {
        return { ran: true, result: await work() };
      } finally {
        heldInProcess.delete(name);
      }
    },
  };
}
