/**
 * The load benchmark of the seed's scenarios and issue 10's request costs (`npm run bench`).
 * Starts throwaway PostgreSQL (durable settings, pg_stat_statements) and Redis unless given,
 * loads demo data, starts the API server in a child process as in production (rate limits
 * off), runs every scenario with autocannon on loopback, measuring the server's CPU time and
 * the database's statement time per request around each run, prints one table (medians of
 * the runs) and writes it into bench/RESULTS.md and the README.
 *
 * Environment (all optional):
 *   BENCH_URL                    an already running server's /graphql (loopback only); needs
 *                                DATABASE_URL = that server's database (seeded if it has no users)
 *   BENCH_SERVER_PID             with BENCH_URL: its pid, to measure its memory and CPU time
 *   DATABASE_URL                 without BENCH_URL: a PostgreSQL server to create the benchmark
 *                                database on (dropped afterwards)
 *   REDIS_URL                    Redis for the server (else a throwaway one)
 *   BENCH_USERS, BENCH_DAYS      demo data size (200 × 365)
 *   BENCH_REGISTRATIONS          concurrent registrations (1000, the seed's number)
 *   BENCH_DASHBOARD_CONNECTIONS  connections of the dashboard runs (5000, the seed's number)
 *   BENCH_SECONDS                time bound of each timed run (10)
 *   BENCH_REPEAT                 runs of each timed scenario; the table shows medians (3)
 *   BENCH_HEAVY_REPEAT           runs of the registrations and of the runs on
 *                                BENCH_DASHBOARD_CONNECTIONS (3, as issue 10 asks: medians of three)
 *   BENCH_SCENARIOS              only these, comma-separated (typename, me, entries,
 *                                entriesTotal, heldConnections, registrations, entryCreation,
 *                                dashboards, granteeReads, permissionCheck, analytics, search)
 *   BENCH_WRITE                  off: print only, do not write RESULTS.md and the README
 *   BENCH_LOG_LEVEL              the server's LOG_LEVEL (warn; debug shows why a cache read missed)
 * Every scenario is bounded in requests and time; no scenario starts after 10 minutes and no
 * further run of one after 10.5, so the whole run stays within about 12.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { applyMigrations } from '../src/db/migrations';
import { postgresTarget, seedDemoData } from '../src/ops/demo-data';
import { startPostgres } from '../test/services/postgres';
import { startRedis, stopRedis } from '../test/services/redis';
import { quoteIdentifier, withDatabaseName } from '../test/helpers/database-url';
import { processCpuMs, StatementStats, type CostSources } from './lib/costs';
import { loadFixtures, type TokenSource } from './lib/fixtures';
import { noteLines, resultsSection, resultsTable, updateReadme, writeResultsFile, type RunFacts } from './lib/report';
import type { BenchContext, BenchSettings, ScenarioRow } from './lib/scenario';
import { PeakRss, runtimeVersusDockerfile, SERVER_LOG_LEVEL, startBenchServer } from './lib/server';
import { positiveInteger } from './lib/settings';
import { analytics } from './scenarios/analytics';
import { dashboards } from './scenarios/dashboard';
import { entryCreation } from './scenarios/entry-creation';
import { granteeReads } from './scenarios/grantee-reads';
import { heldConnections } from './scenarios/held-connections';
import { entries, entriesTotal } from './scenarios/owner-entries';
import { permissionCheck } from './scenarios/permission-check';
import { registrations } from './scenarios/registration';
import { search } from './scenarios/search';
import { me, typename } from './scenarios/small-reads';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DATABASE = 'kitaab_bench';
/**
 * No scenario starts after this many seconds, and no further run of one after the next (each
 * scenario's repeats also stop when it has used its share of the time up to then).
 */
const LAST_START_SECONDS = 600;
const LAST_REPEAT_SECONDS = 630;
/** Whatever happens, the benchmark gives up after this long. */
const WATCHDOG_MINUTES = 15;
/** Issue 10: the server's peak resident memory over the whole bench, at most 250 MB. */
const PEAK_RSS_LIMIT_MIB = 250e6 / 2 ** 20;

