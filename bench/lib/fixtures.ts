import { Client } from 'pg';
import { accessTokenKey, signAccessToken } from '../../src/auth/access-token';
import { DEMO_PASSWORD } from '../../src/ops/demo-data';

/** A demo user acting in the scenarios, logged in through the API. */
export interface Actor {
  id: string;
  email: string;
  token: string;
}

/** An item of an owner and a value its deed accepts (recordEntry input without the date). */
export interface EntrySlot {
  deedItemId: string;
  value: { scaleValueId: string } | { count: string };
}

export interface Owner extends Actor {
  slots: EntrySlot[];
}

/** A READ grant: `grantee` may read `itemId` of `ownerId` and what lies under it. */
export interface ReadGrant {
  grantee: Actor;
  ownerId: string;
  itemId: string;
}

export interface Fixtures {
  owners: Owner[];
  readGrants: ReadGrant[];
  /** The earliest entry date in the data: new slots are dated before it, so every write creates. */
  earliestEntryDate: string;
}

async function query<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How the benchmark gets its actors' access tokens. */
export type TokenSource = { kind: 'login'; graphqlUrl: string } | { kind: 'sign'; jwtSecret: string };

/**
 * Access tokens for the demo accounts: signed with the server's key when the benchmark
 * started the server (hundreds of argon2 logins would take a minute on 2 cores and are not
 * what is measured), else by logging in through the API.
 */
async function tokensFor(source: TokenSource, users: ReadonlyArray<{ id: string; email: string }>): Promise<Map<string, string>> {
  if (source.kind === 'login') return login(source.graphqlUrl, users.map((user) => user.email));
  const key = accessTokenKey(source.jwtSecret);
  const tokens = new Map<string, string>();
  for (const user of users) tokens.set(user.email, (await signAccessToken(BigInt(user.id), key)).token);
  return tokens;
}

/** Logs the demo accounts in through the API, a few at a time (argon2 is slow on purpose). */
async function login(graphqlUrl: string, emails: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const queue = [...new Set(emails)];
  const worker = async () => {
    for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation BenchLogin($input: LoginInput!) { login(input: $input) { token } }',
          variables: { input: { email, password: DEMO_PASSWORD } },
        }),
      });
      const body = (await response.json()) as { data?: { login?: { token: string } }; errors?: unknown[] };
      if (!body.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(body.errors)}`);
      tokens.set(email, body.data.login.token);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}

/**
 * Who does what in the scenarios, read from the demo data: the first `owners` users with all
 * their live items, and up to `grantees` users holding an active READ grant (one grant each).
 */
export async function loadFixtures(
  databaseUrl: string,
  tokenSource: TokenSource,
  counts: { owners: number; grantees: number },
): Promise<Fixtures> {
  const slotRows = await query<{ id: string; email: string; item: string; scale_value: string | null }>(
    databaseUrl,
    `SELECT u.user_id::text AS id, u.email, i.deed_item_id::text AS item,
            (SELECT v.scale_value_id::text FROM scales s JOIN scale_values v ON v.scale_id = s.scale_id
             WHERE s.deed_id = d.deed_id AND s.is_active ORDER BY v.value_order DESC LIMIT 1) AS scale_value
     FROM (SELECT user_id, email FROM users WHERE deleted_at IS NULL ORDER BY user_id LIMIT $1) u
     JOIN deeds d ON d.user_id = u.user_id AND d.deleted_at IS NULL
     JOIN deed_items i ON i.deed_id = d.deed_id AND i.deleted_at IS NULL
     WHERE d.measure_type = 'COUNT' OR EXISTS (SELECT 1 FROM scales s WHERE s.deed_id = d.deed_id AND s.is_active)
     ORDER BY u.user_id, i.deed_item_id`,
    [counts.owners],
  );
  const grantRows = await query<{ grantee: string; email: string; owner: string; item: string }>(
    databaseUrl,
    `SELECT DISTINCT ON (r.requester_id) r.requester_id::text AS grantee, g.email, r.requestee_id::text AS owner,
            p.deed_item_id::text AS item
     FROM permissions p
     JOIN relations r ON r.relation_id = p.relation_id AND r.status = 'ACCEPTED' AND r.deleted_at IS NULL
     JOIN users g ON g.user_id = r.requester_id AND g.deleted_at IS NULL
     WHERE p.is_active AND p.permission_type = 'READ'
     ORDER BY r.requester_id, p.deed_item_id
     LIMIT $1`,
    [counts.grantees],
  );
  const [{ earliest }] = (await query<{ earliest: string | null }>(
    databaseUrl,
    `SELECT to_char(min(entry_date), 'YYYY-MM-DD') AS earliest FROM entries`,
  )) as [{ earliest: string | null }];
  if (slotRows.length === 0 || grantRows.length === 0 || earliest === null) {
    throw new Error('the database holds no demo data to benchmark with (users with items, READ grants, entries)');
  }

  const tokens = await tokensFor(tokenSource, [
    ...slotRows.map((row) => ({ id: row.id, email: row.email })),
    ...grantRows.map((row) => ({ id: row.grantee, email: row.email })),
  ]);
  const owners = new Map<string, Owner>();
  for (const row of slotRows) {
    let owner = owners.get(row.id);
    if (!owner) owners.set(row.id, (owner = { id: row.id, email: row.email, token: tokens.get(row.email)!, slots: [] }));
    owner.slots.push({ deedItemId: row.item, value: row.scale_value ? { scaleValueId: row.scale_value } : { count: '1' } });
  }
  return {
    owners: [...owners.values()],
    readGrants: grantRows.map((row) => ({
      grantee: { id: row.grantee, email: row.email, token: tokens.get(row.email)! },
      ownerId: row.owner,
      itemId: row.item,
    })),
    earliestEntryDate: earliest,
  };
}
