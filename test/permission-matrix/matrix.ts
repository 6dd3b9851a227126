import { Client } from 'pg';
import type { Expected, Operation } from './operations';
import { ACTORS, type Actor, type World } from './world';

/**
 * The matrix runner: one jest test per (operation, actor) cell.
 *
 *   - data: no error, and `result` equal to the expected value;
 *   - error: exactly one error, with that code, and `result` null. A NOT_FOUND must be the
 *     very error the same operation gives for an id that does not exist (the answer must not
 *     tell "hidden" from "missing"), and a refused mutation leaves every table as it was.
 *
 * Cells run in ACTORS order (refused actors first, Owner last); after a cell in which a
 * mutation succeeded its operation's `undo` runs, so the next cell finds the fixture's world.
 */

/** Tables a refused mutation must not touch. */
const WATCHED_TABLES = [
  'users',
  'deeds',
  'deed_items',
  'scales',
  'scale_values',
  'entries',
  'entry_history',
  'relations',
  'permissions',
  'audit_log',
];

/** Row count and md5 of every watched table's rows, in one statement. */
const FINGERPRINT_SQL = `SELECT ${WATCHED_TABLES.map(
  (table) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t) AS ${table}`,
).join(', ')}`;

async function fingerprint(client: Client): Promise<Record<string, string>> {
  return (await client.query<Record<string, string>>(FINGERPRINT_SQL)).rows[0]!;
}

function outcomeName(expected: Expected): string {
  return 'error' in expected ? expected.error : 'data';
}

/** Defines the cells of `operations` for every actor (or only `actors`); `world()` is read when a cell runs. */
export function matrix(title: string, world: () => World, operations: readonly Operation[], actors: readonly Actor[] = ACTORS): void {
  const cells = operations.flatMap((op) => actors.map((actor) => [op.name, actor, outcomeName(op.expect[actor]), op] as const));

  describe(title, () => {
    let client: Client;
    beforeAll(async () => {
      client = new Client({ connectionString: world().app.database.url });
      await client.connect();
    });
    afterAll(() => client.end());

    test.each(cells)('%s | %s → %s', async (_name, actor, _outcome, op) => {
      const w = world();
      const expected = op.expect[actor];
      const token = actor === 'anonymous' ? undefined : w.users[actor].token;
      const refusedMutation = op.document.trimStart().startsWith('mutation') && 'error' in expected;
      const wanted = 'data' in expected && typeof expected.data === 'function' ? expected.data(w) : 'data' in expected ? expected.data : null;
      const before = refusedMutation ? await fingerprint(client) : null;

      const res = await w.app.gql(op.document, op.variables(w, actor), { token });

      if ('error' in expected) {
        expect({ codes: res.errors?.map((e) => e.extensions?.code), result: res.data?.result ?? null }).toEqual({
          codes: [expected.error],
          result: null,
        });
        if (expected.error === 'NOT_FOUND' && op.missing) {
          const missing = await w.app.gql(op.document, op.missing(w), { token });
          expect(res.errors).toEqual(missing.errors);
        }
        if (before) expect(await fingerprint(client)).toEqual(before);
      } else {
        expect(res.errors).toBeUndefined();
        expect(res.data!.result).toEqual(wanted);
        if (op.undo) await op.undo(w, actor);
      }
    });
  });
}
