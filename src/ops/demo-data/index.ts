import { createHash } from 'node:crypto';
import { hashPassword } from '../../auth/passwords';
import type { BulkSession, BulkTarget } from './bulk-target';
import { dayNumber, earliestTodayOnEarth } from './clock';
import { withIndexesBuiltAfter } from './deferred-indexes';
import { demoEmail, generationContext, IdAllocator, type GenerationContext } from './generation';
import { generateSocial } from './social';
import { RowBatch, TABLES, TABLE_ORDER, type TableName } from './tables';
import { generateUser, type UserSummary } from './users';

export { pgliteTarget, postgresTarget, type BulkTarget } from './bulk-target';

/**
 * Demo data (`npm run db:seed -- --users N --days D`): realistic, deterministic rows for every
 * table a user fills, generated in JS chunk by chunk and loaded with COPY while the next chunk
 * is generated, all in one transaction. The same options (seed, users, days, today) always
 * write the same rows with the same ids into an empty database.
 */

/** Every demo account's password (published: demo data is for demos and load tests). */
export const DEMO_PASSWORD = 'demo-password-123';

export const DEFAULT_SEED = 'kitaab';
const DEFAULT_CHUNK_USERS = 25;
/** How often the tables other than BULK_TABLES are copied (they are small: fewer, larger COPYs). */
const SMALL_TABLES_EVERY_USERS = 500;
/** Loaded without their secondary indexes and foreign keys, which are built afterwards. */
const BULK_TABLES: readonly TableName[] = ['entries', 'entry_history'];
export const MAX_DEMO_USERS = 1_000_000;
export const MAX_DEMO_DAYS = 3660;

export interface DemoDataOptions {
  users: number;
  /** Days of entries, ending `today`. */
  days: number;
  seed?: string;
  /** Last day with entries ('YYYY-MM-DD'); default: today at UTC−12 (never in anyone's future). */
  today?: string;
  /** Empty every table first instead of refusing a database that has users. */
  reset?: boolean;
  /** Users generated and copied at a time. */
  chunkUsers?: number;
  onProgress?: (message: string) => void;
}

export interface DemoDataResult {
  rows: Record<TableName, number>;
  seconds: number;
  today: string;
  firstEmail: string;
  lastEmail: string;
  password: string;
}

/** The database has users and no `reset` was asked for: nothing was written. */
export class DemoDataRefusedError extends Error {
  override name = 'DemoDataRefusedError';
}

export async function seedDemoData(target: BulkTarget, options: DemoDataOptions): Promise<DemoDataResult> {
  const startedAt = Date.now();
  const today = options.today ?? earliestTodayOnEarth();
  validate(options, today);
  const progress = options.onProgress ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  // One hash for every account (argon2 is deliberately slow), salted from the seed so that
  // runs stay identical.
  const salt = createHash('sha256').update(`kitaab-demo-salt:${seed}`).digest().subarray(0, 16);
  const passwordHash = await hashPassword(DEMO_PASSWORD, salt);
  const rows = Object.fromEntries(TABLE_ORDER.map((table) => [table, 0])) as Record<TableName, number>;

  // One transaction: a failed or interrupted seed leaves the database as it was.
  await target.transaction(async (session) => {
    await prepareDatabase(session, options.reset ?? false);
    const ctx = generationContext({
      seed,
      users: options.users,
      today: dayNumber(today),
      days: options.days,
      passwordHash,
      ids: new IdAllocator(await largestIds(session)),
    });
    const summaries = await withIndexesBuiltAfter(session, BULK_TABLES, () =>
      loadUsers(session, ctx, options.chunkUsers ?? DEFAULT_CHUNK_USERS, rows, progress),
    );
    const social = new RowBatch();
    generateSocial(ctx, summaries, social);
    await copyRows(session, social.take(), rows);
    await advanceSequences(session, ctx.ids.highest());
  });
  // Vacuumed (and analyzed) now rather than by autovacuum a minute later, in the middle of
  // whatever runs then: the bench's first scenarios ran beside it (a fresh table's first
  // vacuum reads and writes every page).
  progress('vacuuming and analyzing tables');
  await target.runOutsideTransaction(`VACUUM (ANALYZE) ${TABLE_ORDER.map((table) => `"${table}"`).join(', ')}`);
  return {
    rows,
    seconds: (Date.now() - startedAt) / 1000,
    today,
    firstEmail: demoEmail(0),
    lastEmail: demoEmail(options.users - 1),
    password: DEMO_PASSWORD,
  };
}

