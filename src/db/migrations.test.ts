import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  MigrationError,
  migrationStatus,
  releaseMigrationEngine,
} from './migrations';
import { withSchemaEngine } from './migrations/engine';
import { loadSchemaEngineWasm } from './migrations/wasm';
import { openPostgres } from './migrations/postgres';

jest.setTimeout(60_000);

const SCHEMA = `
datasource db {
  provider = "postgresql"
}

model User {
  id    BigInt @id @default(autoincrement()) @map("user_id")
  email String @db.VarChar(255)

  @@map("users")
}
`;

const DEED_MODEL = `
model Deed {
  id   BigInt @id @default(autoincrement()) @map("deed_id")
  name String

  @@map("deeds")
}
`;

// Hand-written SQL as real migrations carry it: a CHECK constraint (which once made the engine
// panic when describing the table) and a function whose body holds semicolons.
const INIT_SQL = `-- CreateTable
CREATE TABLE "users" (
    "user_id" BIGSERIAL NOT NULL,
    "email" VARCHAR(255) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("user_id")
);

ALTER TABLE "users" ADD CONSTRAINT "users_email_not_blank" CHECK (length(trim("email")) > 0);

CREATE FUNCTION lower_email() RETURNS trigger AS $$
BEGIN
  NEW.email := lower(NEW.email);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_lower_email BEFORE INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION lower_email();
`;

const INIT = '20240101000000_init';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let server: PostgresServer;
let workDir: string;

beforeAll(async () => {
  server = await startPostgres();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-migrations-'));
});

afterAll(async () => {
  await server?.stop();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

/** A project folder with schema.prisma and a migrations folder holding the init migration. */
async function makeProject(name: string): Promise<{ schemaPath: string; migrationsDir: string }> {
  const root = path.join(workDir, name);
  const migrationsDir = path.join(root, 'migrations');
  await fs.mkdir(path.join(migrationsDir, INIT), { recursive: true });
  await fs.writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  await fs.writeFile(path.join(migrationsDir, INIT, 'migration.sql'), INIT_SQL);
  const schemaPath = path.join(root, 'schema.prisma');
  await fs.writeFile(schemaPath, SCHEMA);
  return { schemaPath, migrationsDir };
}

describe('on PostgreSQL', () => {
  let paths: { schemaPath: string; migrationsDir: string };
  let url: string;

  beforeAll(async () => {
    paths = await makeProject('postgres');
    url = await server.createDatabase();
  });

  it('applies pending migrations and records the CLI checksums', async () => {
    await expect(migrationStatus({ kind: 'postgres', url }, paths)).resolves.toMatchObject({
      applied: [],
      pending: [INIT],
      upToDate: false,
    });

    await expect(applyMigrations({ kind: 'postgres', url }, paths)).resolves.toEqual({ applied: [INIT] });

    const rows = await server.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations',
    );
    expect(rows).toEqual([{ migration_name: INIT, checksum: sha256(INIT_SQL), finished_at: expect.any(Date) }]);
    const [user] = await server.query<{ email: string }>(url, `INSERT INTO users (email) VALUES ('A@B.C') RETURNING email`);
    expect(user).toEqual({ email: 'a@b.c' });
  });

  it('does nothing when applied again', async () => {
    await expect(applyMigrations({ kind: 'postgres', url }, paths)).resolves.toEqual({ applied: [] });
    await expect(server.query(url, 'SELECT 1 FROM _prisma_migrations')).resolves.toHaveLength(1);
    await expect(migrationStatus({ kind: 'postgres', url }, paths)).resolves.toEqual({
      applied: [INIT],
      pending: [],
      failed: [],
      edited: [],
      missingFromFolder: [],
      upToDate: true,
    });
  });

  it('reports no drift while schema.prisma matches the migrations', async () => {
    await expect(diffMigrationsToSchema({ url, ...paths })).resolves.toEqual({
      drift: false,
      sql: expect.not.stringContaining('CREATE'),
    });
    await expect(server.query(url, `SELECT 1 FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`)).resolves.toEqual([]);
  });

  it('reports drift after a model change, and createMigration turns it into a migration that applies', async () => {
    await fs.appendFile(paths.schemaPath, DEED_MODEL);

    const diff = await diffMigrationsToSchema({ url, ...paths });
    expect(diff.drift).toBe(true);
    expect(diff.sql).toContain('CREATE TABLE "deeds"');
    expect(diff.sql).not.toContain('users_email_not_blank');

    const created = await createMigration('Add deeds!', { url, ...paths });
    expect(created.name).toMatch(/^\d{14}_add_deeds$/);
    expect(created.file).toBe(path.join(paths.migrationsDir, created.name, 'migration.sql'));
    await expect(fs.readFile(created.file, 'utf8')).resolves.toBe(diff.sql);
    await expect(migrationStatus({ kind: 'postgres', url }, paths)).resolves.toMatchObject({
      applied: [INIT],
      pending: [created.name],
    });

    await expect(applyMigrations({ kind: 'postgres', url }, paths)).resolves.toEqual({ applied: [created.name] });
    const [row] = await server.query<{ checksum: string }>(
      url,
      `SELECT checksum FROM _prisma_migrations WHERE migration_name = '${created.name}'`,
    );
    expect(row?.checksum).toBe(sha256(diff.sql));
    await expect(diffMigrationsToSchema({ url, ...paths })).resolves.toMatchObject({ drift: false });
    await expect(createMigration('again', { url, ...paths })).rejects.toThrow(/nothing to put in a new migration/);
  });

  it('lets concurrent appliers (several server instances starting) apply each migration once', async () => {
    const concurrentUrl = await server.createDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ kind: 'postgres', url: concurrentUrl }, paths)));
    expect(results.map((result) => result.applied).sort()).toEqual([[], [], [INIT, expect.stringMatching(/_add_deeds$/)]]);
  });

  it('lets the engine go when released, and the next command loads a new one that works', async () => {
    const kept = loadSchemaEngineWasm();
    expect(loadSchemaEngineWasm()).toBe(kept);

    releaseMigrationEngine();

    const next = loadSchemaEngineWasm();
    expect(next).not.toBe(kept);
    await expect(migrationStatus({ kind: 'postgres', url }, paths)).resolves.toMatchObject({ upToDate: true });
    expect(loadSchemaEngineWasm()).toBe(next);
  });

  it('turns an engine panic into a failed command, and the next command works', async () => {
    const connection = openPostgres(url);
    try {
      const attempt = withSchemaEngine(connection.adapterFactory, async (engine) => engine.debugPanic());
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(attempt).rejects.toThrow(/panicked/);
    } finally {
      await connection.close();
    }
    await expect(migrationStatus({ kind: 'postgres', url }, paths)).resolves.toMatchObject({ upToDate: true });
  });

  it('rolls a failing migration back entirely and reports the database error', async () => {
    const failing = await makeProject('failing');
    const failingUrl = await server.createDatabase();
    const broken = path.join(failing.migrationsDir, '20240102000000_broken');
    await fs.mkdir(broken);
    await fs.writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "half" (id INT);\nSELECT no_such_function();\n');

    const attempt = applyMigrations({ kind: 'postgres', url: failingUrl }, failing);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/no_such_function/);
    await expect(server.query(failingUrl, `SELECT to_regclass('half') AS half`)).resolves.toEqual([{ half: null }]);
    await expect(migrationStatus({ kind: 'postgres', url: failingUrl }, failing)).resolves.toMatchObject({
      applied: [INIT],
      failed: ['20240102000000_broken'],
      upToDate: false,
    });
    await expect(applyMigrations({ kind: 'postgres', url: failingUrl }, failing)).rejects.toMatchObject({ code: 'P3009' });
  });
});

