import type { Config } from '../config';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import type { Mailer } from '../mail';
import type { GoalEvents } from '../modules/progress/goal-events';
import type { Metrics } from '../observability/metrics';
import { jobLock } from '../ops/job-lock';
import { AccountPurgeJob } from './account-purge';
import { ArchivalJob, AuditRetentionJob } from './archival';
import { LifecycleMetrics } from './lifecycle-metrics';
import { ProgressBackstopJob } from './progress-backstop';
import { ReminderJob } from './reminders';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';

export { AccountPurgeJob } from './account-purge';
export { ArchivalJob, AuditRetentionJob } from './archival';
export { LifecycleMetrics } from './lifecycle-metrics';
export { ProgressBackstopJob } from './progress-backstop';
export { ReminderJob } from './reminders';
export type { Scheduler } from './scheduler';

export const REMINDER_SCHEDULE = '* * * * *';
/** Hourly, at minute 0. */
export const PROGRESS_BACKSTOP_SCHEDULE = '0 * * * *';
/** Daily at 03:10 UTC (croner runs in the process's timezone: servers run in UTC). */
export const ARCHIVAL_SCHEDULE = '10 3 * * *';
/** Daily at 03:40, after the archival. */
export const AUDIT_RETENTION_SCHEDULE = '40 3 * * *';
/** Hourly at minute 20: an account is erased within the hour after its grace period ends. */
export const ACCOUNT_PURGE_SCHEDULE = '20 * * * *';

export interface BackgroundJobDependencies {
  config: Pick<Config, 'reminders' | 'databaseUrl' | 'archiveAfterDays' | 'auditRetentionDays'>;
  prisma: PrismaClient;
  mailer: Mailer;
  /** Announces merits the progress backstop completes (`meritCompleted`). */
  goalEvents: GoalEvents;
  logger: Logger;
  metrics?: Metrics;
}

/**
 * The jobs this instance runs: the per-minute reminder run unless `REMINDERS=off`, the
 * hourly progress backstop (safe on every instance: it skips goals another one holds), and
 * the data lifecycle jobs (daily archival and audit retention, hourly account purge), each of
 * which runs on one instance at a time under its advisory lock (ops/job-lock.ts).
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
  const lifecycle = {
    lock: jobLock(deps.config.databaseUrl),
    metrics: new LifecycleMetrics(deps.metrics?.registry),
    logger,
  };
  const archival = new ArchivalJob(deps.prisma, lifecycle, { afterDays: deps.config.archiveAfterDays });
  const retention = new AuditRetentionJob(deps.prisma, lifecycle, { retentionDays: deps.config.auditRetentionDays });
  const purge = new AccountPurgeJob(deps.prisma, lifecycle);
  jobs.push(
    { name: 'archival', schedule: ARCHIVAL_SCHEDULE, run: () => archival.runOnce() },
    { name: 'audit-retention', schedule: AUDIT_RETENTION_SCHEDULE, run: () => retention.runOnce() },
    { name: 'account-purge', schedule: ACCOUNT_PURGE_SCHEDULE, run: () => purge.runOnce() },
  );
  return startScheduler(jobs, logger);
}
