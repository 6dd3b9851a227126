import type { PrismaClient } from '../generated/prisma/client';

/**
 * Audit retention (AUDIT_RETENTION_DAYS, seven years by default): audit_log rows older than
 * the retention period are deleted, oldest first, in batches of one short transaction each,
 * so a run never holds many row locks and can stop anywhere. Entry history needs no rule of
 * its own: it moves with its entry into entry_history_archive (src/ops/archive.ts) and is
 * kept as long as the entry.
 */

export const DEFAULT_RETENTION_BATCH_SIZE = 5000;

export interface AuditRetentionOptions {
  retentionDays: number;
  batchSize?: number;
  maxBatches?: number;
  /** Defaults to the database's now(). */
  now?: Date;
}

export interface AuditRetentionResult {
  readonly cutoff: Date;
  readonly deleted: number;
  readonly complete: boolean;
}

export async function deleteExpiredAuditRows(
  prisma: PrismaClient,
  options: AuditRetentionOptions,
): Promise<AuditRetentionResult> {
  const batchSize = options.batchSize ?? DEFAULT_RETENTION_BATCH_SIZE;
  const now = options.now ?? (await prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`)[0]!.now;
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  let deleted = 0;
  for (let batches = 0; options.maxBatches === undefined || batches < options.maxBatches; batches++) {
    const count = await prisma.$executeRaw`
      DELETE FROM audit_log WHERE audit_log_id IN (
        SELECT audit_log_id FROM audit_log WHERE created_at < ${cutoff}
        ORDER BY created_at, audit_log_id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    deleted += count;
    if (count < batchSize) return { cutoff, deleted, complete: true };
  }
  return { cutoff, deleted, complete: false };
}