function loopbackUrl(raw: string): string {
  const url = new URL(raw);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new Error(`BENCH_URL must be a loopback address (got ${url.hostname}): load is only sent to this machine`);
  }
  return url.toString();
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Everything started for the run, stopped in reverse order whatever happens. */
class Cleanup {
  private readonly steps: Array<() => Promise<unknown> | unknown> = [];
  add(step: () => Promise<unknown> | unknown): void {
    this.steps.unshift(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps) await Promise.resolve(step()).catch((error) => console.error('cleanup:', error));
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadBefore = os.loadavg();
  const log = (message: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);
  const settings: BenchSettings = {
    registrations: positiveInteger('BENCH_REGISTRATIONS', 1000),
    dashboardConnections: positiveInteger('BENCH_DASHBOARD_CONNECTIONS', 5000),
    scenarioSeconds: positiveInteger('BENCH_SECONDS', 10),
    repeat: positiveInteger('BENCH_REPEAT', 3),
    heavyRepeat: positiveInteger('BENCH_HEAVY_REPEAT', 3),
  };
  const selected = selectedScenarios();
  const users = positiveInteger('BENCH_USERS', 200);
  const days = positiveInteger('BENCH_DAYS', 365);
  const benchUrl = process.env.BENCH_URL ? loopbackUrl(process.env.BENCH_URL) : undefined;
  const cleanup = new Cleanup();

  try {
    // ── services and database ──
    let databaseUrl: string;
    if (benchUrl) {
      if (!process.env.DATABASE_URL) throw new Error('BENCH_URL needs DATABASE_URL: the database of the server under test');
      databaseUrl = process.env.DATABASE_URL;
    } else {
      let serverUrl = process.env.DATABASE_URL;
      if (!serverUrl) {
        log('starting PostgreSQL (durable settings)');
        const cluster = await startPostgres({ durable: true });
        cleanup.add(() => cluster.stop());
        serverUrl = cluster.url;
      }
      await sql(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(BENCH_DATABASE)} WITH (FORCE)`);
      await sql(serverUrl, `CREATE DATABASE ${quoteIdentifier(BENCH_DATABASE)}`);
      const admin = serverUrl;
      cleanup.add(() => sql(admin, `DROP DATABASE IF EXISTS ${quoteIdentifier(BENCH_DATABASE)} WITH (FORCE)`));
      databaseUrl = withDatabaseName(serverUrl, BENCH_DATABASE);
    }
    await applyMigrations({ kind: 'postgres', url: databaseUrl });

    const [{ users: existing }] = (await sql<{ users: number }>(databaseUrl, 'SELECT count(*)::int AS users FROM users')) as [
      { users: number },
    ];
    let seeded = `${existing} existing users (not seeded)`;
    if (existing === 0) {
      log(`seeding demo data: ${users} users × ${days} days`);
      const target = postgresTarget(databaseUrl);
      try {
        const result = await seedDemoData(target, { users, days });
        seeded = `${users} users × ${days} days of demo data (${result.rows.entries.toLocaleString('en-US')} entries, ${result.rows.entry_history.toLocaleString('en-US')} history rows, ${result.rows.permissions.toLocaleString('en-US')} grants; seeded in ${result.seconds.toFixed(0)} s)`;
      } finally {
        await target.close();
      }
    }

    // ── the server ──
    let redisVersion = 'given by the server under test';
    let graphqlUrl: string;
    let peakRss: PeakRss | null = null;
    let serverPid: number | null = null;
    let tokenSource: TokenSource;
    if (benchUrl) {
      graphqlUrl = benchUrl;
      tokenSource = { kind: 'login', graphqlUrl };
      const pid = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : undefined;
      if (pid) {
        peakRss = new PeakRss(pid);
        serverPid = pid;
      }
    } else {
      let redisUrl = process.env.REDIS_URL;
      if (!redisUrl) {
        log('starting Redis');
        const redis = await startRedis();
        cleanup.add(() => stopRedis(redis));
        redisUrl = redis.url;
      }
      redisVersion = await serverVersionOfRedis(redisUrl);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kitaab-bench-'));
      cleanup.add(() => rmSync(dataDir, { recursive: true, force: true }));
      log('starting the API server');
      const logFile = path.join(os.tmpdir(), 'kitaab-bench-server.log');
      const server = await startBenchServer({ databaseUrl, redisUrl, dataDir, logFile });
      log(`server log: ${logFile}`);
      cleanup.add(() => server.stop());
      graphqlUrl = server.graphqlUrl;
      tokenSource = { kind: 'sign', jwtSecret: server.jwtSecret };
      peakRss = new PeakRss(server.pid);
      serverPid = server.pid;
    }
    const statements = await StatementStats.open(databaseUrl, log);
    if (statements) cleanup.add(() => statements.close());
    const pid = serverPid;
    const costs: CostSources = { cpuMs: pid === null ? null : () => processCpuMs(pid), statements };
    const metricsUrl = new URL('/metrics', graphqlUrl).toString();

    log(tokenSource.kind === 'login' ? 'logging the demo actors in' : 'signing the demo actors\' tokens');
    const fixtures = await loadFixtures(databaseUrl, tokenSource, { owners: 200, grantees: 50 });
    // Each scenario may repeat its runs until its share of the time left is used up, so that
    // a slow server gets fewer runs of each scenario rather than no run of the last ones.
    const scenariosStart = Date.now();
    const budgetEnd = startedAt + LAST_REPEAT_SECONDS * 1000;
    const totalWeight = selected.reduce((sum, name) => sum + budgetWeight(name), 0);
    let weightDone = 0;
    let scenarioDeadline = budgetEnd;
    const hasTimeLeft = () => Date.now() < scenarioDeadline;
    const ctx: BenchContext = { graphqlUrl, metricsUrl, databaseUrl, peakRss, costs, fixtures, settings, hasTimeLeft, log };

    // ── scenarios: the request costs first, on a fresh server, then the seed's order, then search ──
    const rows: ScenarioRow[] = [];
    for (const name of selected) {
      if ((Date.now() - startedAt) / 1000 > LAST_START_SECONDS) {
        log(`skipping ${name}: the run is past ${LAST_START_SECONDS} s`);
        rows.push(skipped(name));
        continue;
      }
      weightDone += budgetWeight(name);
      scenarioDeadline = scenariosStart + ((budgetEnd - scenariosStart) * weightDone) / totalWeight;
      const scenarioRows = await SCENARIOS[name](ctx);
      for (const row of scenarioRows) {
        const cost = (value: number | null) => (value === null ? '—' : value.toFixed(3));
        log(
          `${row.scenario} (${row.load}): ${row.requests} answers, ${row.errors} errors, p95 ${row.latency?.p95.toFixed(1) ?? '—'} ms, CPU ${cost(row.cpuMsPerRequest)} ms/req, DB ${cost(row.dbMsPerRequest)} ms/req`,
        );
      }
      rows.push(...scenarioRows);
    }
    if (peakRss) rows.push(wholeBenchPeak(peakRss));

    // ── report ──
    const facts = await runFacts(databaseUrl, redisVersion, startedAt, loadBefore, seeded, settings);
    console.log(`\n${resultsTable(rows)}\n`);
    for (const line of noteLines(rows)) console.log(line);
    if (process.env.BENCH_WRITE !== 'off') {
      const section = resultsSection(rows, facts);
      writeResultsFile(path.join(ROOT, 'bench', 'RESULTS.md'), section);
      const readme = updateReadme(path.join(ROOT, 'README.md'), section);
      log(`wrote bench/RESULTS.md${readme ? ' and the README' : ' (README has no benchmark markers: not updated)'}`);
    }
  } finally {
    await cleanup.run();
  }
}

async function serverVersionOfRedis(url: string): Promise<string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

const SCENARIOS = {
  typename,
  me,
  entries,
  entriesTotal,
  heldConnections,
  registrations,
  entryCreation,
  dashboards,
  granteeReads,
  permissionCheck,
  analytics,
  search,
};

/** A line saying that a scenario did not run, so that no target goes missing unseen. */
function skipped(name: string): ScenarioRow {
  return {
    ...NOT_MEASURED,
    scenario: name,
    load: `skipped: the bench was past ${LAST_START_SECONDS} s`,
    target: { text: 'run', met: false, missedBecause: 'not run' },
    notes: [],
  };
}

const NOT_MEASURED = {
  runs: 0,
  requests: 0,
  requestsPerSecond: null,
  latency: null,
  errors: 0,
  cpuMsPerRequest: null,
  dbMsPerRequest: null,
  sqlPerRequest: null,
  peakRssMiB: null,
};

/** The server's highest resident memory from its start to the end of the last scenario. */
function wholeBenchPeak(peakRss: PeakRss): ScenarioRow {
  const peak = peakRss.wholeRunPeak();
  const text = `≤ 250 MB (${Math.round(PEAK_RSS_LIMIT_MIB)} MiB)`;
  return {
    scenario: 'Peak server RSS, whole bench',
    load: 'from server start to the end of the last scenario',
    ...NOT_MEASURED,
    peakRssMiB: peak,
    target: peak <= PEAK_RSS_LIMIT_MIB ? { text, met: true } : { text, met: false, missedBecause: `${Math.round(peak)} MiB` },
    notes: [],
  };
}

/** BENCH_SCENARIOS=name,name runs only those (for a quick look; RESULTS.md wants them all). */
function selectedScenarios(): ScenarioName[] {
  const all = Object.keys(SCENARIOS) as ScenarioName[];
  const names = process.env.BENCH_SCENARIOS?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!names || names.length === 0) return all;
  return names.map((name) => {
    if (!(all as string[]).includes(name)) throw new Error(`unknown scenario ${name}: one of ${all.join(', ')}`);
    return name as ScenarioName;
  });
}

type ScenarioName = keyof typeof SCENARIOS;

/**
 * A scenario's share of the time budget, against 1 for one that runs BENCH_REPEAT timed runs:
 * the dashboards are four such groups, 1,000 password hashes take as long as two, search is
 * two such groups (ten connections, one user), analytics is one short run.
 */
function budgetWeight(name: ScenarioName): number {
  if (name === 'dashboards') return 4;
  if (name === 'registrations' || name === 'search') return 2;
  return name === 'analytics' ? 0.5 : 1;
}

async function runFacts(
  databaseUrl: string,
  redisVersion: string,
  startedAt: number,
  loadBefore: number[],
  data: string,
  settings: BenchSettings,
): Promise<RunFacts> {
  const [{ version }] = (await sql<{ version: string }>(databaseUrl, `SELECT current_setting('server_version') AS version`)) as [
    { version: string },
  ];
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    machine: `${cpus.length} CPUs (nproc ${os.availableParallelism()}, ${cpus[0]?.model ?? 'unknown model'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
    software: `${runtimeVersusDockerfile()}, PostgreSQL ${version}, Redis ${redisVersion}, autocannon 9 (load generator on the same machine)`,
    load: `${load(loadBefore)} → ${load(os.loadavg())}`,
    data,
    server: `one process, NODE_ENV=production, RATE_LIMITS=off, REMINDERS=off, LOG_LEVEL=${SERVER_LOG_LEVEL}, DB_POOL_MAX=10 (default), the Dockerfile's NODE_OPTIONS and malloc settings; ${settings.registrations} registrations, ${settings.dashboardConnections} dashboard connections, ${settings.scenarioSeconds} s per timed run, ${settings.repeat} runs per timed scenario (medians shown; ${settings.heavyRepeat} of the registrations and of the ${settings.dashboardConnections}-connection dashboards)`,
    durationSeconds: (Date.now() - startedAt) / 1000,
  };
}

// The whole run must end, even if something hangs.
const watchdog = setTimeout(() => {
  console.error(`benchmark: ${WATCHDOG_MINUTES} minutes passed, giving up`);
  process.exit(2);
}, WATCHDOG_MINUTES * 60 * 1000);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
