/**
 * Database migrations without Prisma's native schema engine (unavailable offline): Prisma's Wasm
 * schema engine driven through driver adapters, over PostgreSQL or the embedded PGlite.
 *
 * The migrations folder keeps Prisma's standard format (`<YYYYMMDDHHMMSS>_<name>/migration.sql`
 * plus `migration_lock.toml`) and applied migrations are recorded in `_prisma_migrations` with the
 * CLI's sha256 checksums, so `prisma migrate deploy` also works wherever the native engine exists.
 *
 * Nothing here exits the process or reads the environment: the server calls `applyMigrations` at
 * startup and keeps running; scripts/db.ts is the command line.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { MigrationConnection } from './migrations/adapters';
import { NO_EXTERNAL_ENTITIES, withSchemaEngine, type SchemaEngine } from './migrations/engine';
import {
  migrationNames,
  migrationSlug,
  migrationTimestamp,
  readMigrationsFolder,
  writeMigration,
} from './migrations/folder';
import { openPostgres } from './migrations/postgres';

export { MigrationError } from './migrations/engine';
export { releaseSchemaEngineWasm as releaseMigrationEngine } from './migrations/wasm';

/** Loaded only for the embedded database, as db/client.ts does: a server on PostgreSQL never needs PGlite. */
const pgliteMigrations = () => import('./migrations/pglite');

/** Where migrations are applied: a PostgreSQL URL, or PGlite by data directory or open instance. */
export type MigrationTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite'; client: PGlite };

export interface MigrationPaths {
  /** Defaults to `prisma/migrations` in the project root. */
  migrationsDir?: string;
  /** Defaults to `prisma/schema.prisma` in the project root. */
  schemaPath?: string;
}

export interface DiffOptions extends MigrationPaths {
  /**
   * PostgreSQL server on which throwaway shadow databases are created (its own database is not
   * touched): about 1 s. Without it the shadow is an in-memory PGlite: no server needed, but
   * 5-10 s, mostly PGlite starting up.
   */
  url?: string;
}

export interface MigrationStatus {
  /** Migrations of the folder recorded as applied. */
  applied: string[];
  /** Migrations of the folder not yet applied, in the order they would run. */
  pending: string[];
  /** Recorded as failed: fix the database by hand, then resolve them. */
  failed: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Applied to the database but absent from the folder. */
  missingFromFolder: string[];
  upToDate: boolean;
}

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');

/** Applies pending migrations in order (PostgreSQL: under the engine's advisory lock). */
export async function applyMigrations(target: MigrationTarget, options: MigrationPaths = {}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const { appliedMigrationNames } = await withTarget(target, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_ENTITIES }),
  );
  return { applied: appliedMigrationNames };
}

/** Compares the migrations folder with the database's `_prisma_migrations`; changes nothing. */
export async function migrationStatus(target: MigrationTarget, options: MigrationPaths = {}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const diagnosis = await withTarget(target, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_EXTERNAL_ENTITIES }),
  );
  const history = diagnosis.history;
  const pending = history && history.diagnostic !== 'migrationsDirectoryIsBehind' ? history.unappliedMigrationNames : [];
  const missingFromFolder = history && history.diagnostic !== 'databaseIsBehind' ? history.unpersistedMigrationNames : [];
  const failed = diagnosis.failedMigrationNames;
  const applied = migrationNames(migrationsList).filter((name) => !pending.includes(name) && !failed.includes(name));
  return {
    applied,
    pending,
    failed,
    edited: diagnosis.editedMigrationNames,
    missingFromFolder,
    upToDate: history === null && failed.length === 0 && diagnosis.editedMigrationNames.length === 0,
  };
}

/**
 * The SQL that would take a database built from the migrations folder to schema.prisma.
 * `drift` is true when that SQL is not empty, i.e. schema.prisma has changes no migration holds.
 */
export async function diffMigrationsToSchema(options: DiffOptions = {}): Promise<{ drift: boolean; sql: string }> {
  const migrationsList = await readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schemaPath = path.resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const schemaFile = { path: schemaPath, content: await fs.readFile(schemaPath, 'utf8') };
  const connection = options.url ? openPostgres(options.url) : (await pgliteMigrations()).openPgliteScratch();
  const { exitCode, stdout } = await withConnection(connection, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [schemaFile] },
      script: true,
      exitCode: true,
      filters: NO_EXTERNAL_ENTITIES,
    }),
  );
  // With `exitCode: true` the engine answers 2 exactly when the diff is not empty.
  return { drift: exitCode === 2, sql: stdout ?? '' };
}

/**
 * Writes `<migrationsDir>/<YYYYMMDDHHMMSS>_<name>/migration.sql` holding the diff from the
 * migrations folder to schema.prisma (see diffMigrationsToSchema). Refuses when there is no change.
 * Hand-written SQL the schema language cannot express (CHECK constraints, triggers) is appended
 * to the generated file afterwards; later diffs leave it alone.
 */
export async function createMigration(name: string, options: DiffOptions = {}): Promise<{ name: string; file: string; sql: string }> {
  const slug = migrationSlug(name);
  const { drift, sql } = await diffMigrationsToSchema(options);
  if (!drift) throw new Error('schema.prisma matches the migrations folder: there is nothing to put in a new migration');
  const folderName = `${migrationTimestamp(new Date())}_${slug}`;
  const file = await writeMigration(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, folderName, sql);
  return { name: folderName, file, sql };
}

async function withTarget<T>(target: MigrationTarget, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const connection =
    target.kind === 'postgres'
      ? openPostgres(target.url)
      : await (await pgliteMigrations()).openPglite('client' in target ? { client: target.client } : { dataDir: target.dataDir });
  return withConnection(connection, work);
}

async function withConnection<T>(connection: MigrationConnection, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await withSchemaEngine(connection.adapterFactory, work);
  } catch (error) {
    // The engine's error is the one worth reporting, not a failure to clean up after it.
    await connection.close().catch(() => undefined);
    throw error;
  }
  await connection.close();
  return result;
}
