import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { manifestFileOf, restoreBackup, type BackupManifest } from './backup';
import type { ToolEnvironment } from './postgres-tools';
import { compareFingerprints, fingerprintTables } from './table-fingerprints';

/**
 * `npm run db:verify-backup`: restores the newest logical backup of BACKUP_DIR into a scratch
 * database created for the purpose on the same server (`kitaab_verify_<random>`, dropped
 * afterwards whatever happens), and compares every table's row count and checksum with the
 * manifest the backup recorded in pg_dump's own snapshot. Any difference fails the check.
 */

const BACKUP_NAME = /^kitaab-\d{8}T\d{6}Z\.dump$/;

export interface VerifyOptions {
  /** Any database of the server to verify on; the role needs CREATEDB. */
  databaseUrl: string;
  backupDir: string;
  tools: ToolEnvironment;
}

export interface VerifyResult {
  readonly file: string;
  readonly tables: number;
  readonly rows: number;
  /** Empty when the restore matches the manifest. */
  readonly differences: string[];
}

/** The newest `kitaab-*.dump` that has a manifest (names sort by time). */
export async function newestVerifiableBackup(backupDir: string): Promise<string> {
  const names = (await fs.readdir(backupDir).catch(() => [] as string[])).filter((name) => BACKUP_NAME.test(name)).sort();
  for (const name of names.reverse()) {
    const file = path.join(backupDir, name);
    if (await fs.stat(manifestFileOf(file)).then(() => true, () => false)) return file;
  }
  throw new Error(`no backup with a manifest in ${backupDir}: run npm run db:backup first`);
}

async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function verifyNewestBackup(options: VerifyOptions): Promise<VerifyResult> {
  const file = await newestVerifiableBackup(options.backupDir);
  const manifest = JSON.parse(await fs.readFile(manifestFileOf(file), 'utf8')) as BackupManifest;
  const scratch = `kitaab_verify_${randomBytes(6).toString('hex')}`;
  const scratchUrl = new URL(options.databaseUrl);
  scratchUrl.pathname = `/${scratch}`;

  await onServer(options.databaseUrl, `CREATE DATABASE "${scratch}" TEMPLATE template0`);
  try {
    await restoreBackup({ databaseUrl: scratchUrl.toString(), file, tools: options.tools });
    const client = new Client({ connectionString: scratchUrl.toString() });
    await client.connect();
    let restored;
    try {
      restored = await fingerprintTables(client);
    } finally {
      await client.end();
    }
    return {
      file,
      tables: Object.keys(manifest.tables).length,
      rows: Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0),
      differences: compareFingerprints(manifest.tables, restored),
    };
  } finally {
    await onServer(options.databaseUrl, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  }
}
