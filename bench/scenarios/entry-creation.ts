import { answered } from '../lib/load';
import { repeatedLoad, rowFromRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { allTargets, p95Target, rateTarget } from '../lib/targets';

const RECORD_ENTRY = `mutation BenchRecordEntry($input: RecordEntryInput!) {
  recordEntry(input: $input) { outcome entry { id entryDate } }
}`;

const PER_MINUTE = 10_000;
const DAY_MS = 86_400_000;
const WARM_UP_SECONDS = 5;

/**
 * Seed scenario 2: entries recorded at the seed's rate (10,000 a minute offered), each into
 * a slot nobody wrote before (owners in turn, their items in turn, dates going back from the
 * day before the earliest demo entry; later runs go on where earlier ones stopped), so every
 * answer must be CREATED.
 */
export async function entryCreation(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const firstFree = Date.parse(`${ctx.fixtures.earliestEntryDate}T00:00:00Z`) - DAY_MS;
  const connections = 32;
  const seconds = ctx.settings.scenarioSeconds;
  const times = ctx.settings.repeat;
  let written = 0;
  ctx.log(`entry creation: ${PER_MINUTE}/min offered on ${connections} connections, ${times} × ${seconds} s`);
  const load = (maxSeconds: number) => ({
    connections,
    // Whole requests per second, rounded up, arriving evenly (lib/steady-load.ts): the target
    // is a latency at this rate, not under a burst of all connections at once.
    overallRate: Math.ceil(PER_MINUTE / 60),
    steadyArrivals: true,
    maxSeconds,
    request: () => {
      const n = written++;
      const owner = owners[n % owners.length]!;
      const turn = Math.floor(n / owners.length);
      const slot = owner.slots[turn % owner.slots.length]!;
      const entryDate = new Date(firstFree - Math.floor(turn / owner.slots.length) * DAY_MS).toISOString().slice(0, 10);
      return {
        operationName: 'BenchRecordEntry',
        query: RECORD_ENTRY,
        variables: { input: { deedItemId: slot.deedItemId, entryDate, ...slot.value } },
        token: owner.token,
      };
    },
    check: (body: string) => answered(body, '"outcome":"CREATED"'),
  });
  // The warm-up writes slots of its own too (the counter goes on): the server's write path is
  // compiled before the measured runs, which an open-loop rate would otherwise queue behind.
  const runs = await repeatedLoad(ctx, times, () => load(seconds), load(WARM_UP_SECONDS));
  return [
    rowFromRuns(
      'Entry creation (recordEntry)',
      `${PER_MINUTE.toLocaleString('en-US')}/min offered, ${connections} conns, ${seconds} s`,
      runs,
      (m) => allTargets(p95Target(50, m.latency), rateTarget(PER_MINUTE, m.requestsPerSecond)),
      { plannedRuns: times },
    ),
  ];
}
