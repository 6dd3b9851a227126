import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { quoteIdentifier, withDatabaseName } from '../../test/helpers/database-url';
import { consecutiveDates, seedEntryGraph } from '../../test/helpers/entry-graph';
import { runBackupCli } from '../../test/helpers/backup-cli';
import { databaseFingerprint } from '../../test/helpers/table-checksums';
import { openDatabase, type Database } from '../db/client';
import { backupFileName, createBackup, pruneBackups, restoreBackup, RestoreRefusedError } from './backup';
import { findPostgresTool, MissingPostgresToolError } from './postgres-tools';

const DAY_MS = 86_400_000;
const tools = { env: process.env };

async function runOnServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database as CREATE DATABASE makes it (template1), not a clone of the migrated template. */
async function createEmptyDatabase(name: string): Promise<string> {
  await runOnServer(`CREATE DATABASE ${quoteIdentifier(name)}`);
  return withDatabaseName(process.env.DATABASE_URL!, name);
}

function dropDatabase(name: string): Promise<void> {
  return runOnServer(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}

async function touch(file: string, ageDays: number): Promise<void> {
  await fs.writeFile(file, 'old');
  const at = new Date(Date.now() - ageDays * DAY_MS);
  await fs.utimes(file, at, at);
}

describe('backups', () => {
  let source: TestDatabase;
  let db: Database;
  let backupDir: string;
  const restoredName = `kitaab_restored_${process.pid}`;

  beforeAll(async () => {
    source = await createTestDatabase();
    db = await openDatabase(
      { databaseUrl: source.url, dataDir: os.tmpdir(), dbPoolMax: 4, dbStatementTimeoutMs: 0 },
      pino({ level: 'silent' }),
    );
    await seedEntryGraph(db.prisma, { users: 3, dates: consecutiveDates('2026-03-01', 20) });
    await db.prisma.auditLog.create({ data: { action: 'backup.test', entityType: 'Test', entityId: 1n } });
    backupDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-backups-'));
  }, 60_000);

  afterAll(async () => {
    await db.close();
    await source.drop();
    await dropDatabase(restoredName);
    await fs.rm(backupDir, { recursive: true, force: true });
  });

  it('names files by UTC timestamp', () => {
    expect(backupFileName(new Date('2026-03-14T02:05:09.123Z'))).toBe('kitaab-20260314T020509Z.dump');
  });

  it('restores a backup of a populated database into a fresh one with every table identical', async () => {
    const before = await databaseFingerprint(source.url);
    // The comparison below means something only if the graph is really there.
    expect(before.tables.users!.rows).toBe(3);
    expect(before.tables.deeds!.rows).toBe(6);
    expect(before.tables.deed_items!.rows).toBe(9);
    expect(before.tables.scale_values!.rows).toBe(9);
    expect(before.tables.entries!.rows).toBe(3 * 20 * 3);
    expect(before.tables.entry_history!.rows).toBe(3 * (60 + 30));
    expect(before.tables.audit_log!.rows).toBe(1);
    expect(before.tables._prisma_migrations!.rows).toBeGreaterThan(0);

    const backup = await createBackup({ databaseUrl: source.url, backupDir, keepDays: 14, tools });
    expect(path.dirname(backup.file)).toBe(backupDir);
    expect(path.basename(backup.file)).toMatch(/^kitaab-\d{8}T\d{6}Z\.dump$/);
    expect(backup.bytes).toBeGreaterThan(1000);
    expect((await fs.readFile(backup.file)).subarray(0, 5).toString()).toBe('PGDMP'); // custom format
    // No .partial left; the manifest of row counts and checksums beside it (db:verify-backup).
    expect(await fs.readdir(backupDir)).toEqual([path.basename(backup.file), `${path.basename(backup.file)}.manifest.json`]);

    const restoredUrl = await createEmptyDatabase(restoredName);
    await expect(restoreBackup({ databaseUrl: restoredUrl, file: backup.file, tools })).resolves.toEqual({ database: restoredName });

    const after = await databaseFingerprint(restoredUrl);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const table of Object.keys(before.tables)) {
      expect({ table, ...after.tables[table] }).toEqual({ table, ...before.tables[table] });
    }
    expect(after.sequences).toEqual(before.sequences);
    expect(Object.keys(after.sequences).length).toBeGreaterThan(10);
  }, 60_000);

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const backupFile = path.join(backupDir, (await fs.readdir(backupDir)).find((name) => name.endsWith('.dump'))!);
    const before = await databaseFingerprint(source.url);
    const attempt = restoreBackup({ databaseUrl: source.url, file: backupFile, tools });
    await expect(attempt).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`^refusing to restore into database "${source.name}": it is not empty \\(\\d+ table\\(s\\)/view\\(s\\)/sequence\\(s\\), \\d+ enum/domain type\\(s\\)\\)`),
    );
    expect(await databaseFingerprint(source.url)).toEqual(before);
  });

  it('says which file is missing', async () => {
    const missing = path.join(backupDir, 'nope.dump');
    await expect(restoreBackup({ databaseUrl: source.url, file: missing, tools })).rejects.toThrow(`backup file not found: ${missing}`);
  });

  it('deletes backups older than the retention, and only backup files', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-retention-'));
    try {
      await touch(path.join(dir, 'kitaab-20200101T000000Z.dump'), 15);
      await touch(path.join(dir, 'kitaab-20200101T000000Z.dump.manifest.json'), 15);
      await touch(path.join(dir, 'kitaab-20200101T000001Z.dump.partial'), 30);
      await touch(path.join(dir, 'kitaab-20200102T000000Z.dump'), 13);
      await touch(path.join(dir, 'notes.txt'), 400);
      await touch(path.join(dir, 'kitaab-manual.dump'), 400);

      const backup = await createBackup({ databaseUrl: source.url, backupDir: dir, keepDays: 14, tools });
      expect(backup.deleted).toEqual([
        path.join(dir, 'kitaab-20200101T000000Z.dump'),
        path.join(dir, 'kitaab-20200101T000000Z.dump.manifest.json'),
        path.join(dir, 'kitaab-20200101T000001Z.dump.partial'),
      ]);
      expect((await fs.readdir(dir)).sort()).toEqual(
        ['kitaab-20200102T000000Z.dump', 'kitaab-manual.dump', 'notes.txt', path.basename(backup.file), `${path.basename(backup.file)}.manifest.json`].sort(),
      );

      // The sweep alone, with a clock 2 days on: the 13-day-old file is now 15 days old.
      expect(await pruneBackups(dir, 14, new Date(Date.now() + 2 * DAY_MS))).toEqual([
        path.join(dir, 'kitaab-20200102T000000Z.dump'),
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails with one clear line when pg_dump is not installed', async () => {
    const nowhere = { debianRoot: '/nonexistent/postgresql', env: { PATH: '/nonexistent/bin' } };
    expect(() => findPostgresTool('pg_dump', nowhere)).toThrow(MissingPostgresToolError);
    await expect(createBackup({ databaseUrl: source.url, backupDir, keepDays: 14, tools: nowhere })).rejects.toThrow(
      /^pg_dump not found \(looked in \/nonexistent\/postgresql\/\*\/bin and PATH\): install the PostgreSQL client with `apt-get install -y postgresql-client`$/,
    );
    expect(findPostgresTool('pg_dump', tools)).toMatch(/\/pg_dump$/);
  });

  it('runs as npm scripts: backup, refusal to restore over data, and the PGlite message', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-cli-backups-'));
    try {
      const [created, pglite] = await Promise.all([
        runBackupCli(['create'], { DATABASE_URL: source.url, BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '3' }),
        runBackupCli(['create'], { DATABASE_URL: '', DATA_DIR: dir }),
      ]);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const [file] = await fs.readdir(dir);
      expect(created.stdout).toMatch(new RegExp(`^wrote ${path.join(dir, file!)} \\(\\d+\\.\\d\\d MB\\)\\n$`));

      expect(pglite.code).toBe(1);
      expect(pglite.stderr).toBe(
        `db:backup needs PostgreSQL: set DATABASE_URL. The embedded PGlite database (${path.join(dir, 'pglite')}) ` +
          'is backed up by stopping the server and copying DATA_DIR.\n',
      );

      const refused = await runBackupCli(['restore', path.join(dir, file!)], { DATABASE_URL: source.url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^refusing to restore into database "${source.name}": it is not empty .*\\n$`));
      expect(refused.stderr.split('\n')).toHaveLength(2);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
