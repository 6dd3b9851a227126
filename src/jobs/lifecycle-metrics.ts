import { Counter, Gauge, Registry } from 'prom-client';

export type LifecycleJobName = 'archival' | 'audit-retention' | 'account-purge';
/** done: nothing left; partial: stopped at its batch bound (the next run goes on); skipped: another instance held the lock. */
export type LifecycleOutcome = 'done' | 'partial' | 'skipped' | 'failed';

/**
 * Metrics of the data lifecycle jobs, on the instance's registry (`GET /metrics`), or on a
 * private one when the caller has none (scripts, tests).
 */
export class LifecycleMetrics {
  readonly runs: Counter<'job' | 'outcome'>;
  /** Rows moved or removed, by kind: archived_entries, archived_history, deleted_audit_rows, purged_accounts, purged_rows. */
  readonly rows: Counter<'job' | 'kind'>;
  readonly lastSuccess: Gauge<'job'>;

  constructor(registry: Registry = new Registry()) {
    this.runs = new Counter({
      name: 'kitaab_lifecycle_job_runs_total',
      help: 'Runs of the data lifecycle jobs (archival, audit retention, account purge), by outcome',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    });
    this.rows = new Counter({
      name: 'kitaab_lifecycle_rows_total',
      help: 'Rows the data lifecycle jobs moved or removed, by kind',
      labelNames: ['job', 'kind'] as const,
      registers: [registry],
    });
    this.lastSuccess = new Gauge({
      name: 'kitaab_lifecycle_job_last_success_seconds',
      help: 'Unix time of the last run of each lifecycle job that ended without error',
      labelNames: ['job'] as const,
      registers: [registry],
    });
  }

  record(job: LifecycleJobName, outcome: LifecycleOutcome, rows: Record<string, number> = {}): void {
    this.runs.inc({ job, outcome });
    for (const [kind, count] of Object.entries(rows)) if (count > 0) this.rows.inc({ job, kind }, count);
    if (outcome !== 'failed') this.lastSuccess.set({ job }, Date.now() / 1000);
  }
}