describe('on PGlite', () => {
  beforeAll(() => {
    // PGlite imports node:module dynamically at startup, which Jest's sandbox only allows with
    // Node's VM modules; plain Node (the server, the CLI) needs nothing.
    const flag = '--experimental-vm-modules';
    if (!process.execArgv.includes(flag) && !(process.env.NODE_OPTIONS ?? '').includes(flag)) {
      throw new Error(`PGlite cannot start inside Jest without ${flag}: run Jest with NODE_OPTIONS=${flag}`);
    }
  });

  it('applies to a fresh data directory, then to an instance the caller opened', async () => {
    const paths = await makeProject('pglite');
    const dataDir = path.join(workDir, 'pglite-data');

    await expect(applyMigrations({ kind: 'pglite', dataDir }, paths)).resolves.toEqual({ applied: [INIT] });

    const client = await PGlite.create({ dataDir });
    try {
      await expect(applyMigrations({ kind: 'pglite', client }, paths)).resolves.toEqual({ applied: [] });
      await expect(migrationStatus({ kind: 'pglite', client }, paths)).resolves.toMatchObject({ applied: [INIT], upToDate: true });
      const { rows } = await client.query('SELECT migration_name, checksum FROM _prisma_migrations');
      expect(rows).toEqual([{ migration_name: INIT, checksum: sha256(INIT_SQL) }]);
      const inserted = await client.query(`INSERT INTO users (email) VALUES ('X@Y.Z') RETURNING email`);
      expect(inserted.rows).toEqual([{ email: 'x@y.z' }]);
    } finally {
      await client.close();
    }
  });

  it('diffs without any PostgreSQL server, in a throwaway PGlite', async () => {
    const paths = await makeProject('pglite-diff');
    await expect(diffMigrationsToSchema(paths)).resolves.toMatchObject({ drift: false });
    await fs.appendFile(paths.schemaPath, DEED_MODEL);
    const diff = await diffMigrationsToSchema(paths);
    expect(diff.drift).toBe(true);
    expect(diff.sql).toContain('CREATE TABLE "deeds"');
  });
});

interface PostgresServer {
  /** A new empty database; returns its URL. */
  createDatabase(): Promise<string>;
  query<Row = unknown>(url: string, sql: string): Promise<Row[]>;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server when set; otherwise a throwaway cluster in a temp dir, run as the
 * `postgres` user when the tests run as root (initdb refuses root).
 */
async function startPostgres(): Promise<PostgresServer> {
  const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayCluster();
  const adminUrl = cluster?.url ?? process.env.DATABASE_URL!;
  const created: string[] = [];
  const query = async <Row,>(url: string, sql: string): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  return {
    async createDatabase() {
      const name = `kitaab_migrations_test_${randomBytes(4).toString('hex')}`;
      await query(adminUrl, `CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    query,
    async stop() {
      if (cluster) {
        runAsPostgres(['/usr/lib/postgresql/15/bin/pg_ctl', '-D', path.join(cluster.dir, 'data'), '-m', 'immediate', 'stop']);
        await fs.rm(cluster.dir, { recursive: true, force: true });
      } else {
        for (const name of created) await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  };
}

async function startThrowawayCluster(): Promise<{ url: string; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const bin = '/usr/lib/postgresql/15/bin';
  runAsPostgres([`${bin}/initdb`, '-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  runAsPostgres([
    `${bin}/pg_ctl`, '-D', path.join(dir, 'data'), '-l', path.join(dir, 'log'), '-w',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start',
  ]);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir };
}

function runAsPostgres(command: string[]): void {
  const [file, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;
  execFileSync(file!, args, { stdio: 'pipe' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