function validate(options: DemoDataOptions, today: string): void {
  const positive = (value: number, max: number) => Number.isSafeInteger(value) && value >= 1 && value <= max;
  if (!positive(options.users, MAX_DEMO_USERS)) throw new RangeError(`users must be an integer from 1 to ${MAX_DEMO_USERS}`);
  if (!positive(options.days, MAX_DEMO_DAYS)) throw new RangeError(`days must be an integer from 1 to ${MAX_DEMO_DAYS}`);
  if (options.chunkUsers !== undefined && !positive(options.chunkUsers, 10_000)) {
    throw new RangeError('chunkUsers must be an integer from 1 to 10000');
  }
  dayNumber(today);
  if (today > earliestTodayOnEarth()) {
    throw new RangeError(`today (${today}) is still in the future in some timezones: entries would be dated after it`);
  }
}

async function prepareDatabase(session: BulkSession, reset: boolean): Promise<void> {
  if (reset) {
    const tables = await session.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (tables.length > 0) {
      await session.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    }
    return;
  }
  const [{ users }] = (await session.query<{ users: number }>('SELECT count(*)::int AS users FROM users')) as [{ users: number }];
  if (users > 0) {
    throw new DemoDataRefusedError(
      `the database already has ${users} user(s): demo data goes into an empty database (--reset empties it first)`,
    );
  }
}

async function largestIds(session: BulkSession): Promise<Partial<Record<TableName, number>>> {
  const selects = TABLE_ORDER.map(
    (table) => `SELECT '${table}' AS name, coalesce(max("${TABLES[table].id}"), 0)::float8 AS id FROM "${table}"`,
  );
  const rows = await session.query<{ name: TableName; id: number }>(selects.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.id)]));
}

/**
 * Generates the users chunk by chunk. The entries and history of each chunk are copied while
 * the next chunk is generated; the other (smaller) tables gather over many chunks and go in
 * fewer, larger COPYs, parents first.
 */
async function loadUsers(
  session: BulkSession,
  ctx: GenerationContext,
  chunkUsers: number,
  rows: Record<TableName, number>,
  progress: (message: string) => void,
): Promise<UserSummary[]> {
  const summaries: UserSummary[] = [];
  const batch = new RowBatch();
  let previous: Promise<void> = Promise.resolve();
  let nextReport = 0.1;
  for (let first = 0; first < ctx.users; first += chunkUsers) {
    for (let index = first; index < Math.min(first + chunkUsers, ctx.users); index++) {
      summaries.push(generateUser(ctx, index, batch));
      // Lets the previous chunk's COPY stream on between users.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await previous;
    const flushAll = summaries.length % SMALL_TABLES_EVERY_USERS < chunkUsers || summaries.length === ctx.users;
    previous = copyRows(session, batch.take(flushAll ? TABLE_ORDER : BULK_TABLES), rows);
    // Not awaited yet: a rejection is handled by the next `await previous`.
    previous.catch(() => undefined);
    if (summaries.length / ctx.users >= nextReport) {
      progress(`${summaries.length} of ${ctx.users} users generated`);
      nextReport = Math.floor((summaries.length / ctx.users) * 10 + 1) / 10;
    }
  }
  await previous;
  return summaries;
}

async function copyRows(
  session: BulkSession,
  texts: ReturnType<RowBatch['take']>,
  rows: Record<TableName, number>,
): Promise<void> {
  for (const { table, rows: count, text } of texts) {
    await session.copy(table, text);
    rows[table] += count;
  }
}

/** The sequences continue after the given ids, so the application's inserts do not collide. */
async function advanceSequences(session: BulkSession, highest: Readonly<Record<TableName, number>>): Promise<void> {
  const calls = TABLE_ORDER.filter((table) => highest[table] > 0).map(
    (table) => `setval(pg_get_serial_sequence('"${table}"', '${TABLES[table].id}'), ${highest[table]})`,
  );
  if (calls.length > 0) await session.query(`SELECT ${calls.join(', ')}`);
}
