import { Cron } from 'croner';
import type { Logger } from '../lib/logger';

/** A piece of background work run on a cron schedule. */
export interface ScheduledJob {
  readonly name: string;
  /** Cron pattern, e.g. `* * * * *` for every minute. */
  readonly schedule: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Names of the jobs running on this instance. */
  readonly jobs: readonly string[];
  /** No new runs start; resolves once the runs in progress have finished. */
  stop(): Promise<void>;
}

/**
 * Runs each job on its schedule with croner. A run that is still going when the next tick
 * comes makes that tick a no-op (`protect`), so one instance never overlaps itself; jobs that
 * must not run twice across instances guard that themselves (see the reminder claim). A run
 * that throws is logged and the schedule goes on.
 */
export function startScheduler(jobs: readonly ScheduledJob[], logger: Logger): Scheduler {
  const inFlight = new Set<Promise<unknown>>();
  const crons = jobs.map(
    (job) =>
      // Unnamed: croner keeps named jobs in a process-wide registry, and names must be unique there.
      new Cron(job.schedule, { protect: true }, async () => {
        const run = job.run().catch((error: unknown) => logger.error({ err: error, job: job.name }, 'scheduled job failed'));
        inFlight.add(run);
        try {
          await run;
        } finally {
          inFlight.delete(run);
        }
      }),
  );
  logger.info({ jobs: jobs.map((job) => job.name) }, jobs.length ? 'scheduler started' : 'no scheduled jobs');

  let stopping: Promise<void> | undefined;
  return {
    jobs: jobs.map((job) => job.name),
    stop: () => {
      stopping ??= (async () => {
        for (const cron of crons) cron.stop();
        await Promise.allSettled([...inFlight]);
      })();
      return stopping;
    },
  };
}
