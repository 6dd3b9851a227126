/**
 * Backups from the command line (package.json scripts):
 *   npm run db:backup                 pg_dump DATABASE_URL into BACKUP_DIR (with a manifest of
 *                                     row counts and checksums), then delete backups older than
 *                                     BACKUP_KEEP_DAYS
 *   npm run db:backup -- --base       pg_basebackup into BACKUP_DIR/base (point-in-time recovery,
 *                                     with WAL archived into BACKUP_DIR/wal: src/ops/point-in-time.ts)
 *   npm run db:restore -- <file>      pg_restore <file> into DATABASE_URL, which must be empty
 *   npm run db:restore -- --to-time <ISO time> --data-dir <dir>
 *                                     a new data directory recovering to that time; start
 *                                     PostgreSQL on it (pg_ctl -D <dir> start)
 *   npm run db:verify-backup          (backup.ts verify) restore the newest dump into a scratch
 *                                     database and compare it with its manifest
 * They need PostgreSQL (DATABASE_URL): the embedded PGlite database is a directory; stop the
 * server and copy DATA_DIR to back it up. Exit codes: 0 done, 1 error (one line on stderr),
 * 2 verify found differences.
 */
import path from 'node:path';
import { loadConfig, type Config } from '../src/config';
import { createBackup, restoreBackup } from '../src/ops/backup';
import { createBaseBackup, restoreToTime } from '../src/ops/point-in-time';
import { verifyNewestBackup } from '../src/ops/verify-backup';

const USAGE =
  'usage: backup.ts create [--base] | restore <file> | restore --to-time <ISO time> --data-dir <dir> | verify';

/** `--name value` pairs; anything else is an error. */
function options(args: string[], names: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, '');
    const value = args[i + 1];
    if (!names.includes(name) || value === undefined) throw new Error(USAGE);
    found[name] = value;
  }
  return found;
}

function postgresUrl(config: Config, what: string): string {
  if (config.databaseUrl) return config.databaseUrl;
  throw new Error(
    `${what} needs PostgreSQL: set DATABASE_URL. The embedded PGlite database (${path.join(config.dataDir, 'pglite')}) ` +
      'is backed up by stopping the server and copying DATA_DIR.',
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'create': {
      if (args[0] === '--base') {
        const base = await createBaseBackup({ databaseUrl: postgresUrl(config, 'db:backup'), backupDir: config.backupDir, tools: { env: process.env } });
        console.log(`wrote base backup ${base.dir} (finished ${base.finishedAt})`);
        return 0;
      }
      if (args.length > 0) throw new Error(USAGE);
      const result = await createBackup({
        databaseUrl: postgresUrl(config, 'db:backup'),
        backupDir: config.backupDir,
        keepDays: config.backupKeepDays,
        tools: { env: process.env },
      });
      console.log(`wrote ${result.file} (${megabytes(result.bytes)})`);
      for (const file of result.deleted) console.log(`deleted ${file} (older than ${config.backupKeepDays} days)`);
      return 0;
    }
    case 'restore': {
      if (args[0] === '--to-time') {
        const { 'to-time': toTime, 'data-dir': dataDir } = options(args, ['to-time', 'data-dir']);
        if (!toTime || !dataDir || !/(Z|[+-]\d{2}:?\d{2})$/.test(toTime)) {
          throw new Error('db:restore -- --to-time <ISO time with offset> --data-dir <new or empty directory>');
        }
        const result = await restoreToTime({ backupDir: config.backupDir, targetTime: new Date(toTime), dataDir: path.resolve(dataDir) });
        console.log(
          `prepared ${result.dataDir} from ${result.baseBackup} to recover to ${result.targetTime}: ` +
            `start PostgreSQL on it (pg_ctl -D ${result.dataDir} start); it replays the archived WAL and opens read-write at that time`,
        );
        return 0;
      }
      const [file] = args;
      if (file === undefined || args.length !== 1) throw new Error('db:restore needs one backup file: npm run db:restore -- <file>');
      const { database } = await restoreBackup({
        databaseUrl: postgresUrl(config, 'db:restore'),
        file: path.resolve(file),
        tools: { env: process.env },
      });
      console.log(`restored ${path.resolve(file)} into database "${database}"`);
      return 0;
    }
    case 'verify': {
      const result = await verifyNewestBackup({ databaseUrl: postgresUrl(config, 'db:verify-backup'), backupDir: config.backupDir, tools: { env: process.env } });
      for (const difference of result.differences) console.error(difference);
      if (result.differences.length > 0) {
        console.error(`${path.basename(result.file)}: ${result.differences.length} difference(s) after restore`);
        return 2;
      }
      console.log(`${path.basename(result.file)}: ${result.tables} tables and ${result.rows} rows restored as recorded`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 1;
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
