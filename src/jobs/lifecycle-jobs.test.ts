import os from 'node:os';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { consecutiveDates, seedEntryGraph } from '../../test/helpers/entry-graph';
import { openDatabase, type Database } from '../db/client';
import { advisoryLockKey, jobLock } from '../ops/job-lock';
import { ArchivalJob, AuditRetentionJob } from './archival';
import { LifecycleMetrics } from './lifecycle-metrics';

const silent = pino({ level: 'silent' });

describe('data lifecycle jobs', () => {
  let source: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    source = await createTestDatabase();
    db = await openDatabase({ databaseUrl: source.url, dataDir: os.tmpdir(), dbPoolMax: 4, dbStatementTimeoutMs: 0 }, silent);
  });
  afterAll(async () => {
    await db.close();
    await source.drop();
  });

  it('the advisory lock lets one runner in at a time, across connections', async () => {
    const first = jobLock(source.url);
    const second = jobLock(source.url);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = first.run('archival', () => held.then(() => 'first'));
    // The first runner holds the lock once its work has started; wait for that through the database.
    for (;;) {
      const key = BigInt.asUintN(64, advisoryLockKey('archival'));
      const [row] = await db.prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) AS n FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid::bigint = ${key >> 32n} AND objid::bigint = ${key & 0xffffffffn}`;
      if (row!.n > 0n) break;
    }
    expect(await second.run('archival', async () => 'second')).toEqual({ ran: false });
    // Another job's lock is independent.
    expect(await second.run('account-purge', async () => 'other')).toEqual({ ran: true, result: 'other' });
    release();
    expect(await holding).toEqual({ ran: true, result: 'first' });
    expect(await second.run('archival', async () => 'second')).toEqual({ ran: true, result: 'second' });
  });

  it('archival runs in bounded batches, goes on where it stopped, and reports metrics', async () => {
    await seedEntryGraph(db.prisma, { users: 1, dates: consecutiveDates('2020-01-10', 4) }); // 12 entries, all due
    const registry = new Registry();
    const deps = { lock: jobLock(source.url), metrics: new LifecycleMetrics(registry), logger: silent };
    const job = new ArchivalJob(db.prisma, deps, { afterDays: 730, batchSize: 5, maxBatches: 2 });

    expect(await job.runOnce()).toEqual({ outcome: 'partial', rows: { archived_entries: 10, archived_history: expect.any(Number) } });
    expect(await job.runOnce()).toMatchObject({ outcome: 'done', rows: { archived_entries: 2 } });
    expect(await db.prisma.entry.count()).toBe(0);
    expect(await db.prisma.entryArchive.count()).toBe(12);

    const text = await registry.metrics();
    expect(text).toContain('kitaab_lifecycle_job_runs_total{job="archival",outcome="partial"} 1');
    expect(text).toContain('kitaab_lifecycle_job_runs_total{job="archival",outcome="done"} 1');
    expect(text).toContain('kitaab_lifecycle_rows_total{job="archival",kind="archived_entries"} 12');
  });

  it('a run that finds the lock taken is skipped and counted', async () => {
    const registry = new Registry();
    const lock = jobLock(source.url);
    const job = new ArchivalJob(db.prisma, { lock, metrics: new LifecycleMetrics(registry), logger: silent }, { afterDays: 730 });
    const inner = await lock.run('archival', () => job.runOnce());
    expect(inner).toEqual({ ran: true, result: { outcome: 'skipped', rows: {} } });
    expect(await registry.metrics()).toContain('kitaab_lifecycle_job_runs_total{job="archival",outcome="skipped"} 1');
  });

  it('audit retention deletes rows older than AUDIT_RETENTION_DAYS, oldest first, and keeps the rest', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const ages = [4000, 2600, 2558, 2556, 10, 0];
    await db.prisma.auditLog.createMany({
      data: ages.map((age) => ({ action: 'LOGGED_IN', entityType: 'USER', createdAt: new Date(now - age * day) })),
    });
    const deps = { lock: jobLock(source.url), metrics: new LifecycleMetrics(), logger: silent };
    const job = new AuditRetentionJob(db.prisma, deps, { retentionDays: 2557, batchSize: 2, maxBatches: 1 });
    expect(await job.runOnce()).toEqual({ outcome: 'partial', rows: { deleted_audit_rows: 2 } });
    expect(await job.runOnce()).toEqual({ outcome: 'done', rows: { deleted_audit_rows: 1 } });
    const left = await db.prisma.auditLog.findMany({ where: { action: 'LOGGED_IN' }, select: { createdAt: true } });
    expect(left.map((row) => Math.round((now - row.createdAt.getTime()) / day)).sort((a, b) => b - a)).toEqual([2556, 10, 0]);
  });
});
