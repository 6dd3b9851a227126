import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { templateDatabaseName } from '../template-database';
import { pingRedis, restartRedis, startRedis, stopRedis, takeRedisDown } from './redis';

const projectRoot = path.join(__dirname, '..', '..');
const migrationModuleExists = ['migrations.ts', path.join('migrations', 'index.ts')].some((file) =>
  existsSync(path.join(projectRoot, 'src', 'db', file)),
);

/** Prisma's folder format: one `<stamp>_<name>/migration.sql` per migration. */
function migrationsInFolder(): string[] {
  const folder = path.join(projectRoot, 'prisma', 'migrations');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

async function query<Row extends object>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query<{ found: number }>(process.env.DATABASE_URL ?? '', 'SELECT count(*)::int AS found FROM pg_database WHERE datname = $1', [name]);
  return rows[0]?.found === 1;
}

describe('test services', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('gives each test file its own database cloned from the template', async () => {
    const [row] = await query<{ one: number; name: string }>(database.url, 'SELECT 1 AS one, current_database() AS name');
    expect(row).toEqual({ one: 1, name: database.name });
  });

  it('has pg_stat_statements preloaded and installed in the template', async () => {
    const rows = await query<{ calls: string }>(database.url, 'SELECT calls FROM pg_stat_statements LIMIT 1');
    expect(Array.isArray(rows)).toBe(true);
  });

  it('answers PING on Redis', async () => {
    const port = Number(new URL(process.env.REDIS_URL ?? '').port);
    await expect(pingRedis(port)).resolves.toBe(true);
  });

  it('drops a test database with its open connections', async () => {
    const scratch = await createTestDatabase();
    const lingering = new Client({ connectionString: scratch.url });
    lingering.on('error', () => undefined);
    await lingering.connect();
    await scratch.drop();
    await expect(databaseExists(scratch.name)).resolves.toBe(false);
    await lingering.end().catch(() => undefined);
  });

  it('keeps the template database for the next test file', async () => {
    await expect(databaseExists(templateDatabaseName)).resolves.toBe(true);
  });

  (migrationModuleExists ? it : it.skip)('clones every migration of the folder, applied to the template', async () => {
    const rows = await query<{ migration_name: string }>(
      database.url,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationsInFolder());
  });
});

describe('Redis outage helpers', () => {
  it('take a Redis down and bring it back on the same port', async () => {
    const redis = await startRedis();
    try {
      await takeRedisDown(redis);
      await expect(pingRedis(redis.port)).resolves.toBe(false);
      await restartRedis(redis);
      await expect(pingRedis(redis.port)).resolves.toBe(true);
    } finally {
      await stopRedis(redis);
    }
  });
});
