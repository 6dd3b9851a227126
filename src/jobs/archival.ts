import type { PrismaClient } from '../generated/prisma/client';
import { archiveOldEntries } from '../ops/archive';
import { deleteExpiredAuditRows } from '../ops/audit-retention';
import { runLifecycleJob, type LifecycleJobDependencies, type LifecycleRun } from './lifecycle-job';

/**
 * The daily archival (ARCHIVE_AFTER_DAYS) and audit retention (AUDIT_RETENTION_DAYS) runs.
 * Each run is bounded (maxBatches) so one night never does unbounded work; whatever is left
 * is picked up by the next run, and `npm run db:archive` still does it all at once by hand.
 */

export interface ArchivalJobOptions {
  afterDays: number;
  batchSize?: number;
  /** Batches per run. */
  maxBatches?: number;
}

/** 100 × 1000 entries a night: a year of 270 items for a thousand users takes a few nights. */
export const ARCHIVAL_MAX_BATCHES = 100;

export class ArchivalJob {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: LifecycleJobDependencies,
    private readonly options: ArchivalJobOptions,
  ) {}

  runOnce(): Promise<LifecycleRun> {
    return runLifecycleJob(this.deps, 'archival', async () => {
      const result = await archiveOldEntries(this.prisma, {
        afterDays: this.options.afterDays,
        batchSize: this.options.batchSize,
        maxBatches: this.options.maxBatches ?? ARCHIVAL_MAX_BATCHES,
      });
      return { complete: result.complete, rows: { archived_entries: result.entries, archived_history: result.history } };
    });
  }
}

export interface AuditRetentionJobOptions {
  retentionDays: number;
  batchSize?: number;
  maxBatches?: number;
}

export const AUDIT_RETENTION_MAX_BATCHES = 100;

export class AuditRetentionJob {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: LifecycleJobDependencies,
    private readonly options: AuditRetentionJobOptions,
  ) {}

  runOnce(): Promise<LifecycleRun> {
    return runLifecycleJob(this.deps, 'audit-retention', async () => {
      const result = await deleteExpiredAuditRows(this.prisma, {
        retentionDays: this.options.retentionDays,
        batchSize: this.options.batchSize,
        maxBatches: this.options.maxBatches ?? AUDIT_RETENTION_MAX_BATCHES,
      });
      return { complete: result.complete, rows: { deleted_audit_rows: result.deleted } };
    });
  }
}
