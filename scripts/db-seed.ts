/**
 * Demo data from the command line (package.json script):
 *   npm run db:seed -- --users N --days D [--seed TEXT] [--today YYYY-MM-DD] [--reset]
 * applies pending migrations, then writes N verified demo users (demo-1@example.com … with the
 * password printed at the end) with a D-day history each (src/ops/demo-data). Defaults: 100
 * users, 365 days, seed "kitaab", today = the earliest date on Earth right now. The same
 * options give the same rows. A database that already has users is refused (exit 3) unless
 * --reset, which first empties every table. Works on DATABASE_URL or, with the server stopped,
 * on the embedded PGlite database (much slower). Refused with NODE_ENV=production. Exit codes:
 * 0 done, 1 error, 3 refused.
 */
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/config';
import { pgliteDirectory } from '../src/db/client';
import { applyMigrations } from '../src/db/migrations';
import { lockDataDir } from '../src/db/pglite-lock';
import {
  DemoDataRefusedError,
  pgliteTarget,
  postgresTarget,
  seedDemoData,
  type BulkTarget,
  type DemoDataOptions,
  type DemoDataResult,
} from '../src/ops/demo-data';

const USAGE = 'usage: db-seed.ts [--users N] [--days D] [--seed TEXT] [--today YYYY-MM-DD] [--reset]';

function parseArgs(args: string[]): DemoDataOptions {
  const options: DemoDataOptions = { users: 100, days: 365 };
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    if (name === '--reset') {
      options.reset = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
    if (name === '--users') options.users = Number(value);
    else if (name === '--days') options.days = Number(value);
    else if (name === '--seed') options.seed = value;
    else if (name === '--today') options.today = value;
    else throw new Error(`unknown option ${name}\n${USAGE}`);
  }
  return options;
}

async function withTarget<T>(work: (target: BulkTarget, where: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (config.databaseUrl) {
    await applyMigrations({ kind: 'postgres', url: config.databaseUrl });
    const target = postgresTarget(config.databaseUrl);
    try {
      return await work(target, 'PostgreSQL (DATABASE_URL)');
    } finally {
      await target.close();
    }
  }
  const lock = await lockDataDir(config.dataDir);
  try {
    const pglite = await PGlite.create(pgliteDirectory(config.dataDir));
    try {
      await applyMigrations({ kind: 'pglite', client: pglite });
      return await work(pgliteTarget(pglite), `PGlite in ${pgliteDirectory(config.dataDir)}`);
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
}

function report(result: DemoDataResult, where: string): void {
  const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(`demo data written to ${where} in ${result.seconds.toFixed(1)} s (entries up to ${result.today}):`);
  for (const [table, rows] of Object.entries(result.rows)) console.log(`  ${table.padEnd(20)} ${String(rows).padStart(10)}`);
  console.log(`  ${'total'.padEnd(20)} ${String(total).padStart(10)}`);
  console.log(`log in as ${result.firstEmail} … ${result.lastEmail} with the password "${result.password}"`);
}

async function run(args: string[]): Promise<number> {
  // Demo users with a printed password (and --reset emptying every table) have no place there.
  if (process.env.NODE_ENV === 'production') {
    console.error('refused: NODE_ENV=production (demo data is for development and benchmarks only)');
    return 3;
  }
  const options = parseArgs(args);
  try {
    return await withTarget(async (target, where) => {
      console.log(`seeding ${options.users} users × ${options.days} days into ${where}`);
      report(await seedDemoData(target, { ...options, onProgress: (message) => console.log(message) }), where);
      return 0;
    });
  } catch (error) {
    if (error instanceof DemoDataRefusedError) {
      console.error(`refused: ${error.message}`);
      return 3;
    }
    throw error;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
