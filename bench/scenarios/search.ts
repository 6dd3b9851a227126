import { answered } from '../lib/load';
import { rowFromRuns, steadyRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { p95Target } from '../lib/targets';

const CONNECTIONS = 10;
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
 * request another owner and another query, on a few connections: what one search costs,
 * judged by p95 < 50 ms.
 */
export async function search(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  ctx.log(`search: ${CONNECTIONS} connections, ${ctx.settings.repeat} × ${ctx.settings.scenarioSeconds} s (${owners.length} owners, ${QUERIES.length} queries)`);
  const runs = await steadyRuns(ctx, CONNECTIONS, {
    request: (n) => {
      const owner = owners[n % owners.length]!;
      const query = QUERIES[Math.floor(n / owners.length) % QUERIES.length]!;
      return { operationName: 'BenchSearch', query: SEARCH, variables: { query }, token: owner.token };
    },
    check: (body) => answered(body, '"search":{"totalCount":'),
  });
  return [
    rowFromRuns(
      'search(query) first 20, own data',
      `${CONNECTIONS} conns, ${ctx.settings.scenarioSeconds} s`,
      runs,
      (m) => p95Target(50, m.latency),
      {
        plannedRuns: ctx.settings.repeat,
        notes: [`one owner per request in turn (${owners.length}), queries: ${QUERIES.join(' | ')}`],
      },
    ),
  ];
}
