/**
 * The floor under issue 10's two missed targets (bench/RESULTS.md, the sixteenth round): what
 * node:http alone and Apollo Server alone do on this machine under the seed's 5,000 dashboard
 * connections, with the same answer, the same load generator and production's runtime settings
 * as `npm run bench`. Prints numbers; writes nothing.
 *
 *   npm run bench:floor
 *
 * FLOOR_CONNECTIONS (5000), FLOOR_SECONDS (15) and FLOOR_REPEAT (2) change the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../test/services/free-port';
import { answered, runLoad, type LoadResult } from './lib/load';
import { PeakRss, productionRuntimeEnv, runtimeVersusDockerfile, waitUntilReady } from './lib/server';
import { positiveInteger } from './lib/settings';
import { DASHBOARD_FIELDS } from './scenarios/dashboard';

const SERVERS = [
  { name: 'node:http alone, a fixed body', script: 'plain-http.cjs' },
  { name: 'Apollo Server 5 on node:http, a static resolver', script: 'bare-apollo.cjs' },
];
const QUERY = `query FloorDashboard($days: Int!) { dashboard(days: $days) { ${DASHBOARD_FIELDS} } }`;

/** A 30-day dashboard of the seed's shape (two categories, a point a day), ~5.7 KB as JSON. */
function dashboardAnswer(): object {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
  const series = (seed: number) =>
    Array.from({ length: 30 }, (_, n) => ({
      date: day(n),
      entryCount: 5 + ((n * seed) % 4),
      countSum: `${12 + n}.00`,
      averageScaleScore: 0.25 + (n % 5) / 10,
    }));
  const category = (name: string, seed: number) => ({
    category: name,
    entryCount: 210,
    scaleEntryCount: 142,
    countEntryCount: 68,
    countSum: '586.00',
    activeDays: 26,
    averageEntriesPerDay: '7.00',
    averageCountPerDay: '19.53',
    averageScaleScore: 0.4647887323943662,
    series: series(seed),
  });
  return {
    owner: { id: '1' },
    days: 30,
    dateFrom: day(0),
    dateTo: day(29),
    generatedAt: new Date().toISOString(),
    categories: [category('HASANAAT', 3), category('SAIYYIAAT', 7)],
  };
}

async function startFloorServer(script: string, dashboard: object): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'floor', script)], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      FLOOR_DASHBOARD: JSON.stringify(dashboard),
      ...productionRuntimeEnv(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitUntilReady(child, 'floor server ready', 'the stderr above');
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

/** One run as a table line; percentiles count answered requests only (see `unanswered`). */
function resultLine(name: string, run: number, result: LoadResult, startMiB: number, peakMiB: number): string {
  const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
  const { latency } = result;
  return [
    name,
    run,
    result.requestsPerSecond.toFixed(0),
    ms(latency?.p50),
    ms(latency?.p95),
    ms(latency?.p99),
    result.errors,
    result.unanswered,
    `${startMiB} MiB`,
    `${Math.round(peakMiB)} MiB`,
  ].join(' | ');
}

async function main(): Promise<void> {
  const connections = positiveInteger('FLOOR_CONNECTIONS', 5000);
  const seconds = positiveInteger('FLOOR_SECONDS', 15);
  const repeat = positiveInteger('FLOOR_REPEAT', 2);
  const dashboard = dashboardAnswer();
  console.log(`${runtimeVersusDockerfile()}; ${connections} connections for ${seconds} s, ${repeat} run(s) a server, the Dockerfile's NODE_OPTIONS and malloc settings`);
  console.log('server | run | answers/s | p50 | p95 | p99 | errors | unanswered at the end | RSS at start | peak RSS');
  for (const { name, script } of SERVERS) {
    for (let run = 1; run <= repeat; run++) {
      const { child, url } = await startFloorServer(script, dashboard);
      try {
        const peak = new PeakRss(child.pid!);
        const startMiB = Math.round(peak.current());
        peak.start();
        const result = await runLoad({
          url,
          connections,
          maxSeconds: seconds,
          timeoutSeconds: 30,
          request: () => ({ operationName: 'FloorDashboard', query: QUERY, variables: { days: 30 } }),
          check: (body) => answered(body, '"categories"'),
        });
        console.log(resultLine(name, run, result, startMiB, peak.stop()));
      } finally {
        child.kill('SIGKILL');
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
