import type { Owner } from '../lib/fixtures';
import { answered, askEach } from '../lib/load';
import { rowFromRuns, steadyRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { allTargets, costTarget } from '../lib/targets';

const CONNECTIONS = 50;
const PAGE = 100;
const NODE = 'id entryDate count deedItem { name level deed { name category } } createdBy { fullName }';
const ENTRIES = `query BenchEntries { entries(first: ${PAGE}) { edges { node { ${NODE} } } } }`;
const ENTRIES_TOTAL = `query BenchEntriesTotal { entries(first: ${PAGE}) { totalCount edges { node { ${NODE} } } } }`;
const PROBE = `query BenchEntriesProbe { entries(first: 1) { totalCount } }`;

/** How often `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Every owner's number of visible entries, asked of the API before the runs. */
async function totalCounts(ctx: BenchContext, owners: readonly Owner[]): Promise<Map<string, number>> {
  const bodies = await askEach(ctx.graphqlUrl, owners, (owner) => ({ operationName: 'BenchEntriesProbe', query: PROBE, token: owner.token }));
  const totals = new Map<string, number>();
  owners.forEach((owner, index) => {
    const body = bodies[index]!;
    const total = /"totalCount":(\d+)/.exec(body)?.[1];
    if (!answered(body) || total === undefined) throw new Error(`entries probe failed: ${body.slice(0, 300)}`);
    totals.set(owner.id, Number(total));
  });
  return totals;
}

/**
 * A correct page: `edges` nodes, each with its item, deed and author, and the owner's exact
 * total when it was asked for. `expected` is "edges/total".
 */
function correctPage(body: string, expected: string | undefined, withTotal: boolean): boolean {
  if (expected === undefined || !answered(body)) return false;
  const [edges, total] = expected.split('/').map(Number) as [number, number];
  if (withTotal ? !body.includes(`"totalCount":${total}`) : body.includes('"totalCount"')) return false;
  return (
    occurrences(body, '"entryDate":') === edges &&
    occurrences(body, '"deed":{"name":') === edges &&
    occurrences(body, '"createdBy":{"fullName":"') === edges
  );
}

async function ownerEntries(ctx: BenchContext, withTotal: boolean): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const totals = await totalCounts(ctx, owners);
  const name = withTotal ? 'entries(first: 100) with totalCount' : 'entries(first: 100)';
  ctx.log(`${name}: ${CONNECTIONS} connections, ${ctx.settings.repeat} × ${ctx.settings.scenarioSeconds} s (${owners.length} owners)`);
  const operationName = withTotal ? 'BenchEntriesTotal' : 'BenchEntries';
  const query = withTotal ? ENTRIES_TOTAL : ENTRIES;
  const runs = await steadyRuns(ctx, CONNECTIONS, {
    request: (n) => {
      const owner = owners[n % owners.length]!;
      const total = totals.get(owner.id)!;
      return { operationName, query, token: owner.token, expect: `${Math.min(PAGE, total)}/${total}` };
    },
    check: (body, expected) => correctPage(body, expected, withTotal),
  });
  const meanTotal = [...totals.values()].reduce((sum, total) => sum + total, 0) / Math.max(1, totals.size);
  return [
    rowFromRuns(
      `Owner's ${name}, nested`,
      `${CONNECTIONS} conns, ${ctx.settings.scenarioSeconds} s`,
      runs,
      (m) => allTargets(costTarget('CPU', 2, m.cpuMsPerRequest), costTarget('DB', withTotal ? 2 : 1, m.dbMsPerRequest)),
      {
        plannedRuns: ctx.settings.repeat,
        notes: [
          `each owner (${owners.length}) with their own token, in turn; node { ${NODE} }; owners hold ${Math.round(meanTotal).toLocaleString('en-US')} entries on average`,
        ],
      },
    ),
  ];
}

/** The owner's newest 100 entries with their items, deeds and authors, without totalCount. */
export function entries(ctx: BenchContext): Promise<ScenarioRow[]> {
  return ownerEntries(ctx, false);
}

/** The same page with totalCount selected: an exact count of every entry of the owner. */
export function entriesTotal(ctx: BenchContext): Promise<ScenarioRow[]> {
  return ownerEntries(ctx, true);
}
