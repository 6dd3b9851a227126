import { answered } from '../lib/load';
import { bothTargets, measuredLoad, p95Target, rateTarget, rowFromLoad, type BenchContext, type ScenarioRow } from '../lib/scenario';

const RECORD_ENTRY = `mutation BenchRecordEntry($input: RecordEntryInput!) {
  recordEntry(input: $input) { outcome entry { id entryDate } }
}`;

const PER_MINUTE = 10_000;
const DAY_MS = 86_400_000;

/**
 * Seed scenario 2: entries recorded at the seed's rate (10,000 a minute offered), each into
 * a slot nobody wrote before (owners in turn, their items in turn, dates going back from the
 * day before the earliest demo entry), so every answer must be CREATED.
 */
export async function entryCreation(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const firstFree = Date.parse(`${ctx.fixtures.earliestEntryDate}T00:00:00Z`) - DAY_MS;
  const connections = 32;
  ctx.log(`entry creation: ${PER_MINUTE}/min offered on ${connections} connections for ${ctx.settings.scenarioSeconds} s`);
  const result = await measuredLoad(ctx, ['BenchRecordEntry'], {
    connections,
    overallRate: PER_MINUTE / 60,
    maxSeconds: ctx.settings.scenarioSeconds,
    request: (n) => {
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
    check: (body) => answered(body, '"outcome":"CREATED"'),
  });
  return [
    rowFromLoad(
      'Entry creation (recordEntry)',
      `${PER_MINUTE.toLocaleString('en-US')}/min offered, ${connections} conns, ${ctx.settings.scenarioSeconds} s`,
      result,
      bothTargets(p95Target(50, result.latency), rateTarget(PER_MINUTE, result.requestsPerSecond, result.errors)),
    ),
  ];
}
