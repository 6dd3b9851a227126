import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database';
import { databaseFingerprint, withFingerprintClient } from '../../../test/helpers/table-checksums';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { earliestTodayOnEarth } from './clock';
import { DEMO_PASSWORD, DemoDataRefusedError, postgresTarget, seedDemoData, type DemoDataOptions } from './index';
import { TABLE_ORDER } from './tables';

jest.setTimeout(120_000);

// One anchor day for every run of this file, so two seeds compare equal even across midnight.
const options: DemoDataOptions = { users: 6, days: 30, seed: 'demo-data-test', today: earliestTodayOnEarth() };

async function seed(database: TestDatabase, extra: Partial<DemoDataOptions> = {}) {
  const target = postgresTarget(database.url);
  try {
    return await seedDemoData(target, { ...options, ...extra });
  } finally {
    await target.close();
  }
}

async function count(database: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  return withFingerprintClient(database.url, async (client) => {
    const { rows } = await client.query<{ n: number }>(sql, params);
    return rows[0]!.n;
  });
}

describe('demo data (6 users × 30 days)', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let rows: Record<string, number>;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    rows = (await seed(first)).rows;
    await seed(second);
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it('fills every table it knows, and the counts it reports are the rows in the database', async () => {
    const fingerprint = await databaseFingerprint(first.url);
    for (const table of TABLE_ORDER) {
      expect([table, rows[table]]).toEqual([table, fingerprint.tables[table]!.rows]);
      expect([table, rows[table]! > 0]).toEqual([table, true]);
    }
    expect(rows.users).toBe(6);
  });

  it('leaves every table vacuumed and analyzed, so autovacuum has no first pass left to run under load', async () => {
    const done = await count(
      first,
      `SELECT count(*)::int AS n FROM pg_stat_user_tables
       WHERE relname = ANY ($1) AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL`,
      [TABLE_ORDER],
    );
    expect(done).toBe(TABLE_ORDER.length);
  });

  it('is deterministic: two fresh databases get identical rows and sequence positions', async () => {
    expect(await databaseFingerprint(second.url)).toEqual(await databaseFingerprint(first.url));
  });

  it('has the shapes the API expects: both categories and measure types, three levels, CREATED history per entry', async () => {
    expect(await count(first, `SELECT count(DISTINCT (category_type, measure_type))::int AS n FROM deeds`)).toBe(4);
    expect(await count(first, `SELECT max(level)::int AS n FROM deed_items`)).toBe(3);
    expect(
      await count(first, `SELECT count(*)::int AS n FROM entries e WHERE NOT EXISTS (
        SELECT 1 FROM entry_history h WHERE h.entry_id = e.entry_id AND h.action = 'CREATED')`),
    ).toBe(0);
    // Every SCALE deed has exactly one active scale, and entries use values of their own scale.
    expect(
      await count(first, `SELECT count(*)::int AS n FROM deeds d WHERE d.measure_type = 'SCALE'
        AND (SELECT count(*) FROM scales s WHERE s.deed_id = d.deed_id AND s.is_active) <> 1`),
    ).toBe(0);
    expect(
      await count(first, `SELECT count(*)::int AS n FROM entries e JOIN scale_values v ON v.scale_value_id = e.scale_value_id
        WHERE v.scale_id <> e.scale_id`),
    ).toBe(0);
    expect(await count(first, `SELECT count(*)::int AS n FROM entries WHERE entry_date > $1::date`, [options.today])).toBe(0);
  });

  it('refuses a database that has users and leaves it unchanged; --reset reseeds it identically', async () => {
    const before = await databaseFingerprint(first.url);
    await expect(seed(first)).rejects.toBeInstanceOf(DemoDataRefusedError);
    expect(await databaseFingerprint(first.url)).toEqual(before);

    await seed(first, { reset: true });
    expect(await databaseFingerprint(first.url)).toEqual(before);
  });

  describe('through the API', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({}, { database: first });
    });

    afterAll(async () => {
      await app?.stop();
    });

    async function login(email: string): Promise<string> {
      const res = await app.gql<{ login: { token: string } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.login.token;
    }

    it('a demo user logs in with the demo password and sees their entries on the dashboard', async () => {
      const token = await login('demo-1@example.com');
      const res = await app.gql<{
        me: { emailVerified: boolean };
        dashboard: { dateFrom: string; dateTo: string; categories: Array<{ entryCount: number }> };
      }>('{ me { emailVerified } dashboard(days: 30) { dateFrom dateTo categories { entryCount } } }', {}, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.me.emailVerified).toBe(true);
      const { dateFrom, dateTo, categories } = res.data!.dashboard;
      const shown = categories.reduce((sum, c) => sum + c.entryCount, 0);
      const stored = await count(
        first,
        `SELECT count(*)::int AS n FROM entries WHERE user_id = 1 AND deleted_at IS NULL AND entry_date BETWEEN $1 AND $2`,
        [dateFrom, dateTo],
      );
      expect(shown).toBe(stored);
      expect(shown).toBeGreaterThan(0);
    });

    it('a grantee reads the granted item and the owner’s entries under it', async () => {
      const grant = await withFingerprintClient(first.url, async (client) => {
        const { rows } = await client.query<{ grantee: string; owner: string; item: string; entries: number }>(`
          SELECT r.requester_id::text AS grantee, r.requestee_id::text AS owner, p.deed_item_id::text AS item,
            (SELECT count(*)::int FROM entries e JOIN deed_items i ON i.deed_item_id = e.deed_item_id
             WHERE i.deed_item_id = p.deed_item_id OR i.parent_deed_item_id = p.deed_item_id
                OR i.parent_deed_item_id IN (SELECT c.deed_item_id FROM deed_items c WHERE c.parent_deed_item_id = p.deed_item_id)) AS entries
          FROM permissions p JOIN relations r ON r.relation_id = p.relation_id
          WHERE p.is_active AND r.status = 'ACCEPTED'
          ORDER BY entries DESC, p.permission_id LIMIT 1`);
        return rows[0]!;
      });
      expect(grant.entries).toBeGreaterThan(0);
      const token = await login(`demo-${grant.grantee}@example.com`);
      const res = await app.gql<{ deedItem: { id: string }; entries: { totalCount: number } }>(
        `query ($item: ID!, $owner: ID!) {
          deedItem(id: $item) { id }
          entries(filter: { ownerId: $owner, deedItemId: $item, includeDescendants: true }) { totalCount }
        }`,
        { item: grant.item, owner: grant.owner },
        { token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.deedItem.id).toBe(grant.item);
      expect(res.data!.entries.totalCount).toBe(grant.entries);
    });

    it('new rows continue after the demo ids (sequences advanced)', async () => {
      const token = await login('demo-2@example.com');
      const slot = await withFingerprintClient(first.url, async (client) => {
        const { rows } = await client.query<{ item: string; count_deed: boolean; value: string | null; max: string }>(`
          SELECT i.deed_item_id::text AS item, d.measure_type = 'COUNT' AS count_deed,
                 (SELECT v.scale_value_id::text FROM scales s JOIN scale_values v ON v.scale_id = s.scale_id
                  WHERE s.deed_id = d.deed_id AND s.is_active ORDER BY v.value_order LIMIT 1) AS value,
                 (SELECT max(entry_id)::text FROM entries) AS max
          FROM deed_items i JOIN deeds d ON d.deed_id = i.deed_id
          WHERE d.user_id = 2 ORDER BY i.deed_item_id LIMIT 1`);
        return rows[0]!;
      });
      const res = await app.gql<{ recordEntry: { outcome: string; entry: { id: string } } }>(
        'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome entry { id } } }',
        {
          input: {
            deedItemId: slot.item,
            entryDate: '2001-01-01',
            ...(slot.count_deed ? { count: '3' } : { scaleValueId: slot.value }),
          },
        },
        { token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordEntry).toEqual({ outcome: 'CREATED', entry: { id: String(BigInt(slot.max) + 1n) } });
    });
  });
});
