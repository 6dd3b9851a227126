import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRoot, runCommand } from '../../test/services/command';
import { findFreePort } from '../../test/services/free-port';
import { readLogTail } from '../../test/services/log-tail';
import { findPostgresBinDir } from '../../test/services/postgres-binaries';
import { archiveCommand, createBaseBackup, restoreToTime, walArchiveDir } from './point-in-time';
import { fingerprintTables, type Fingerprints } from './table-fingerprints';
import { withClient } from '../../test/helpers/pg-client';

/**
 * Issue 14, part 3, end to end on a real PostgreSQL this test starts with WAL archiving into
 * BACKUP_DIR/wal: base backup, rows A, time T, rows B, restore to T into a new data directory,
 * start PostgreSQL there: A is present, B is absent, and every table's checksum equals the
 * source's at T.
 */

const binDir = findPostgresBinDir();
const asUser = isRoot() ? 'postgres' : undefined;
const tools = { env: process.env };

function giveToPostgres(target: string): void {
  if (!asUser) return;
  execFileSync('chown', ['-R', `${asUser}:`, target]);
}

interface Cluster {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function startCluster(dataDir: string, socketDir: string, settings: string[]): Promise<Cluster> {
  const port = await findFreePort();
  const logFile = path.join(socketDir, `postgres-${port}.log`);
  // No fsync: the data is thrown away, and fsync dominates on a busy CI machine.
  const options = [`-p ${port}`, `-k ${socketDir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', ...settings].join(' ');
  try {
    await runCommand(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-o', options, 'start'], { asUser });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${readLogTail(logFile)}`);
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: async () => {
      await runCommand(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { asUser });
    },
  };
}

describe('point-in-time recovery', () => {
  let dir: string;
  let source: Cluster | undefined;
  let restored: Cluster | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kitaab-pitr-'));
    mkdirSync(walArchiveDir(path.join(dir, 'backups')), { recursive: true });
    // PostgreSQL's own user archives into it and runs the clusters (the test, as root, may write anywhere).
    giveToPostgres(dir);
  });
  afterAll(async () => {
    await restored?.stop().catch(() => undefined);
    await source?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores to a time T: rows written before T are there, rows written after are not', async () => {
    const backupDir = path.join(dir, 'backups');
    const sourceData = path.join(dir, 'source');
    mkdirSync(sourceData);
    giveToPostgres(sourceData);
    await runCommand(path.join(binDir, 'initdb'), ['-D', sourceData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], { asUser });
    source = await startCluster(sourceData, dir, [
      '-c wal_level=replica',
      '-c archive_mode=on',
      `-c "archive_command=${archiveCommand(backupDir).replace(/"/g, '\\"')}"`,
    ]);

    await withClient(source.url, (client) => client.query('CREATE TABLE ledger (id int PRIMARY KEY, note text, at timestamptz DEFAULT now())'));
    await withClient(source.url, (client) => client.query("INSERT INTO ledger (id, note) SELECT g, 'before the backup ' || g FROM generate_series(1, 50) g"));
    const base = await createBaseBackup({ databaseUrl: source.url, backupDir, tools });

    // Rows A, then T read from the server's clock once they are committed.
    await withClient(source.url, (client) => client.query("INSERT INTO ledger (id, note) SELECT g, 'A ' || g FROM generate_series(101, 120) g"));
    const atT: Fingerprints = await withClient(source.url, (client) => fingerprintTables(client));
    const targetTime = await withClient(source.url, async (client) => {
      const { rows } = await client.query<{ t: Date }>('SELECT clock_timestamp() AS t');
      // B must commit strictly after T (timestamps have microseconds; the JS Date keeps milliseconds).
      for (;;) {
        const { rows: now } = await client.query<{ later: boolean }>('SELECT clock_timestamp() > $1::timestamptz + interval \'2 milliseconds\' AS later', [rows[0]!.t]);
        if (now[0]!.later) break;
      }
      return new Date(rows[0]!.t.getTime() + 1);
    });
    expect(new Date(base.finishedAt).getTime()).toBeLessThan(targetTime.getTime());

    // Rows B, and everything written so far in the archive.
    await withClient(source.url, async (client) => {
      await client.query("INSERT INTO ledger (id, note) SELECT g, 'B ' || g FROM generate_series(201, 230) g");
      await client.query("UPDATE ledger SET note = 'B changed ' || id WHERE id <= 10");
      const { rows } = await client.query<{ wal: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
      for (;;) {
        const { rows: archived } = await client.query<{ done: boolean }>(
          'SELECT coalesce(last_archived_wal >= $1, false) AS done FROM pg_stat_archiver', [rows[0]!.wal]);
        if (archived[0]!.done) break;
      }
    });

    const restoredData = path.join(dir, 'restored');
    const result = await restoreToTime({ backupDir, targetTime, dataDir: restoredData });
    expect(result.baseBackup).toBe(base.dir);
    giveToPostgres(restoredData);
    restored = await startCluster(restoredData, dir, []);
    // Recovery replays to T, then promotes: wait until the copy is read-write.
    await withClient(restored.url, async (client) => {
      for (;;) {
        const { rows } = await client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
        if (!rows[0]!.recovering) break;
      }
    });

    const counts = await withClient(restored.url, async (client) => {
      const { rows } = await client.query<{ a: number; b: number; changed: number }>(
        `SELECT count(*) FILTER (WHERE id BETWEEN 101 AND 120)::int AS a, count(*) FILTER (WHERE id > 200)::int AS b,
                count(*) FILTER (WHERE note LIKE 'B changed%')::int AS changed FROM ledger`);
      return rows[0]!;
    });
    expect(counts).toEqual({ a: 20, b: 0, changed: 0 });
    expect(await withClient(restored.url, (client) => fingerprintTables(client))).toEqual(atT);
  });

  it('refuses a target time before any base backup finished, and a data directory that is not empty', async () => {
    const backupDir = path.join(dir, 'backups');
    await expect(restoreToTime({ backupDir, targetTime: new Date('2000-01-01T00:00:00Z'), dataDir: path.join(dir, 'never') })).rejects.toThrow(
      /no base backup .* finished before 2000-01-01/,
    );
    await expect(restoreToTime({ backupDir, targetTime: new Date(), dataDir: path.join(dir, 'restored') })).rejects.toThrow(/not empty/);
  });
});
