import type { Owner } from '../lib/fixtures';
import { answered, askEach } from '../lib/load';
import { heavyRunsNote, repeatedLoad, rowFromRuns, settle, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { allTargets, costTarget, p95Target } from '../lib/targets';

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
 * Loads each owner's 30-day dashboard before the cached runs on a number of connections
 * (computed the first time, or again if it expired since), so the runs only read the cache.
 * Returns each owner's window end.
 */
async function warmUp(ctx: BenchContext, owners: readonly Owner[]): Promise<Map<string, string>> {
  const bodies = await askEach(ctx.graphqlUrl, owners, (owner) => ({
    operationName: 'BenchDashboardWarmUp',
    query: query('BenchDashboardWarmUp'),
    variables: { days: 30 },
    token: owner.token,
  }));
  const warmDateTo = new Map<string, string>();
  owners.forEach((owner, index) => {
    const body = bodies[index]!;
    const dateTo = DATE_TO.exec(body)?.[1];
    if (!answered(body) || dateTo === undefined) throw new Error(`dashboard warm-up failed: ${body.slice(0, 300)}`);
    warmDateTo.set(owner.id, dateTo);
  });
  return warmDateTo;
}

/**
 * Time bound of the runs on thousands of connections: opening them all and working through
 * the first requests takes seconds on a busy server, before any answer comes back.
 */
const HEAVY_MIN_SECONDS = 20;

/** Uncached runs ask for 30-day blocks of windows from 31 days on: never 30 (cached) nor 365 (analytics). */
const FIRST_UNCACHED_DAYS = 31;
const UNCACHED_BLOCKS = Math.floor((364 - FIRST_UNCACHED_DAYS + 1) / 30);

const ALL_CORRECT = { text: 'every answer 200 and correct', met: true };

/**
 * Seed scenario 3: owners reading their own 30-day dashboard, on as many connections as the
 * seed says (5,000; BENCH_HEAVY_REPEAT runs of at least 20 s) and on 50 (BENCH_REPEAT runs).
 * Cached: every answer must come from the cache (its generatedAt before the run) unless the
 * owner's day changed since the warm-up. Uncached: every request asks for an (owner, days)
 * pair nobody asked for before (each run a block of 30 window lengths of its own, from 31
 * days on, the runs on 50 connections first), and every answer must be computed during the run
 * (generatedAt after its start). Other answers count as errors.
 */
export async function dashboards(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const heavy = ctx.settings.dashboardConnections;
  const plan = [
    { connections: heavy, times: ctx.settings.heavyRepeat, seconds: Math.max(HEAVY_MIN_SECONDS, ctx.settings.scenarioSeconds) },
    { connections: 50, times: ctx.settings.repeat, seconds: ctx.settings.scenarioSeconds },
  ];
  if (plan[0]!.times + plan[1]!.times > UNCACHED_BLOCKS) {
    throw new Error(`uncached dashboards: ${UNCACHED_BLOCKS} runs at most (BENCH_REPEAT + BENCH_HEAVY_REPEAT)`);
  }
  const rows: ScenarioRow[] = [];

  for (const { connections, times, seconds } of plan) {
    ctx.log(`dashboard (cached): ${connections} connections, ${times} × ${seconds} s`);
    // Writes still running from an earlier scenario would empty the cache after the warm-up.
    await settle(ctx);
    const warmDateTo = await warmUp(ctx, owners);
    let computed = 0;
    const runs = await repeatedLoad(ctx, times, () => {
      const startedAt = new Date().toISOString();
      return {
        connections,
        maxSeconds: seconds,
        timeoutSeconds: 60,
        request: (n) => ({
          operationName: 'BenchDashboardCached',
          query: query('BenchDashboardCached'),
          variables: { days: 30 },
          token: owners[n % owners.length]!.token,
        }),
        check: (body) => {
          if (cachedAnswer(body, startedAt, warmDateTo)) return true;
          if (dashboardFrom(body, startedAt, true)) computed++;
          return false;
        },
      };
    });
    const small = connections === 50;
    const computedNote = computed > 0 ? [`${computed} of the wrong answers were correct dashboards computed during the run instead of read from the cache`] : [];
    rows.push(
      rowFromRuns(
        `Dashboard, cached (days 30)`,
        `${connections.toLocaleString('en-US')} conns, ${seconds} s`,
        runs,
        (m) => (small ? allTargets(p95Target(200, m.latency), costTarget('CPU', 0.5, m.cpuMsPerRequest)) : p95Target(200, m.latency)),
        { plannedRuns: times, notes: [...(small ? [] : heavyRunsNote(ctx.settings)), ...computedNote] },
      ),
    );
  }

  const keysPerRun = owners.length * 30;
  let block = 0;
  // The runs on 50 connections first: theirs is the p95 target, so they get the window lengths
  // nearest the 30 days it is about (a longer window costs more); the table keeps plan order.
  const uncachedRows: ScenarioRow[] = [];
  for (const { connections, times, seconds } of [...plan].reverse()) {
    const firstDays = FIRST_UNCACHED_DAYS + block * 30;
    ctx.log(`dashboard (uncached): ${connections} connections, ${times} × (up to ${keysPerRun} distinct requests or ${seconds} s)`);
    const runs = await repeatedLoad(ctx, times, () => {
      const days = FIRST_UNCACHED_DAYS + block++ * 30;
      const startedAt = new Date().toISOString();
      return {
        connections,
        amount: keysPerRun,
        maxSeconds: seconds,
        timeoutSeconds: 60,
        request: (n) => ({
          operationName: 'BenchDashboardUncached',
          query: query('BenchDashboardUncached'),
          variables: { days: days + (Math.floor(n / owners.length) % 30) },
          token: owners[n % owners.length]!.token,
        }),
        check: (body) => dashboardFrom(body, startedAt, true),
      };
    });
    uncachedRows.unshift(
      rowFromRuns(
        `Dashboard, uncached (days ${firstDays}–${FIRST_UNCACHED_DAYS + block * 30 - 1})`,
        `${connections.toLocaleString('en-US')} conns, ≤ ${keysPerRun.toLocaleString('en-US')} req, ${seconds} s`,
        runs,
        (m) => (connections === 50 ? p95Target(200, m.latency) : ALL_CORRECT),
        {
          plannedRuns: times,
          notes: [
            ...(connections === 50 ? [] : heavyRunsNote(ctx.settings)),
            ...(runs.length > 1 ? ['each run a block of 30 window lengths of its own'] : []),
          ],
        },
      ),
    );
  }
  return [...rows, ...uncachedRows];
}
