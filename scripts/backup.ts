/**
 * Backups from the command line (package.json scripts):
 *   npm run db:backup                 pg_dump DATABASE_URL into BACKUP_DIR, then delete backups
 *                                     older than BACKUP_KEEP_DAYS
 *   npm run db:restore -- <file>      pg_restore <file> into DATABASE_URL, which must be empty
 * Both need PostgreSQL (DATABASE_URL): the embedded PGlite database is a directory; stop the
 * server and copy DATA_DIR to back it up. Exit codes: 0 done, 1 error (one line on stderr).
 */
import path from 'node:path';
import { loadConfig, type Config } from '../src/config';
import { createBackup, restoreBackup } from '../src/ops/backup';

const USAGE = 'usage: backup.ts create | restore <file>';

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
