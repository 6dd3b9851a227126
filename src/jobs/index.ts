import type { Config } from '../config';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import type { Mailer } from '../mail';
import type { GoalEvents } from '../modules/progress/goal-events';
import type { Metrics } from '../observability/metrics';
import { ProgressBackstopJob } from './progress-backstop';
import { ReminderJob } from './reminders';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';

export { ProgressBackstopJob } from './progress-backstop';
export { ReminderJob } from './reminders';
export type { Scheduler } from './scheduler';

export const REMINDER_SCHEDULE = '* * * * *';
/** Hourly, at minute 0. */
export const PROGRESS_BACKSTOP_SCHEDULE = '0 * * * *';

export interface BackgroundJobDependencies {
  config: Pick<Config, 'reminders'>;
  prisma: PrismaClient;
  mailer: Mailer;
  /** Announces merits the progress backstop completes (`meritCompleted`). */
  goalEvents: GoalEvents;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * The jobs this instance runs: the per-minute reminder run unless `REMINDERS=off`, and the
 * hourly progress backstop (safe on every instance: it skips goals another one holds).
 */
export function startBackgroundJobs(deps: BackgroundJobDependencies): Scheduler {
  const logger = deps.logger.child({ component: 'jobs' });
  const jobs: ScheduledJob[] = [];
  if (deps.config.reminders) {
    const reminders = new ReminderJob({ prisma: deps.prisma, mailer: deps.mailer, logger, metrics: deps.metrics });
    jobs.push({ name: 'reminders', schedule: REMINDER_SCHEDULE, run: () => reminders.runOnce() });
  }
  const backstop = new ProgressBackstopJob({ prisma: deps.prisma, goalEvents: deps.goalEvents, logger });
  jobs.push({ name: 'progress-backstop', schedule: PROGRESS_BACKSTOP_SCHEDULE, run: () => backstop.runOnce() });
  return startScheduler(jobs, logger);
}
