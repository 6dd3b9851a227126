import type { Fixtures } from './fixtures';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { activity, scrapeMetrics, sqlStatementsPerOperation } from './metrics';
import type { PeakRss } from './server';
import type { Percentiles } from './stats';

/** A seed target: met when `met` says so; `text` says what was required. */
export interface Target {
  text: string;
  met: boolean;
  /** Why it was missed, when it was. */
  missedBecause?: string;
}

/** One line of the results table. */
export interface ScenarioRow {
  scenario: string;
  /** How the load was offered: connections, rate, bound. */
  load: string;
  requests: number;
  requestsPerSecond: number | null;
  latency: Percentiles | null;
  errors: number;
  sqlPerOperation: number | null;
  peakRssMiB: number | null;
  target: Target | null;
  notes: string[];
}

export interface BenchSettings {
  /** Registrations sent at once (the seed: 1,000). */
  registrations: number;
  /** Connections of the dashboard scenarios (the seed: 5,000). */
  dashboardConnections: number;
  /** Time bound of each timed scenario. */
  scenarioSeconds: number;
}

export interface BenchContext {
  graphqlUrl: string;
  metricsUrl: string;
  databaseUrl: string;
  /** Null when the server is not ours (BENCH_URL without BENCH_SERVER_PID). */
  peakRss: PeakRss | null;
  fixtures: Fixtures;
  settings: BenchSettings;
  log(message: string): void;
}

export interface MeasuredLoad extends LoadResult {
  sqlPerOperation: number | null;
  peakRssMiB: number | null;
}

const SETTLE_POLL_MS = 500;
const SETTLE_MAX_MS = 120_000;

/**
 * Waits until the server has finished what earlier runs left it: the server goes on working
 * on requests whose clients gave up (a time bound stopped the load), which would otherwise
 * land in the next scenario. Idle = no database connection in use or awaited and no GraphQL
 * operation finishing, three polls in a row. Returns the seconds waited.
 */
export async function settle(ctx: BenchContext): Promise<number> {
  const startedAt = Date.now();
  let quietPolls = 0;
  let lastOperations = -1;
  while (quietPolls < 3 && Date.now() - startedAt < SETTLE_MAX_MS) {
    const now = activity(await scrapeMetrics(ctx.metricsUrl));
    const quiet = now.connectionsInUse === 0 && now.waiting === 0 && now.operations === lastOperations;
    quietPolls = quiet ? quietPolls + 1 : 0;
    lastOperations = now.operations;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
  return (Date.now() - startedAt) / 1000;
}

/** Runs one load with the server's SQL counts and peak memory measured around it. */
export async function measuredLoad(
  ctx: BenchContext,
  operationNames: readonly string[],
  options: Omit<LoadOptions, 'url'>,
): Promise<MeasuredLoad> {
  const settled = await settle(ctx);
  if (settled > 5) ctx.log(`waited ${settled.toFixed(0)} s for the server to finish earlier requests`);
  const before = await scrapeMetrics(ctx.metricsUrl);
  ctx.peakRss?.start();
  const result = await runLoad({ ...options, url: ctx.graphqlUrl });
  const peakRssMiB = ctx.peakRss ? ctx.peakRss.stop() : null;
  const after = await scrapeMetrics(ctx.metricsUrl);
  return {
    ...result,
    sqlPerOperation: sqlStatementsPerOperation(before, after, operationNames),
    peakRssMiB,
  };
}

/** A p95 target ("p95 < 50 ms"), judged on the measured p95; no answers at all miss it. */
export function p95Target(limitMs: number, latency: Percentiles | null, label = `p95 < ${formatMs(limitMs)}`): Target {
  if (!latency) return { text: label, met: false, missedBecause: 'no answers' };
  return latency.p95 < limitMs
    ? { text: label, met: true }
    : { text: label, met: false, missedBecause: `p95 ${formatMs(latency.p95)}` };
}

/** Both targets met, or the first reason one was missed. */
export function bothTargets(a: Target, b: Target): Target {
  const text = `${a.text} and ${b.text}`;
  if (!a.met) return { text, met: false, missedBecause: a.missedBecause };
  if (!b.met) return { text, met: false, missedBecause: b.missedBecause };
  return { text, met: true };
}

export function rateTarget(perMinute: number, requestsPerSecond: number, errors: number): Target {
  const text = `≥ ${perMinute.toLocaleString('en-US')}/min`;
  const achieved = Math.round(requestsPerSecond * 60);
  if (errors > 0) return { text, met: false, missedBecause: `${errors} errors` };
  return achieved >= perMinute
    ? { text, met: true }
    : { text, met: false, missedBecause: `${achieved.toLocaleString('en-US')}/min` };
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/** A table row from a measured load. */
export function rowFromLoad(
  scenario: string,
  load: string,
  result: MeasuredLoad,
  target: Target | null,
  notes: string[] = [],
): ScenarioRow {
  // A target is met only by correct answers: errors miss it whatever the latencies.
  if (target?.met && result.errors > 0) target = { ...target, met: false, missedBecause: `${result.errors} errors` };
  return {
    scenario,
    load,
    requests: result.responses,
    requestsPerSecond: result.requestsPerSecond,
    latency: result.latency,
    errors: result.errors,
    sqlPerOperation: result.sqlPerOperation,
    peakRssMiB: result.peakRssMiB,
    target,
    notes: [
      ...notes,
      ...(result.errors > 0 ? [errorBreakdown(result)] : []),
      ...(result.unanswered > 0 ? [`${result.unanswered} requests still unanswered when the time bound ended the run`] : []),
      ...(result.errorSamples.length > 0 ? [`first wrong answer: ${result.errorSamples[0]}`] : []),
    ],
  };
}

function errorBreakdown(result: MeasuredLoad): string {
  const { timeouts, connectionErrors, non200, wrongAnswers } = result.errorKinds;
  return `errors: ${non200} non-200 answers, ${wrongAnswers} wrong 200 answers, ${timeouts} timeouts, ${connectionErrors} connection errors`;
}
