import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

/**
 * One test per rule the database itself keeps (issue 2, item 3): each write below breaks
 * exactly one rule and must be refused by PostgreSQL, not by application code.
 */

let db: TestDatabase;
let sql: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = new Client({ connectionString: db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

async function one<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T> {
  const result = await sql.query(text, params);
  return result.rows[0] as T;
}

/** Runs `text` in a savepoint-free way and returns the constraint PostgreSQL named. */
async function violation(text: string, params: unknown[] = []): Promise<string> {
  try {
    await sql.query(text, params);
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    return `${e.code}:${e.constraint ?? ''}`;
  }
  throw new Error(`expected the database to refuse: ${text}`);
}

let seq = 0;
async function user(): Promise<string> {
  seq += 1;
  const row = await one<{ user_id: string }>(
    `INSERT INTO users (email, password_hash, full_name) VALUES ($1, 'x', 'U') RETURNING user_id`,
    [`user${seq}@example.test`],
  );
  return row.user_id;
}

async function deed(userId: string, measure: 'SCALE' | 'COUNT' = 'COUNT'): Promise<string> {
  const row = await one<{ deed_id: string }>(
    `INSERT INTO deeds (user_id, name, category_type, measure_type) VALUES ($1, 'D', 'HASANAAT', $2) RETURNING deed_id`,
    [userId, measure],
  );
  return row.deed_id;
}

async function item(deedId: string, parentId: string | null = null, level = 1): Promise<string> {
  const row = await one<{ deed_item_id: string }>(
    `INSERT INTO deed_items (deed_id, parent_deed_item_id, name, level) VALUES ($1, $2, 'I', $3) RETURNING deed_item_id`,
    [deedId, parentId, level],
  );
  return row.deed_item_id;
}

async function entry(userId: string, itemId: string, date = '2025-01-01', count: string | null = '1'): Promise<string> {
  const row = await one<{ entry_id: string }>(
    `INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date, count_value)
     VALUES ($1, $1, $2, $3, $4) RETURNING entry_id`,
    [userId, itemId, date, count],
  );
  return row.entry_id;
}

async function relation(requester: string, requestee: string, status = 'ACCEPTED'): Promise<string> {
  const row = await one<{ relation_id: string }>(
    `INSERT INTO relations (requester_id, requestee_id, status) VALUES ($1, $2, $3) RETURNING relation_id`,
    [requester, requestee, status],
  );
  return row.relation_id;
}

async function scale(deedId: string, version: number, active = false): Promise<string> {
  const row = await one<{ scale_id: string }>(
    `INSERT INTO scales (deed_id, version, is_active) VALUES ($1, $2, $3) RETURNING scale_id`,
    [deedId, version, active],
  );
  return row.scale_id;
}

async function scaleValue(scaleId: string, order: number): Promise<string> {
  const row = await one<{ scale_value_id: string }>(
    `INSERT INTO scale_values (scale_id, value_name, value_order) VALUES ($1, $2, $3) RETURNING scale_value_id`,
    [scaleId, `v${order}`, order],
  );
  return row.scale_value_id;
}

describe('CHECK constraints', () => {
  test('a root item has level 1', async () => {
    const d = await deed(await user());
    expect(await violation(`INSERT INTO deed_items (deed_id, name, level) VALUES ($1, 'r', 2)`, [d])).toBe(
      '23514:chk_deed_items_level',
    );
  });

  test('a child item has a level above 1', async () => {
    const d = await deed(await user());
    const root = await item(d);
    expect(
      await violation(`INSERT INTO deed_items (deed_id, parent_deed_item_id, name, level) VALUES ($1, $2, 'c', 1)`, [d, root]),
    ).toBe('23514:chk_deed_items_level');
  });

  test('no item is deeper than level 10', async () => {
    const d = await deed(await user());
    const root = await item(d);
    expect(
      await violation(`INSERT INTO deed_items (deed_id, parent_deed_item_id, name, level) VALUES ($1, $2, 'c', 11)`, [d, root]),
    ).toBe('23514:chk_deed_items_level');
  });

  test('an entry has a value', async () => {
    const u = await user();
    const i = await item(await deed(u));
    expect(
      await violation(
        `INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date) VALUES ($1, $1, $2, '2025-01-01')`,
        [u, i],
      ),
    ).toBe('23514:chk_entries_exactly_one_value');
  });

  test('an entry has exactly one value, not both', async () => {
    const u = await user();
    const d = await deed(u, 'SCALE');
    const i = await item(d);
    const v = await scaleValue(await scale(d, 1, true), 1);
    expect(
      await violation(
        `INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date, scale_value_id, count_value)
         VALUES ($1, $1, $2, '2025-01-01', $3, 1)`,
        [u, i, v],
      ),
    ).toBe('23514:chk_entries_exactly_one_value');
  });

  test('an entry count is not negative', async () => {
    const u = await user();
    const i = await item(await deed(u));
    expect(
      await violation(
        `INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date, count_value) VALUES ($1, $1, $2, '2025-01-01', -1)`,
        [u, i],
      ),
    ).toBe('23514:chk_entries_count_non_negative');
  });

  test('nobody is in a relation with themself', async () => {
    const u = await user();
    expect(await violation(`INSERT INTO relations (requester_id, requestee_id) VALUES ($1, $1)`, [u])).toBe(
      '23514:chk_relations_not_self',
    );
  });

  test('a target ends on or after its start', async () => {
    const u = await user();
    expect(
      await violation(
        `INSERT INTO targets (user_id, name, start_date, end_date) VALUES ($1, 't', '2025-02-01', '2025-01-31')`,
        [u],
      ),
    ).toBe('23514:chk_targets_date_range');
  });

  test('a merit lasts at least one day', async () => {
    const u = await user();
    const d = await deed(u);
    expect(
      await violation(
        `INSERT INTO merits (user_id, deed_id, name, start_date, duration_days) VALUES ($1, $2, 'm', '2025-01-01', 0)`,
        [u, d],
      ),
    ).toBe('23514:chk_merits_duration_positive');
  });

  test('a merit item requires a positive amount', async () => {
    const u = await user();
    const d = await deed(u);
    const i = await item(d);
    const m = await one<{ merit_id: string }>(
      `INSERT INTO merits (user_id, deed_id, name, start_date) VALUES ($1, $2, 'm', '2025-01-01') RETURNING merit_id`,
      [u, d],
    );
    expect(
      await violation(`INSERT INTO merit_items (merit_id, deed_item_id, required_amount) VALUES ($1, $2, 0)`, [m.merit_id, i]),
    ).toBe('23514:chk_merit_items_required_positive');
  });

  test('a target item requires a positive amount', async () => {
    const u = await user();
    const i = await item(await deed(u));
    const t = await one<{ target_id: string }>(
      `INSERT INTO targets (user_id, name, start_date, end_date) VALUES ($1, 't', '2025-01-01', '2025-01-31') RETURNING target_id`,
      [u],
    );
    expect(
      await violation(`INSERT INTO target_items (target_id, deed_item_id, required_amount) VALUES ($1, $2, -5)`, [t.target_id, i]),
    ).toBe('23514:chk_target_items_required_positive');
  });
});

describe('UNIQUE constraints', () => {
  test('one entry per (owner, deed item, date), deleted rows included', async () => {
    const u = await user();
    const i = await item(await deed(u));
    const e = await entry(u, i);
    await sql.query(`UPDATE entries SET deleted_at = now() WHERE entry_id = $1`, [e]);
    expect(
      await violation(
        `INSERT INTO entries (user_id, created_by_user_id, deed_item_id, entry_date, count_value) VALUES ($1, $1, $2, '2025-01-01', 2)`,
        [u, i],
      ),
    ).toBe('23505:unique_user_deed_item_date');
  });

  test('one reflection per (user, date, type)', async () => {
    const u = await user();
    const insert = `INSERT INTO reflection_messages (user_id, reflection_date, reflection_type, content) VALUES ($1, '2025-01-01', 'DAILY', 'x')`;
    await sql.query(insert, [u]);
    expect(await violation(insert, [u])).toBe('23505:uq_reflection_messages_user_date_type');
  });

  test('one active reminder per user; inactive ones may pile up', async () => {
    const u = await user();
    const insert = `INSERT INTO notifications (user_id, notification_time, timezone, is_active) VALUES ($1, '08:00', 'UTC', $2)`;
    await sql.query(insert, [u, false]);
    await sql.query(insert, [u, false]);
    await sql.query(insert, [u, true]);
    expect(await violation(insert, [u, true])).toBe('23505:uq_notifications_one_active_per_user');
  });

  test('one live account per email; a deleted account frees it', async () => {
    const email = 'same@example.test';
    await sql.query(`INSERT INTO users (email, password_hash, full_name) VALUES ($1, 'x', 'A')`, [email]);
    expect(await violation(`INSERT INTO users (email, password_hash, full_name) VALUES ($1, 'x', 'B')`, [email])).toBe(
      '23505:uq_users_email_live',
    );
    await sql.query(`UPDATE users SET deleted_at = now() WHERE email = $1`, [email]);
    await sql.query(`INSERT INTO users (email, password_hash, full_name) VALUES ($1, 'x', 'C')`, [email]);
  });

  test('one live relation per ordered pair', async () => {
    const a = await user();
    const b = await user();
    await relation(a, b, 'PENDING');
    expect(await violation(`INSERT INTO relations (requester_id, requestee_id) VALUES ($1, $2)`, [a, b])).toBe(
      '23505:uq_relations_live_pair',
    );
    await relation(b, a, 'PENDING');
  });

  test('one active permission version per (relation, deed item)', async () => {
    const a = await user();
    const b = await user();
    const r = await relation(a, b);
    const i = await item(await deed(b));
    const insert = `INSERT INTO permissions (relation_id, deed_item_id, permission_type, version, is_active) VALUES ($1, $2, 'READ', $3, $4)`;
    await sql.query(insert, [r, i, 1, true]);
    expect(await violation(insert, [r, i, 2, true])).toBe('23505:uq_permissions_one_active');
    expect(await violation(insert, [r, i, 1, false])).toBe('23505:uq_permissions_version');
  });

  test('one active scale per deed, versions unique, value orders unique', async () => {
    const d = await deed(await user(), 'SCALE');
    const s = await scale(d, 1, true);
    expect(await violation(`INSERT INTO scales (deed_id, version, is_active) VALUES ($1, 2, true)`, [d])).toBe(
      '23505:uq_scales_one_active_per_deed',
    );
    expect(await violation(`INSERT INTO scales (deed_id, version) VALUES ($1, 1)`, [d])).toBe('23505:uq_scales_deed_version');
    await scaleValue(s, 1);
    expect(await violation(`INSERT INTO scale_values (scale_id, value_name, value_order) VALUES ($1, 'dup', 1)`, [s])).toBe(
      '23505:uq_scale_values_scale_order',
    );
  });
});

describe('foreign-key actions', () => {
  test('deleting a user cascades to their deeds and items', async () => {
    const u = await user();
    const d = await deed(u);
    const i = await item(d);
    await sql.query(`DELETE FROM users WHERE user_id = $1`, [u]);
    expect((await sql.query(`SELECT 1 FROM deeds WHERE deed_id = $1`, [d])).rowCount).toBe(0);
    expect((await sql.query(`SELECT 1 FROM deed_items WHERE deed_item_id = $1`, [i])).rowCount).toBe(0);
  });

  test('a deed item with entries cannot be deleted (RESTRICT)', async () => {
    const u = await user();
    const i = await item(await deed(u));
    await entry(u, i);
    expect(await violation(`DELETE FROM deed_items WHERE deed_item_id = $1`, [i])).toBe('23503:entries_deed_item_id_fkey');
    // RESTRICT, not the deferrable NO ACTION default: checked at once even inside a transaction.
    const fk = await one<{ confdeltype: string }>(
      `SELECT confdeltype FROM pg_constraint WHERE conname = 'entries_deed_item_id_fkey'`,
    );
    expect(fk.confdeltype).toBe('r');
  });

  test('deleting an entry cascades to its history', async () => {
    const u = await user();
    const e = await entry(u, await item(await deed(u)));
    await sql.query(
      `INSERT INTO entry_history (entry_id, action, changed_by_user_id, new_count_value) VALUES ($1, 'CREATED', $2, 1)`,
      [e, u],
    );
    await sql.query(`DELETE FROM entries WHERE entry_id = $1`, [e]);
    expect((await sql.query(`SELECT 1 FROM entry_history WHERE entry_id = $1`, [e])).rowCount).toBe(0);
  });

  test('deleting a relation cascades to its permissions', async () => {
    const a = await user();
    const b = await user();
    const r = await relation(a, b);
    await sql.query(
      `INSERT INTO permissions (relation_id, deed_item_id, permission_type, version) VALUES ($1, $2, 'READ', 1)`,
      [r, await item(await deed(b))],
    );
    await sql.query(`DELETE FROM relations WHERE relation_id = $1`, [r]);
    expect((await sql.query(`SELECT 1 FROM permissions WHERE relation_id = $1`, [r])).rowCount).toBe(0);
  });

  test('deleting a scale sets optional entry references to NULL', async () => {
    const u = await user();
    const d = await deed(u, 'SCALE');
    const s = await scale(d, 1);
    const e = await entry(u, await item(d));
    await sql.query(`UPDATE entries SET scale_id = $1 WHERE entry_id = $2`, [s, e]);
    await sql.query(`DELETE FROM scales WHERE scale_id = $1`, [s]);
    const row = await one<{ scale_id: string | null }>(`SELECT scale_id FROM entries WHERE entry_id = $1`, [e]);
    expect(row.scale_id).toBeNull();
  });

  test('deleting a scale value sets merit item references to NULL', async () => {
    const u = await user();
    const d = await deed(u, 'SCALE');
    const v = await scaleValue(await scale(d, 1), 1);
    const m = await one<{ merit_id: string }>(
      `INSERT INTO merits (user_id, deed_id, name, start_date) VALUES ($1, $2, 'm', '2025-01-01') RETURNING merit_id`,
      [u, d],
    );
    const mi = await one<{ merit_item_id: string }>(
      `INSERT INTO merit_items (merit_id, deed_item_id, scale_value_id, required_amount) VALUES ($1, $2, $3, 1) RETURNING merit_item_id`,
      [m.merit_id, await item(d), v],
    );
    await sql.query(`DELETE FROM scale_values WHERE scale_value_id = $1`, [v]);
    const row = await one<{ scale_value_id: string | null }>(`SELECT scale_value_id FROM merit_items WHERE merit_item_id = $1`, [
      mi.merit_item_id,
    ]);
    expect(row.scale_value_id).toBeNull();
  });
});

describe('indexes from the seed', () => {
  test.each([
    'idx_entries_user_date',
    'idx_permissions_relation_deed',
    'idx_deed_items_level',
    'idx_deeds_user_id',
    'idx_deed_items_deed_id',
    'idx_entries_user_id',
    'idx_entries_deed_item_id',
    'idx_users_active',
    'idx_deeds_active',
    'idx_relations_accepted',
    'idx_notifications_time',
  ])('%s exists', async (name) => {
    const row = await one<{ count: string }>(`SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = $1`, [
      name,
    ]);
    expect(row.count).toBe('1');
  });

  test('live-row indexes are partial', async () => {
    const row = await one<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_deed_items_level'`);
    expect(row.indexdef).toMatch(/WHERE \(deleted_at IS NULL\)/);
  });
});
