/**
 * Archival from the command line (package.json script):
 *   npm run db:archive [-- --batch-size N] [-- --max-batches N]
 * moves entries dated more than ARCHIVE_AFTER_DAYS days ago (default 730) with their history
 * into entries_archive / entry_history_archive, one transaction per batch (default 1000
 * entries). Safe to stop at any moment and run again. Works on DATABASE_URL or, with the
 * server stopped, on the embedded PGlite database. Exit codes: 0 done, 1 error.
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { createLogger } from '../src/lib/logger';
import { archiveOldEntries, DEFAULT_ARCHIVE_BATCH_SIZE } from '../src/ops/archive';

const USAGE = 'usage: archive.ts [--batch-size N] [--max-batches N]';

function parseArgs(args: string[]): { batchSize: number; maxBatches: number | undefined } {
  let batchSize = DEFAULT_ARCHIVE_BATCH_SIZE;
  let maxBatches: number | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const value = Number(args[i + 1]);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${args[i]} needs a positive integer\n${USAGE}`);
    if (args[i] === '--batch-size') batchSize = value;
    else if (args[i] === '--max-batches') maxBatches = value;
    else throw new Error(`unknown option ${args[i]}\n${USAGE}`);
  }
  return { batchSize, maxBatches };
}

async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const result = await archiveOldEntries(db.prisma, {
      afterDays: config.archiveAfterDays,
      ...options,
      onBatch: (batch) => console.log(`archived ${batch.entries} entries and ${batch.history} history rows`),
    });
    console.log(
      `${result.complete ? 'done' : `stopped after ${result.batches} batch(es)`}: ` +
        `${result.entries} entries dated before ${result.cutoff} and ${result.history} history rows archived`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
