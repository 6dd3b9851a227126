import { openDatabase } from '../../src/db/client';
import { createLogger } from '../../src/lib/logger';
import { PermissionAuthority } from '../../src/modules/access/authority';
import { p95Target, settle, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { percentiles } from '../lib/stats';

const MAX_CHECKS = 5_000;

/**
 * The permission check itself, without HTTP or GraphQL: `PermissionAuthority.itemAccess` for a
 * READ grantee on a fresh authority each time (nothing remembered from the previous check),
 * one check after another against the benchmark database, as the server runs it (same
 * Prisma client, driver adapter and pool size).
 */
export async function permissionCheck(ctx: BenchContext): Promise<ScenarioRow[]> {
  const grants = ctx.fixtures.readGrants;
  await settle(ctx);
  let statements = 0;
  const db = await openDatabase(
    { databaseUrl: ctx.databaseUrl, dataDir: '.', dbPoolMax: 10, dbStatementTimeoutMs: 15_000 },
    createLogger('warn'),
    { onStatement: () => statements++ },
  );
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + ctx.settings.scenarioSeconds * 1000;
  ctx.log(`permission check: up to ${MAX_CHECKS} checks or ${ctx.settings.scenarioSeconds} s`);
  try {
    // The first statements open the pool's connections: not part of any check.
    await db.prisma.$queryRaw`SELECT 1`;
    statements = 0;
    const startedAt = performance.now();
    for (let n = 0; n < MAX_CHECKS && Date.now() < deadline; n++) {
      const grant = grants[n % grants.length]!;
      const authority = new PermissionAuthority(db.prisma, BigInt(grant.grantee.id));
      const t0 = performance.now();
      const access = await authority.itemAccess(BigInt(grant.itemId));
      latencies.push(performance.now() - t0);
      if (access?.access !== 'READ' && access?.access !== 'WRITE') errors++;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const latency = percentiles(latencies);
    let target = p95Target(5, latency);
    if (target.met && errors > 0) target = { ...target, met: false, missedBecause: `${errors} errors` };
    return [
      {
        scenario: 'Permission check (itemAccess, in process)',
        load: `1 at a time, fresh authority, ≤ ${MAX_CHECKS.toLocaleString('en-US')} checks`,
        requests: latencies.length,
        requestsPerSecond: latencies.length / seconds,
        latency,
        errors,
        sqlPerOperation: latencies.length > 0 ? statements / latencies.length : null,
        peakRssMiB: null,
        target,
        notes: ['runs in the benchmark process against the database: the server is idle, so no server memory'],
      },
    ];
  } finally {
    await db.close();
  }
}
