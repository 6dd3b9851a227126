import { answered } from '../lib/load';
import { repeatedLoad, rowFromRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { allTargets, costTarget, rateTarget } from '../lib/targets';

const ITEM = `query BenchGranteeItem($id: ID!) {
  deedItem(id: $id) { id name level myAccess deed { id name category measureType } }
}`;

const ENTRIES = `query BenchGranteeEntries($owner: ID!, $item: ID!) {
  entries(filter: { ownerId: $owner, deedItemId: $item, includeDescendants: true }, first: 10) {
    totalCount edges { node { id entryDate count scaleValue { id label } } }
  }
}`;

const PER_MINUTE = 50_000;
/**
 * Offered above the target: a run offered exactly the target rate can at best answer it in
 * the run's own time, and the connection set-up and the last answers in flight put every
 * such run a fraction under it (8,348 answers of 8,340 offered read as 49,872 a minute). With
 * more offered than the target, the answers a minute measure what the server sustains.
 */
const OFFERED_PER_MINUTE = 60_000;

/**
 * Seed scenario 4: reads that go through the permission authority, by READ grantees of other
 * users' items, at the seed's rate (50,000 a minute) or more: the granted item with its deed,
 * and the owner's entries under it, in turn.
 */
export async function granteeReads(ctx: BenchContext): Promise<ScenarioRow[]> {
  const grants = ctx.fixtures.readGrants;
  const connections = 100;
  const seconds = ctx.settings.scenarioSeconds;
  const times = ctx.settings.repeat;
  ctx.log(`grantee reads: ${OFFERED_PER_MINUTE}/min offered on ${connections} connections, ${times} × ${seconds} s (${grants.length} grantees)`);
  const runs = await repeatedLoad(ctx, times, () => ({
    connections,
    // Whole requests per second, rounded up: autocannon spreads them over the connections.
    overallRate: Math.ceil(OFFERED_PER_MINUTE / 60),
    maxSeconds: seconds,
    request: (n) => {
      const grant = grants[Math.floor(n / 2) % grants.length]!;
      return n % 2 === 0
        ? { operationName: 'BenchGranteeItem', query: ITEM, variables: { id: grant.itemId }, token: grant.grantee.token }
        : {
            operationName: 'BenchGranteeEntries',
            query: ENTRIES,
            variables: { owner: grant.ownerId, item: grant.itemId },
            token: grant.grantee.token,
          };
    },
    check: (body) => answered(body) && !body.includes('"deedItem":null'),
  }));
  return [
    rowFromRuns(
      'Permission-checked reads (READ grantee)',
      `${OFFERED_PER_MINUTE.toLocaleString('en-US')}/min offered, ${connections} conns, ${seconds} s`,
      runs,
      (m) => allTargets(rateTarget(PER_MINUTE, m.requestsPerSecond), costTarget('CPU', 2, m.cpuMsPerRequest)),
      {
        plannedRuns: times,
        notes: ['half deedItem(id) with its deed, half entries(ownerId, deedItemId, includeDescendants) first 10 with totalCount'],
      },
    ),
  ];
}
