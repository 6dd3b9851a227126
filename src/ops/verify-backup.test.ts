import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { runBackupCli } from '../../test/helpers/backup-cli';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { consecutiveDates, seedEntryGraph } from '../../test/helpers/entry-graph';
import { openDatabase } from '../db/client';
import { createBackup, manifestFileOf, type BackupManifest } from './backup';
import { verifyNewestBackup } from './verify-backup';

const tools = { env: process.env };

async function scratchDatabases(): Promise<number> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'kitaab_verify_%'");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('db:verify-backup', () => {
  let source: TestDatabase;
  let backupDir: string;

  beforeAll(async () => {
    source = await createTestDatabase();
    const db = await openDatabase({ databaseUrl: source.url, dataDir: os.tmpdir(), dbPoolMax: 2, dbStatementTimeoutMs: 0 }, pino({ level: 'silent' }));
    await seedEntryGraph(db.prisma, { users: 2, dates: consecutiveDates('2026-01-10', 5) });
    await db.close();
    backupDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-verify-'));
  });
  afterAll(async () => {
    await source.drop();
    await fs.rm(backupDir, { recursive: true, force: true });
  });

  it('a backup records its tables in the dumped snapshot, and the newest restores exactly as recorded', async () => {
    const { file } = await createBackup({ databaseUrl: source.url, backupDir, keepDays: 14, tools });
    const manifest = JSON.parse(await fs.readFile(manifestFileOf(file), 'utf8')) as BackupManifest;
    expect(manifest.tables.entries!.rows).toBe(2 * 5 * 3);
    expect(manifest.tables.users!.rows).toBe(2);

    const result = await verifyNewestBackup({ databaseUrl: source.url, backupDir, tools });
    expect(result).toMatchObject({ file, differences: [] });
    expect(result.tables).toBe(Object.keys(manifest.tables).length);
    expect(await scratchDatabases()).toBe(0);

    const cli = await runBackupCli(['verify'], { DATABASE_URL: source.url, BACKUP_DIR: backupDir });
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.stdout).toContain('restored as recorded');
  });

  it('any difference between the restore and the record fails, and the CLI exits non-zero', async () => {
    const names = (await fs.readdir(backupDir)).filter((name) => name.endsWith('.dump')).sort();
    const file = path.join(backupDir, names.at(-1)!);
    const manifest = JSON.parse(await fs.readFile(manifestFileOf(file), 'utf8')) as BackupManifest;
    const tampered: BackupManifest = {
      ...manifest,
      tables: { ...manifest.tables, entries: { ...manifest.tables.entries!, rows: manifest.tables.entries!.rows + 1 }, deeds: { ...manifest.tables.deeds!, md5: '0'.repeat(32) } },
    };
    await fs.writeFile(manifestFileOf(file), JSON.stringify(tampered));

    const result = await verifyNewestBackup({ databaseUrl: source.url, backupDir, tools });
    expect(result.differences).toEqual(['deeds: checksum differs (4 rows)', 'entries: 31 rows recorded, 30 restored']);
    const cli = await runBackupCli(['verify'], { DATABASE_URL: source.url, BACKUP_DIR: backupDir });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('entries: 31 rows recorded, 30 restored');
    expect(await scratchDatabases()).toBe(0);
  });
});
