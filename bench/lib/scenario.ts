import { startCostWindow, type CostSources, type RequestCosts } from './costs';
import type { Fixtures } from './fixtures';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { activity, scrapeMetrics, type MetricsSnapshot } from './metrics';
import type { PeakRss } from './server';
import type { Percentiles } from './stats';
import type { Target } from './targets';

/** The measured columns of a table line: medians of the runs, except where said. */
export interface Measured {
  runs: number;
  /** Answers of the median run. */
  requests: number;
  requestsPerSecond: number | null;
  /** Each percentile the median of the runs' ones. */
  latency: Percentiles | null;
  /** All runs together: one error in any run is one too many. */
  errors: number;
  /** Server CPU time per answered request, in ms. */
  cpuMsPerRequest: number | null;
  /** pg_stat_statements total_exec_time per answered request, in ms. */
  dbMsPerRequest: number | null;
  /** pg_stat_statements calls per answered request. */
  sqlPerRequest: number | null;
  /** Highest of the runs. */
  peakRssMiB: number | null;
}

/** One line of the results table. */
export interface ScenarioRow extends Measured {
  scenario: string;
  /** How the load was offered: connections, rate, bound. */
  load: string;
  target: Target | null;
  notes: string[];
}

export interface BenchSettings {
  /** Registrations sent at once (the seed: 1,000). */
  registrations: number;
  /** Connections of the dashboard scenarios (the seed: 5,000). */
  dashboardConnections: number;
  /** Time bound of each timed run. */
  scenarioSeconds: number;
  /** Runs of each timed scenario; the table shows their medians. */
  repeat: number;
  /** Runs of the heavy ones (registrations, the dashboard runs on `dashboardConnections`). */
  heavyRepeat: number;
}

export interface BenchContext {
  graphqlUrl: string;
  metricsUrl: string;
  databaseUrl: string;
  /** Null when the server is not ours (BENCH_URL without BENCH_SERVER_PID). */
  peakRss: PeakRss | null;
  /** The server's CPU clock (null without its pid) and the database's statement totals. */
  costs: CostSources;
  fixtures: Fixtures;
  settings: BenchSettings;
  /** False once the run is past its time budget: no further repeat starts then. */
  hasTimeLeft(): boolean;
  log(message: string): void;
}

export interface MeasuredLoad extends LoadResult, RequestCosts {
  peakRssMiB: number | null;
}

type RunOptions = Omit<LoadOptions, 'url'>;

const SETTLE_POLL_MS = 250;
const SETTLE_MAX_MS = 120_000;
/**
 * Server CPU per poll below which it counts as idle: 10% of a core (a server still working
 * through requests uses a whole one; answering the metrics poll itself uses a little).
 */
const IDLE_CPU_MS = SETTLE_POLL_MS * 0.1;

async function metricsOrNothing(ctx: BenchContext): Promise<MetricsSnapshot> {
  return scrapeMetrics(ctx.metricsUrl).catch(() => new Map());
}

/**
 * Waits until the server has finished what earlier runs left it: the server goes on working
 * on requests whose clients gave up (a time bound stopped the load), which would otherwise
 * land in the next measurement. Idle = no database connection in use or awaited and the
 * server's CPU nearly still (without its pid: no GraphQL operation finishing), three polls
 * in a row. Returns the seconds waited.
 */
export async function settle(ctx: BenchContext): Promise<number> {
  const startedAt = Date.now();
  let quietPolls = 0;
  let lastOperations = -1;
  let lastCpu = ctx.costs.cpuMs?.() ?? null;
  while (quietPolls < 3 && Date.now() - startedAt < SETTLE_MAX_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const now = activity(await metricsOrNothing(ctx));
    const cpu = ctx.costs.cpuMs?.() ?? null;
    const still = cpu !== null && lastCpu !== null ? cpu - lastCpu < IDLE_CPU_MS : now.operations === lastOperations;
    quietPolls = now.connectionsInUse === 0 && now.waiting === 0 && still ? quietPolls + 1 : 0;
    lastOperations = now.operations;
    lastCpu = cpu;
  }
  return (Date.now() - startedAt) / 1000;
}

/**
 * Runs one load with the server's CPU, the database's statements and the server's peak
 * memory measured around it. The costs are read the moment the load stops, so work on
 * requests still in flight then is partly counted (it matters only with many connections).
 */
export async function measuredLoad(ctx: BenchContext, options: RunOptions): Promise<MeasuredLoad> {
  const settled = await settle(ctx);
  if (settled > 5) ctx.log(`waited ${settled.toFixed(0)} s for the server to finish earlier requests`);
  const endCosts = await startCostWindow(ctx.costs);
  ctx.peakRss?.start();
  const result = await runLoad({ ...options, url: ctx.graphqlUrl });
  const peakRssMiB = ctx.peakRss ? ctx.peakRss.stop() : null;
  return { ...result, ...(await endCosts(result.responses)), peakRssMiB };
}

/**
 * Runs a load `times` times (`options(run)` for run 0, 1, …, awaited just before the run),
 * fewer when the run is past its time budget (at least once). `warmUp`, when given, runs
 * first and is not measured: the server's code is compiled and its caches filled before the
 * first measured run.
 */
