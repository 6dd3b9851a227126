import type { Logger } from '../lib/logger';
import type { JobLock } from '../ops/job-lock';
import type { LifecycleJobName, LifecycleMetrics, LifecycleOutcome } from './lifecycle-metrics';

/** What a lifecycle job's work reports: whether it finished, and the rows it moved or removed. */
export interface LifecycleWork {
  complete: boolean;
  rows: Record<string, number>;
}

export interface LifecycleRun {
  outcome: LifecycleOutcome;
  rows: Record<string, number>;
}

export interface LifecycleJobDependencies {
  lock: JobLock;
  metrics: LifecycleMetrics;
  logger: Logger;
}

/**
 * Runs one lifecycle job under its lock (one instance at a time across the deployment),
 * recording the outcome in metrics and the log. Failures are recorded and rethrown (the
 * scheduler logs them and keeps the schedule).
 */
export async function runLifecycleJob(
  deps: LifecycleJobDependencies,
  job: LifecycleJobName,
  work: () => Promise<LifecycleWork>,
): Promise<LifecycleRun> {
  let locked;
  try {
    locked = await deps.lock.run(job, work);
  } catch (error) {
    deps.metrics.record(job, 'failed');
    throw error;
  }
  if (!locked.ran) {
    deps.metrics.record(job, 'skipped');
    deps.logger.info({ job }, 'lifecycle job skipped: another instance holds its lock');
    return { outcome: 'skipped', rows: {} };
  }
  const { complete, rows } = locked.result;
  const outcome = complete ? 'done' : 'partial';
  deps.metrics.record(job, outcome, rows);
  if (Object.values(rows).some((count) => count > 0) || !complete) deps.logger.info({ job, outcome, ...rows }, 'lifecycle job ran');
  return { outcome, rows };
}
