import { answered } from '../lib/load';
import { rowFromRuns, steadyRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { p95Target } from '../lib/targets';

const CONNECTIONS = 10;
/** One user searching: each search sent when the last one is answered. */
const ONE_USER = 1;
const SEARCH = `query BenchSearch($query: String!) {
  search(query: $query, first: 20) {
    totalCount
    edges { node { kind rank snippet { text highlights { start length } } } }
  }
}`;

/**
 * Words of the demo data (src/ops/demo-data/catalog.ts): entry notes, deed and item names,
 * reflections; a prefix as typed, a phrase, an exclusion, a word found nowhere.
 */
const QUERIES = ['family', 'day', 'fajr', 'grateful', 'tire', '"long day"', 'prayers -fajr', 'calm or focused', 'salah', 'zzzz'];

/**
 * Issue 12: one user's full-text search over their year of data (200 × 365 demo data), each
 * request another owner and another query, judged by p95 < 50 ms. Two loads: a few
 * connections sending as fast as answers come (what a search costs: CPU and database time per
 * request, comparable across runs), and one connection, a user waiting for each answer. With
 * ten connections the server is saturated and a request's latency is mostly its wait behind
 * the other nine (about connections / throughput); one connection measures a search itself.
 */
export async function search(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  const request = (n: number) => {
    const owner = owners[n % owners.length]!;
    const query = QUERIES[Math.floor(n / owners.length) % QUERIES.length]!;
    return { operationName: 'BenchSearch', query: SEARCH, variables: { query }, token: owner.token };
  };
  const check = (body: string) => answered(body, '"search":{"totalCount":');
  const notes = [`one owner per request in turn (${owners.length}), queries: ${QUERIES.join(' | ')}`];
  const rows: ScenarioRow[] = [];
  for (const connections of [CONNECTIONS, ONE_USER]) {
    ctx.log(`search: ${connections} connection(s), ${ctx.settings.repeat} × ${ctx.settings.scenarioSeconds} s (${owners.length} owners, ${QUERIES.length} queries)`);
    const runs = await steadyRuns(ctx, connections, { request, check });
    const load = `${connections === ONE_USER ? '1 conn (one user)' : `${connections} conns`}, ${ctx.settings.scenarioSeconds} s`;
    rows.push(
      rowFromRuns('search(query) first 20, own data', load, runs, (m) => p95Target(50, m.latency), {
        plannedRuns: ctx.settings.repeat,
        notes,
      }),
    );
  }
  return rows;
}
