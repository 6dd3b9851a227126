import { openDatabase, type Database } from '../../src/db/client';
import { createLogger } from '../../src/lib/logger';
import { PermissionAuthority } from '../../src/modules/access/authority';
import { ownCpuMs, startCostWindow } from '../lib/costs';
import { rowFromRuns, settle, type BenchContext, type MeasuredLoad, type ScenarioRow } from '../lib/scenario';
import { percentiles } from '../lib/stats';
import { p95Target } from '../lib/targets';

const MAX_CHECKS = 5_000;

/** One run: checks one after another until MAX_CHECKS or the time bound, costs measured around them. */
async function checkRun(ctx: BenchContext, db: Database): Promise<MeasuredLoad> {
  const grants = ctx.fixtures.readGrants;
  await settle(ctx);
  const latencies: number[] = [];
  let wrong = 0;
  const deadline = Date.now() + ctx.settings.scenarioSeconds * 1000;
  const endCosts = await startCostWindow({ cpuMs: ownCpuMs, statements: ctx.costs.statements });
  const startedAt = performance.now();
  for (let n = 0; n < MAX_CHECKS && Date.now() < deadline; n++) {
    const grant = grants[n % grants.length]!;
    const authority = new PermissionAuthority(db.prisma, BigInt(grant.grantee.id));
    const t0 = performance.now();
    const access = await authority.itemAccess(BigInt(grant.itemId));
    latencies.push(performance.now() - t0);
    if (access?.access !== 'READ' && access?.access !== 'WRITE') wrong++;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const costs = await endCosts(latencies.length);
  return {
    responses: latencies.length,
    unanswered: 0,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    latency: percentiles(latencies),
    errors: wrong,
    errorKinds: { timeouts: 0, connectionErrors: 0, non200: 0, wrongAnswers: wrong },
    errorSamples: [],
    ...costs,
    peakRssMiB: null,
  };
}

/**
 * The permission check itself, without HTTP or GraphQL: `PermissionAuthority.itemAccess` for a
 * READ grantee on a fresh authority each time (nothing remembered from the previous check),
 * one check after another against the benchmark database, as the server runs it (same
 * Prisma client, driver adapter and pool size). BENCH_REPEAT runs.
 */
export async function permissionCheck(ctx: BenchContext): Promise<ScenarioRow[]> {
  const times = ctx.settings.repeat;
  const db = await openDatabase(
    { databaseUrl: ctx.databaseUrl, dataDir: '.', dbPoolMax: 10, dbStatementTimeoutMs: 15_000 },
    createLogger('warn'),
  );
  ctx.log(`permission check: ${times} × (up to ${MAX_CHECKS} checks or ${ctx.settings.scenarioSeconds} s)`);
  try {
    // The first statements open the pool's connections: not part of any check.
    await db.prisma.$queryRaw`SELECT 1`;
    const runs: MeasuredLoad[] = [];
    for (let run = 0; run < times && (run === 0 || ctx.hasTimeLeft()); run++) runs.push(await checkRun(ctx, db));
    return [
      rowFromRuns(
        'Permission check (itemAccess, in process)',
        `1 at a time, fresh authority, ≤ ${MAX_CHECKS.toLocaleString('en-US')} checks`,
        runs,
        (m) => p95Target(5, m.latency),
        {
          plannedRuns: times,
          notes: [
            'runs in the benchmark process against the database: "CPU ms/req" is the benchmark process\'s own CPU per check, and the server is idle, so no server memory',
          ],
        },
      ),
    ];
  } finally {
    await db.close();
  }
}
