/**
 * Migrations from the command line (package.json scripts):
 *   npm run db:migrate          apply pending migrations
 *   npm run db:status           list applied / pending migrations (exit 1 unless up to date)
 *   npm run db:diff             print the SQL from prisma/migrations to schema.prisma (exit 2 on drift)
 *   npm run db:new -- <name>    write that SQL as prisma/migrations/<timestamp>_<name>/migration.sql
 * The database is DATABASE_URL (PostgreSQL) when set, else the embedded PGlite in
 * <DATA_DIR or ./.data>/pglite. db:diff and db:new build the history in throwaway shadow
 * databases on DATABASE_URL's server (~1 s), or in an in-memory PGlite without it (5-10 s).
 * Exit codes: 0 done, 1 error, 2 drift (db:diff).
 */
import path from 'node:path';
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  migrationStatus,
  type MigrationStatus,
  type MigrationTarget,
} from '../src/db/migrations';
import { lockDataDir } from '../src/db/pglite-lock';

/** The environment this script reads; to be replaced by src/config.ts. */
function readEnvironment(): { databaseUrl: string | undefined; dataDir: string } {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.DATA_DIR || '.data'),
  };
}

/**
 * Runs `work` on the configured database. PGlite data directories are locked the way the server
 * locks them: two processes opening one corrupt it.
 */
async function withTarget<T>(work: (target: MigrationTarget) => Promise<T>): Promise<T> {
  const { databaseUrl, dataDir } = readEnvironment();
  if (databaseUrl) return work({ kind: 'postgres', url: databaseUrl });
  const lock = await lockDataDir(dataDir);
  try {
    // The server's layout (src/db/client.ts pgliteDirectory), without loading the Prisma client.
    return await work({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  } finally {
    await lock.release();
  }
}

function describeTarget(target: MigrationTarget): string {
  if (target.kind === 'postgres') return 'PostgreSQL (DATABASE_URL)';
  return 'dataDir' in target ? `PGlite in ${target.dataDir}` : 'PGlite';
}

const USAGE = 'usage: db.ts migrate | status | diff | new <name>';

async function run(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case 'migrate':
      return withTarget(async (target) => {
        const { applied } = await applyMigrations(target);
        console.log(
          applied.length === 0
            ? `${describeTarget(target)}: no pending migrations`
            : `${describeTarget(target)}: applied ${applied.join(', ')}`,
        );
        return 0;
      });
    case 'status':
      return withTarget(async (target) => {
        const status = await migrationStatus(target);
        console.log(`${describeTarget(target)}\n${formatStatus(status)}`);
        return status.upToDate ? 0 : 1;
      });
    case 'diff': {
      const { drift, sql } = await diffMigrationsToSchema({ url: readEnvironment().databaseUrl });
      process.stdout.write(sql);
      if (drift) console.error('schema.prisma has changes no migration holds: npm run db:new -- <name>');
      return drift ? 2 : 0;
    }
    case 'new': {
      const name = args.join(' ').trim();
      if (!name) throw new Error('db:new needs a migration name: npm run db:new -- <name>');
      const created = await createMigration(name, { url: readEnvironment().databaseUrl });
      console.log(`wrote ${path.relative(process.cwd(), created.file)}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 1;
  }
}

function formatStatus(status: MigrationStatus): string {
  const lines = [
    ...status.applied.map((name) => `  applied  ${name}`),
    ...status.pending.map((name) => `  pending  ${name}`),
    ...status.failed.map((name) => `  FAILED   ${name}`),
    ...status.edited.map((name) => `  EDITED   ${name} (migration.sql changed after it was applied)`),
    ...status.missingFromFolder.map((name) => `  MISSING  ${name} (applied, but not in prisma/migrations)`),
  ];
  if (lines.length === 0) lines.push('  no migrations');
  if (status.upToDate) lines.push('up to date');
  else if (status.pending.length > 0) lines.push('pending migrations: npm run db:migrate');
  else lines.push('the history needs a hand: see prisma/migrations and _prisma_migrations');
  return lines.join('\n');
}

/** Exits once stdout has been handed over (a diff can be long), whatever handles remain open. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

// The engine's connections and timers must not decide when the CLI ends: exit explicitly.
run(process.argv[2], process.argv.slice(3)).then(exit, (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  exit(1);
});
