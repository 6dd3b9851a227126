import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { findPostgresTool, libpqConnection, runPostgresTool, type ToolEnvironment } from './postgres-tools';
import { fingerprintTables, type Fingerprints } from './table-fingerprints';

/**
 * Logical backups of the PostgreSQL database with pg_dump's custom format (compressed,
 * restorable table by table), a retention sweep, and a restore that only ever writes into an
 * empty database. `npm run db:backup` / `npm run db:restore -- <file>` (scripts/backup.ts).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Completed backups, their manifests, and the leftovers of interrupted ones: the only files retention deletes. */
const BACKUP_FILE = /^kitaab-\d{8}T\d{6}Z\.dump(\.partial|\.manifest\.json)?$/;

/**
 * What a backup recorded about its own contents (`<file>.manifest.json`): per table the row
 * count and checksum, read in the very snapshot pg_dump dumped, for `npm run db:verify-backup`.
 */
export interface BackupManifest {
  readonly createdAt: string;
  readonly tables: Fingerprints;
}

export function manifestFileOf(backupFile: string): string {
  return `${backupFile}.manifest.json`;
}

/** `kitaab-20260314T020000Z.dump`: UTC, sortable by name. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `kitaab-${stamp}.dump`;
}

export interface BackupOptions {
  databaseUrl: string;
  backupDir: string;
  /** Backups whose file is older than this many days are deleted after a successful backup. */
  keepDays: number;
  /** Names the file and dates the retention sweep. */
  now?: Date;
  tools: ToolEnvironment;
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  /** Old backups the retention sweep removed. */
  readonly deleted: readonly string[];
}

/**
 * Dumps the database into `<backupDir>/kitaab-<UTC stamp>.dump`. pg_dump writes a `.partial`
 * file that becomes the backup only once complete, so a crash never leaves a truncated file
 * that looks like a backup; old backups are swept only after the new one exists.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const pgDump = findPostgresTool('pg_dump', options.tools);
  const now = options.now ?? new Date();
  const connection = libpqConnection(options.databaseUrl);
  await fs.mkdir(options.backupDir, { recursive: true });

  const file = path.join(options.backupDir, backupFileName(now));
  const partial = `${file}.partial`;
  // One exported snapshot for pg_dump and the manifest's checksums: they describe the same data.
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let manifest: BackupManifest;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const tables = await fingerprintTables(client);
    await runPostgresTool(
      pgDump,
      ['--format=custom', '--no-password', `--snapshot=${rows[0]!.snapshot}`, `--file=${partial}`, `--dbname=${connection.dbname}`],
      { ...options.tools.env, ...connection.env },
    );
    await client.query('COMMIT');
    manifest = { createdAt: now.toISOString(), tables };
    // link() refuses an existing name, so a second backup in the same second cannot replace the first.
    await fs.link(partial, file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new Error(`a backup named ${path.basename(file)} already exists`) : error;
    });
    await fs.writeFile(manifestFileOf(file), `${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    await client.end().catch(() => undefined);
    await fs.rm(partial, { force: true });
  }

  const { size } = await fs.stat(file);
  const deleted = await pruneBackups(options.backupDir, options.keepDays, now);
  return { file, bytes: size, deleted };
}

/** Deletes backup files (by name pattern) last modified more than `keepDays` days before `now`. */
export async function pruneBackups(backupDir: string, keepDays: number, now: Date = new Date()): Promise<string[]> {
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const deleted: string[] = [];
  for (const name of (await fs.readdir(backupDir)).sort()) {
    if (!BACKUP_FILE.test(name)) continue;
    const file = path.join(backupDir, name);
    const stat = await fs.stat(file);
    if (stat.isFile() && stat.mtime.getTime() < cutoff) {
      await fs.rm(file, { force: true });
      deleted.push(file);
    }
  }
  return deleted;
}

/** The target database already holds objects: restoring there would mix two databases. */
export class RestoreRefusedError extends Error {
  constructor(database: string, contents: string) {
    super(
      `refusing to restore into database "${database}": it is not empty (${contents}). ` +
        'Restore into a freshly created empty database (CREATE DATABASE <name>) and point DATABASE_URL at it.',
    );
    this.name = 'RestoreRefusedError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface RestoreOptions {
  /** An empty database (nothing but what CREATE DATABASE gives). */
  databaseUrl: string;
  file: string;
  tools: ToolEnvironment;
}

// Objects of user schemas that are not members of an extension (CREATE DATABASE from
// template1 gives none; an installed extension's own objects do not count).
const USER_OBJECT_COUNTS = `
  WITH user_namespaces AS (
    SELECT oid FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
  ),
  extension_members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
  SELECT
    (SELECT count(*)::int FROM pg_class c
      WHERE c.relnamespace IN (SELECT oid FROM user_namespaces) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
    ) AS relations,
    (SELECT count(*)::int FROM pg_type t
      WHERE t.typnamespace IN (SELECT oid FROM user_namespaces) AND t.typtype IN ('e', 'd')
        AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
    ) AS types`;

async function describeContents(databaseUrl: string): Promise<string | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ relations: number; types: number }>(USER_OBJECT_COUNTS);
    const { relations = 0, types = 0 } = rows[0] ?? {};
    if (relations === 0 && types === 0) return undefined;
    return `${relations} table(s)/view(s)/sequence(s), ${types} enum/domain type(s)`;
  } finally {
    await client.end();
  }
}

/**
 * Restores a custom-format backup into an empty database, all or nothing (one transaction,
 * stopping at the first error). Ownership and grants are not restored: the target server's
 * roles may differ, and the connecting role becomes the owner of everything.
 */
export async function restoreBackup(options: RestoreOptions): Promise<{ database: string }> {
  const pgRestore = findPostgresTool('pg_restore', options.tools);
  const stat = await fs.stat(options.file).catch(() => undefined);
  if (!stat?.isFile()) throw new Error(`backup file not found: ${options.file}`);

  const connection = libpqConnection(options.databaseUrl);
  const contents = await describeContents(options.databaseUrl);
  if (contents !== undefined) throw new RestoreRefusedError(connection.database, contents);

  await runPostgresTool(
    pgRestore,
    [
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${connection.dbname}`,
      options.file,
    ],
    { ...options.tools.env, ...connection.env },
  );
  return { database: connection.database };
}
