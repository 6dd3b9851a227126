import { measuredLoad, rowFromRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { p95Target } from '../lib/targets';
import { DASHBOARD_FIELDS, dashboardFrom } from './dashboard';

const ANALYTICS = `query BenchAnalytics { dashboard(days: 365) { ${DASHBOARD_FIELDS} } }`;

/**
 * Seed scenario 5: the heaviest aggregation, a whole year's dashboard, for every owner once
 * (no earlier scenario asked for 365 days, so each is computed), 10 at a time. One run: a
 * second would read the cache.
 */
export async function analytics(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const connections = 10;
  ctx.log(`analytics: dashboard(days: 365) for ${owners.length} owners on ${connections} connections`);
  const startedAt = new Date().toISOString();
  const result = await measuredLoad(ctx, {
    connections,
    amount: owners.length,
    maxSeconds: Math.max(60, ctx.settings.scenarioSeconds),
    timeoutSeconds: 60,
    request: (n) => ({ operationName: 'BenchAnalytics', query: ANALYTICS, token: owners[n % owners.length]!.token }),
    check: (body) => dashboardFrom(body, startedAt, true),
  });
  return [
    rowFromRuns('Analytics: dashboard(days: 365), uncached', `${connections} conns, ${owners.length} owners once`, [result], (m) =>
      p95Target(1000, m.latency), { notes: ['one run: every (owner, 365 days) key is computed once, a second run would read the cache'] }),
  ];
}
