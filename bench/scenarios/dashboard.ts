import type { Owner } from '../lib/fixtures';
import { answered } from '../lib/load';
import { measuredLoad, p95Target, rowFromLoad, type BenchContext, type ScenarioRow } from '../lib/scenario';

export const DASHBOARD_FIELDS = `owner { id } days dateFrom dateTo generatedAt
  categories {
    category entryCount scaleEntryCount countEntryCount countSum activeDays
    averageEntriesPerDay averageCountPerDay averageScaleScore
    series { date entryCount countSum averageScaleScore }
  }`;

const query = (operationName: string) =>
  `query ${operationName}($days: Int!) { dashboard(days: $days) { ${DASHBOARD_FIELDS} } }`;

const GENERATED_AT = /"generatedAt":"([^"]+)"/;
const OWNER = /"owner":\{"id":"(\d+)"\}/;
const DATE_TO = /"dateTo":"([^"]+)"/;

/** A dashboard answer computed before (cached) or after (fresh) `instant`. */
export function dashboardFrom(body: string, instant: string, fresh: boolean): boolean {
  if (!answered(body)) return false;
  const generatedAt = GENERATED_AT.exec(body)?.[1];
  return generatedAt !== undefined && (fresh ? generatedAt >= instant : generatedAt < instant);
}

/**
 * A cached run's answer: from the cache, or computed because the owner's day changed since
 * the warm-up (midnight in their timezone: a new window, a new key).
 */
function cachedAnswer(body: string, startedAt: string, warmDateTo: ReadonlyMap<string, string>): boolean {
  if (dashboardFrom(body, startedAt, false)) return true;
  const owner = OWNER.exec(body)?.[1];
  const dateTo = DATE_TO.exec(body)?.[1];
  return answered(body) && owner !== undefined && dateTo !== undefined && warmDateTo.get(owner) !== dateTo;
}

/**
 * Loads each owner's 30-day dashboard once, so the cached runs only read the cache. Returns
 * each owner's window end.
 */
async function warmUp(ctx: BenchContext, owners: readonly Owner[]): Promise<Map<string, string>> {
  const warmDateTo = new Map<string, string>();
  const queue = [...owners];
  const worker = async () => {
    for (let owner = queue.shift(); owner; owner = queue.shift()) {
      const response = await fetch(ctx.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ operationName: 'BenchDashboardWarmUp', query: query('BenchDashboardWarmUp'), variables: { days: 30 } }),
      });
      const body = await response.text();
      const dateTo = DATE_TO.exec(body)?.[1];
      if (!answered(body) || dateTo === undefined) throw new Error(`dashboard warm-up failed: ${body.slice(0, 300)}`);
      warmDateTo.set(owner.id, dateTo);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return warmDateTo;
}

/**
 * Seed scenario 3: owners reading their own 30-day dashboard, on as many connections as the
 * seed says (5,000) and, for comparison, on 50. Cached: every answer must come from the cache
 * (its generatedAt before the run) unless the owner's day changed since the warm-up. Uncached: every request asks for an (owner, days) pair
 * nobody asked for before (days 31–60 on the big run, 61–90 on the small one), and every
 * answer must be computed during the run (generatedAt after its start). Other answers count
 * as errors.
 */
export async function dashboards(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const seconds = ctx.settings.scenarioSeconds;
  const rows: ScenarioRow[] = [];
  const warmDateTo = await warmUp(ctx, owners);

  for (const connections of [ctx.settings.dashboardConnections, 50]) {
    ctx.log(`dashboard (cached): ${connections} connections for ${seconds} s`);
    const startedAt = new Date().toISOString();
    const result = await measuredLoad(ctx, ['BenchDashboardCached'], {
      connections,
      maxSeconds: seconds,
      timeoutSeconds: 60,
      request: (n) => ({
        operationName: 'BenchDashboardCached',
        query: query('BenchDashboardCached'),
        variables: { days: 30 },
        token: owners[n % owners.length]!.token,
      }),
      check: (body) => cachedAnswer(body, startedAt, warmDateTo),
    });
    rows.push(
      rowFromLoad(`Dashboard, cached (days 30)`, `${connections.toLocaleString('en-US')} conns, ${seconds} s`, result, p95Target(200, result.latency)),
    );
  }

  const keysPerRun = owners.length * 30;
  for (const [index, connections] of [ctx.settings.dashboardConnections, 50].entries()) {
    // Days 31–90: never the 30 of the cached runs nor the 365 of the analytics run.
    const firstDays = 31 + index * 30;
    ctx.log(`dashboard (uncached): ${connections} connections, up to ${keysPerRun} distinct requests or ${seconds} s`);
    const startedAt = new Date().toISOString();
    const result = await measuredLoad(ctx, ['BenchDashboardUncached'], {
      connections,
      amount: keysPerRun,
      maxSeconds: seconds,
      timeoutSeconds: 60,
      request: (n) => ({
        operationName: 'BenchDashboardUncached',
        query: query('BenchDashboardUncached'),
        variables: { days: firstDays + (Math.floor(n / owners.length) % 30) },
        token: owners[n % owners.length]!.token,
      }),
      check: (body) => dashboardFrom(body, startedAt, true),
    });
    rows.push(
      rowFromLoad(
        `Dashboard, uncached (days ${firstDays}–${firstDays + 29})`,
        `${connections.toLocaleString('en-US')} conns, ≤ ${keysPerRun.toLocaleString('en-US')} req, ${seconds} s`,
        result,
        p95Target(200, result.latency),
      ),
    );
  }
  return rows;
}