export async function repeatedLoad(
  ctx: BenchContext,
  times: number,
  options: (run: number) => RunOptions | Promise<RunOptions>,
  warmUp?: RunOptions,
): Promise<MeasuredLoad[]> {
  if (warmUp) await runLoad({ ...warmUp, url: ctx.graphqlUrl });
  const runs: MeasuredLoad[] = [];
  for (let run = 0; run < times && (run === 0 || ctx.hasTimeLeft()); run++) {
    runs.push(await measuredLoad(ctx, await options(run)));
  }
  return runs;
}

/** The middle value (the mean of the two middle ones for an even count); null without values. */
export function median(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}

function medianLatency(runs: readonly MeasuredLoad[]): Percentiles | null {
  const measured = runs.map((run) => run.latency).filter((latency): latency is Percentiles => latency !== null);
  if (measured.length === 0) return null;
  return {
    p50: median(measured.map((l) => l.p50))!,
    p95: median(measured.map((l) => l.p95))!,
    p99: median(measured.map((l) => l.p99))!,
  };
}

/** The table's columns from the runs of one scenario. */
export function summarize(runs: readonly MeasuredLoad[]): Measured {
  const peaks = runs.map((run) => run.peakRssMiB).filter((peak): peak is number => peak !== null);
  return {
    runs: runs.length,
    requests: Math.round(median(runs.map((run) => run.responses)) ?? 0),
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    latency: medianLatency(runs),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuMsPerRequest: median(runs.map((run) => run.cpuMsPerRequest)),
    dbMsPerRequest: median(runs.map((run) => run.dbMsPerRequest)),
    sqlPerRequest: median(runs.map((run) => run.sqlPerRequest)),
    peakRssMiB: peaks.length > 0 ? Math.max(...peaks) : null,
  };
}

/**
 * A table line from the runs of a scenario; `target` is judged on their medians. A target is
 * met only by correct answers: an error in any run misses it whatever the medians.
 */
export function rowFromRuns(
  scenario: string,
  load: string,
  runs: readonly MeasuredLoad[],
  target: ((measured: Measured) => Target) | null,
  options: { notes?: string[]; plannedRuns?: number } = {},
): ScenarioRow {
  const measured = summarize(runs);
  let judged = target ? target(measured) : null;
  if (judged && measured.errors > 0) {
    const reason = `${measured.errors} errors`;
    judged = { ...judged, met: false, missedBecause: judged.met ? reason : `${judged.missedBecause}; ${reason}` };
  }
  const unanswered = runs.reduce((sum, run) => sum + run.unanswered, 0);
  const sample = runs.flatMap((run) => run.errorSamples)[0];
  const planned = options.plannedRuns;
  return {
    scenario,
    load,
    ...measured,
    target: judged,
    notes: [
      ...(options.notes ?? []),
      ...(planned !== undefined && runs.length < planned ? [`${runs.length} of ${planned} runs: the scenario had used its share of the bench's time budget`] : []),
      ...(measured.errors > 0 ? [errorBreakdown(runs)] : []),
      ...(unanswered > 0 ? [`${unanswered} requests still unanswered when the time bound ended the run${runs.length > 1 ? 's' : ''}`] : []),
      ...(sample !== undefined ? [`first wrong answer: ${sample}`] : []),
    ],
  };
}

function errorBreakdown(runs: readonly MeasuredLoad[]): string {
  const total = (kind: keyof LoadResult['errorKinds']) => runs.reduce((sum, run) => sum + run.errorKinds[kind], 0);
  const inRuns = runs.length > 1 ? ` (in ${runs.filter((run) => run.errors > 0).length} of ${runs.length} runs)` : '';
  return `errors${inRuns}: ${total('non200')} non-200 answers, ${total('wrongAnswers')} wrong 200 answers, ${total('timeouts')} timeouts, ${total('connectionErrors')} connection errors`;
}

/** The note of a heavy scenario's line when it ran fewer times than the others. */
export function heavyRunsNote(settings: BenchSettings): string[] {
  if (settings.heavyRepeat >= settings.repeat) return [];
  const runs = settings.heavyRepeat === 1 ? 'one run' : `${settings.heavyRepeat} runs`;
  return [`${runs} (BENCH_HEAVY_REPEAT), not ${settings.repeat}: more would take minutes of the bench's time budget`];
}

/** Seconds of unmeasured load before the runs of a cost scenario. */
const WARM_UP_SECONDS = 2;

/**
 * Issue 10's way of measuring what a request costs: a fixed number of connections sending
 * as fast as answers come back (as `wrk -c50` did), BENCH_SECONDS per run, BENCH_REPEAT
 * runs after a short unmeasured warm-up.
 */
export function steadyRuns(ctx: BenchContext, connections: number, options: Omit<RunOptions, 'connections' | 'maxSeconds'>): Promise<MeasuredLoad[]> {
  const run = { ...options, connections, maxSeconds: ctx.settings.scenarioSeconds };
  return repeatedLoad(ctx, ctx.settings.repeat, () => run, { ...run, maxSeconds: WARM_UP_SECONDS });
}
