import type { Config } from '../config';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import type { Mailer } from '../mail';
import type { Metrics } from '../observability/metrics';
import { ReminderJob } from './reminders';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';

export { ReminderJob } from './reminders';
export type { Scheduler } from './scheduler';

export const REMINDER_SCHEDULE = '* * * * *';

export interface BackgroundJobDependencies {
  config: Pick<Config, 'reminders'>;
  prisma: PrismaClient;
  mailer: Mailer;
  logger: Logger;
  metrics?: Metrics;
}

/** The jobs this instance runs: the per-minute reminder run unless `REMINDERS=off`. */
export function startBackgroundJobs(deps: BackgroundJobDependencies): Scheduler {
  const logger = deps.logger.child({ component: 'jobs' });
  const jobs: ScheduledJob[] = [];
  if (deps.config.reminders) {
    const reminders = new ReminderJob({ prisma: deps.prisma, mailer: deps.mailer, logger, metrics: deps.metrics });
    jobs.push({ name: 'reminders', schedule: REMINDER_SCHEDULE, run: () => reminders.runOnce() });
  }
  return startScheduler(jobs, logger);
}
