import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findPostgresTool, libpqConnection, runPostgresTool, type ToolEnvironment } from './postgres-tools';

/**
 * Point-in-time recovery (README "Operations → Recovery"): continuous WAL archiving into
 * BACKUP_DIR/wal plus base backups in BACKUP_DIR/base, and a restore that rebuilds a new data
 * directory as the database was at a given instant.
 *
 * - The server archives each finished WAL segment with `archiveCommand(backupDir)`
 *   (archive_mode = on, wal_level = replica, archive_timeout bounds how long a quiet server
 *   keeps a segment open, hence the recovery point objective).
 * - `createBaseBackup` runs pg_basebackup (plain format, WAL streamed into the copy so it is
 *   consistent by itself) into `base/kitaab-base-<stamp>.partial`, renamed when complete, with
 *   `kitaab-base.json` recording when it started and finished.
 * - `restoreToTime` copies the newest base backup that finished before the target into an
 *   empty or new data directory and configures recovery: restore_command reads BACKUP_DIR/wal,
 *   recovery_target_time is the target, and the server promotes itself when it gets there.
 *   Archiving is switched off in the copy (it must not add to the archive it recovers from);
 *   start PostgreSQL on the directory and it replays up to the target, then opens read-write.
 */

export const BASE_BACKUP_INFO = 'kitaab-base.json';
const BASE_NAME = /^kitaab-base-\d{8}T\d{6}Z$/;

export function walArchiveDir(backupDir: string): string {
  return path.join(backupDir, 'wal');
}

export function baseBackupRoot(backupDir: string): string {
  return path.join(backupDir, 'base');
}

/** Single quotes around paths for the shell PostgreSQL runs the command with. */
const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** archive_command: copy a finished segment into BACKUP_DIR/wal, never overwriting one already there. */
export function archiveCommand(backupDir: string): string {
  const wal = walArchiveDir(backupDir);
  return `test ! -f ${shellQuote(wal)}/%f && cp %p ${shellQuote(wal)}/%f`;
}

/** restore_command of a recovering copy: the archived segment, or a failure when there is none (end of archive). */
export function restoreCommand(backupDir: string): string {
  return `cp ${shellQuote(walArchiveDir(backupDir))}/%f %p`;
}

export interface BaseBackupInfo {
  readonly startedAt: string;
  readonly finishedAt: string;
}

const stampOf = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export async function createBaseBackup(options: {
  databaseUrl: string;
  backupDir: string;
  tools: ToolEnvironment;
  now?: Date;
}): Promise<{ dir: string } & BaseBackupInfo> {
  const startedAt = options.now ?? new Date();
  const root = baseBackupRoot(options.backupDir);
  await fs.mkdir(root, { recursive: true });
  const dir = path.join(root, `kitaab-base-${stampOf(startedAt)}`);
  const partial = `${dir}.partial`;
  const connection = libpqConnection(options.databaseUrl);
  try {
    await runPostgresTool(
      findPostgresTool('pg_basebackup', options.tools),
      ['--pgdata', partial, '--format=plain', '--wal-method=stream', '--checkpoint=fast', '--no-password', `--dbname=${connection.dbname}`],
      { ...options.tools.env, ...connection.env },
    );
    const info: BaseBackupInfo = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString() };
    await fs.writeFile(path.join(partial, BASE_BACKUP_INFO), `${JSON.stringify(info, null, 2)}\n`);
    await fs.rename(partial, dir);
    return { dir, ...info };
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Completed base backups, oldest first. */
export async function listBaseBackups(backupDir: string): Promise<Array<{ dir: string } & BaseBackupInfo>> {
  const root = baseBackupRoot(backupDir);
  const names = (await fs.readdir(root).catch(() => [] as string[])).filter((name) => BASE_NAME.test(name)).sort();
  const backups = [];
  for (const name of names) {
    const dir = path.join(root, name);
    const info = await fs.readFile(path.join(dir, BASE_BACKUP_INFO), 'utf8').then((text) => JSON.parse(text) as BaseBackupInfo, () => undefined);
    if (info) backups.push({ dir, ...info });
  }
  return backups;
}

export interface RestoreToTimeResult {
  readonly baseBackup: string;
  readonly dataDir: string;
  readonly targetTime: string;
}

/**
 * Prepares `dataDir` (absent or empty) to recover to `targetTime`; start PostgreSQL on it to
 * replay. Refuses a target before the oldest usable base backup finished.
 */
export async function restoreToTime(options: { backupDir: string; targetTime: Date; dataDir: string }): Promise<RestoreToTimeResult> {
  if (Number.isNaN(options.targetTime.getTime())) throw new Error('--to-time needs an ISO time with an offset, e.g. 2026-03-14T09:30:00Z');
  const usable = (await listBaseBackups(options.backupDir)).filter((backup) => new Date(backup.finishedAt) < options.targetTime);
  const base = usable.at(-1);
  if (!base) throw new Error(`no base backup in ${baseBackupRoot(options.backupDir)} finished before ${options.targetTime.toISOString()}`);

  const existing = await fs.readdir(options.dataDir).catch(() => undefined);
  if (existing && existing.length > 0) throw new Error(`refusing to restore into ${options.dataDir}: it is not empty`);
  await fs.cp(base.dir, options.dataDir, { recursive: true });
  await fs.rm(path.join(options.dataDir, BASE_BACKUP_INFO), { force: true });
  await fs.chmod(options.dataDir, 0o700);
  const settings = [
    '',
    `# Point-in-time recovery written by npm run db:restore -- --to-time (src/ops/point-in-time.ts)`,
    `restore_command = '${restoreCommand(options.backupDir).replace(/'/g, "''")}'`,
    // PostgreSQL's own spelling: it refuses the ISO 'T' and 'Z'.
    `recovery_target_time = '${options.targetTime.toISOString().replace('T', ' ').replace('Z', '+00')}'`,
    `recovery_target_action = 'promote'`,
    `archive_mode = 'off'`,
    '',
  ].join('\n');
  await fs.appendFile(path.join(options.dataDir, 'postgresql.auto.conf'), settings);
  await fs.writeFile(path.join(options.dataDir, 'recovery.signal'), '');
  return { baseBackup: base.dir, dataDir: options.dataDir, targetTime: options.targetTime.toISOString() };
}
