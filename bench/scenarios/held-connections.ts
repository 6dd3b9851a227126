import { heavyRunsNote, repeatedLoad, rowFromRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';

const PROBE = '/healthz';

/**
 * The floor under the peak-memory target: this server, warmed up by the scenarios before it,
 * holding the dashboard runs' connections while they ask only for liveness (no GraphQL, no
 * token, no database). Its peak is what the runtime and the server take before any request
 * does work; no target of its own (the row says "—").
 */
export async function heldConnections(ctx: BenchContext): Promise<ScenarioRow[]> {
  const connections = ctx.settings.dashboardConnections;
  const { heavyRepeat: times, scenarioSeconds: seconds } = ctx.settings;
  ctx.log(`held connections: GET ${PROBE} on ${connections} connections, ${times} × ${seconds} s`);
  const runs = await repeatedLoad(ctx, times, () => ({
    connections,
    maxSeconds: seconds,
    timeoutSeconds: 60,
    get: PROBE,
    check: (body) => body.includes('"status":"ok"'),
  }));
  return [
    rowFromRuns(`Held connections only: GET ${PROBE}`, `${connections.toLocaleString('en-US')} conns, ${seconds} s`, runs, null, {
      plannedRuns: times,
      notes: [
        'the floor under the peak RSS target: the server after the scenarios above, its connections asking for liveness only',
        ...heavyRunsNote(ctx.settings),
      ],
    }),
  ];
}
