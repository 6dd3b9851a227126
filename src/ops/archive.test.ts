import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { consecutiveDates, seedEntryGraph, type EntryGraph } from '../../test/helpers/entry-graph';
import { withFingerprintClient, type TableFingerprint } from '../../test/helpers/table-checksums';
import { openDatabase, type Database } from '../db/client';
import { archiveCutoff, archiveOldEntries, ArchiveShapeError } from './archive';

const TODAY = '2026-03-10';
const AFTER_DAYS = 730; // cutoff 2024-03-10
const OLD_DATES = consecutiveDates('2024-03-09', 10); // all due
const RECENT_DATES = consecutiveDates('2024-03-13', 4); // none due: the first is the cutoff day itself
const USERS = 2;
const ENTRIES_PER_DATE = 3; // two COUNT items and one SCALE item per user
const OLD_ENTRIES = USERS * OLD_DATES.length * ENTRIES_PER_DATE; // 60
const ALL_ENTRIES = USERS * (OLD_DATES.length + RECENT_DATES.length) * ENTRIES_PER_DATE; // 84

interface Fixture {
  source: TestDatabase;
  db: Database;
  graph: EntryGraph;
}

async function prepare(dates: readonly string[] = [...OLD_DATES, ...RECENT_DATES]): Promise<Fixture> {
  const source = await createTestDatabase();
  const db = await openDatabase(
    { databaseUrl: source.url, dataDir: os.tmpdir(), dbPoolMax: 4, dbStatementTimeoutMs: 0 },
    pino({ level: 'silent' }),
  );
  const graph = await seedEntryGraph(db.prisma, { users: USERS, dates });
  return { source, db, graph };
}

async function dispose(fixture: Fixture): Promise<void> {
  await fixture.db.close();
  await fixture.source.drop();
}

interface Census {
  /** Live and archived rows together: count, distinct ids and md5 over all rows in id order. */
  entries: TableFingerprint & { ids: number };
  history: TableFingerprint & { ids: number };
  liveEntries: number;
  archivedEntries: number;
  liveHistory: number;
  archivedHistory: number;
  /** Live entries that were due (should be 0 after a complete run). */
  dueLive: number;
  /** Archived entries that were not due (must always be 0). */
  undueArchived: number;
  /** History rows whose entry is on the other side (must always be 0). */
  strayHistory: number;
}

function census(databaseUrl: string, cutoff = archiveCutoff(AFTER_DAYS, TODAY)): Promise<Census> {
  return withFingerprintClient(databaseUrl, async (client: Client) => {
    const union = async (live: string, archive: string, id: string) => {
      const { rows } = await client.query<TableFingerprint & { ids: number }>(
        `SELECT count(*)::int AS rows, count(DISTINCT t.${id})::int AS ids,
                md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.${id}), '')) AS md5
         FROM (SELECT * FROM ${live} UNION ALL SELECT * FROM ${archive}) t`,
      );
      return rows[0]!;
    };
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM entries) AS "liveEntries",
              (SELECT count(*)::int FROM entries_archive) AS "archivedEntries",
              (SELECT count(*)::int FROM entry_history) AS "liveHistory",
              (SELECT count(*)::int FROM entry_history_archive) AS "archivedHistory",
              (SELECT count(*)::int FROM entries WHERE entry_date < $1::date) AS "dueLive",
              (SELECT count(*)::int FROM entries_archive WHERE entry_date >= $1::date) AS "undueArchived",
              (SELECT count(*)::int FROM entry_history h WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.entry_id = h.entry_id))
            + (SELECT count(*)::int FROM entry_history_archive h WHERE NOT EXISTS (SELECT 1 FROM entries_archive e WHERE e.entry_id = h.entry_id))
              AS "strayHistory"`,
      [cutoff],
    );
    return {
      entries: await union('entries', 'entries_archive', 'entry_id'),
      history: await union('entry_history', 'entry_history_archive', 'entry_history_id'),
      ...rows[0],
    } as Census;
  });
}

/** Every row exactly once across live + archive, and the same rows as before. */
function expectSameRows(after: Census, before: Census): void {
  expect(after.entries).toEqual(before.entries);
  expect(after.history).toEqual(before.history);
  expect(after.entries.ids).toBe(after.entries.rows);
  expect(after.history.ids).toBe(after.history.rows);
  expect(after.undueArchived).toBe(0);
  expect(after.strayHistory).toBe(0);
}

describe('archival', () => {
  it('computes the cutoff from today (UTC) minus ARCHIVE_AFTER_DAYS', () => {
    expect(archiveCutoff(730, '2026-03-10')).toBe('2024-03-10');
    expect(archiveCutoff(1, '2024-03-01')).toBe('2024-02-29');
    expect(archiveCutoff(730)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('moves due entries with their history, in batches, resuming after a run stopped between batches', async () => {
    const fixture = await prepare();
    try {
      const before = await census(fixture.source.url);
      expect(before).toMatchObject({ liveEntries: ALL_ENTRIES, archivedEntries: 0, dueLive: OLD_ENTRIES, archivedHistory: 0 });
      const oldHistory = await fixture.db.prisma.entryHistory.count({ where: { entry: { entryDate: { lt: new Date('2024-03-10') } } } });
      expect(oldHistory).toBe(OLD_ENTRIES * 1.5);

      const batches: Array<{ entries: number; history: number }> = [];
      const first = await archiveOldEntries(fixture.db.prisma, {
        afterDays: AFTER_DAYS,
        today: TODAY,
        batchSize: 7,
        maxBatches: 2,
        onBatch: (batch) => batches.push(batch),
      });
      // The first 14 entries by id are user 1's first 14: 14 CREATED rows + 7 UPDATED rows.
      expect(first).toEqual({ cutoff: '2024-03-10', batches: 2, entries: 14, history: 21, complete: false });
      expect(batches.map((batch) => batch.entries)).toEqual([7, 7]);
      const stopped = await census(fixture.source.url);
      expectSameRows(stopped, before);
      expect(stopped).toMatchObject({ archivedEntries: 14, dueLive: OLD_ENTRIES - 14, archivedHistory: first.history });

      const second = await archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 7 });
      // 46 left: six full batches and a short one of 4.
      expect(second).toEqual({ cutoff: '2024-03-10', batches: 7, entries: OLD_ENTRIES - 14, history: oldHistory - first.history, complete: true });
      const done = await census(fixture.source.url);
      expectSameRows(done, before);
      expect(done).toMatchObject({
        liveEntries: ALL_ENTRIES - OLD_ENTRIES,
        archivedEntries: OLD_ENTRIES,
        dueLive: 0,
        archivedHistory: oldHistory,
        liveHistory: before.history.rows - oldHistory,
      });

      const again = await archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 7 });
      expect(again).toEqual({ cutoff: '2024-03-10', batches: 0, entries: 0, history: 0, complete: true });
      expectSameRows(await census(fixture.source.url), before);
    } finally {
      await dispose(fixture);
    }
  }, 60_000);

  it('rolls a batch back whole when it fails halfway, and a re-run finishes the job', async () => {
    const fixture = await prepare();
    try {
      const before = await census(fixture.source.url);
      // The 20th due entry (third batch of 7) fails when its history reaches the archive,
      // after its batch's entries were already inserted there.
      const [victim] = await fixture.db.prisma.$queryRaw<Array<{ id: bigint }>>`
        SELECT entry_id AS id FROM entries WHERE entry_date < '2024-03-10' ORDER BY entry_id OFFSET 19 LIMIT 1`;
      await fixture.db.prisma.$executeRawUnsafe(`
        CREATE FUNCTION crash_on_victim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.entry_id = ${victim!.id} THEN RAISE EXCEPTION 'simulated crash in the middle of a batch'; END IF;
          RETURN NEW;
        END $$`);
      await fixture.db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER crash_on_victim BEFORE INSERT ON entry_history_archive FOR EACH ROW EXECUTE FUNCTION crash_on_victim()',
      );

      await expect(
        archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 7 }),
      ).rejects.toThrow('simulated crash in the middle of a batch');
      const crashed = await census(fixture.source.url);
      expectSameRows(crashed, before);
      expect(crashed).toMatchObject({ archivedEntries: 14, dueLive: OLD_ENTRIES - 14 });

      await fixture.db.prisma.$executeRawUnsafe('DROP TRIGGER crash_on_victim ON entry_history_archive');
      const rerun = await archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 7 });
      expect(rerun).toMatchObject({ entries: OLD_ENTRIES - 14, complete: true });
      const done = await census(fixture.source.url);
      expectSameRows(done, before);
      expect(done).toMatchObject({ archivedEntries: OLD_ENTRIES, dueLive: 0 });
    } finally {
      await dispose(fixture);
    }
  }, 60_000);

  it('skips an entry a writer holds locked and takes it on the next run', async () => {
    const fixture = await prepare();
    try {
      const before = await census(fixture.source.url);
      const [held] = await fixture.db.prisma.$queryRaw<Array<{ id: bigint }>>`
        SELECT entry_id AS id FROM entries WHERE entry_date < '2024-03-10' ORDER BY entry_id DESC LIMIT 1`;
      await withFingerprintClient(fixture.source.url, async (writer) => {
        await writer.query('BEGIN');
        await writer.query('SELECT 1 FROM entries WHERE entry_id = $1 FOR NO KEY UPDATE', [held!.id.toString()]);
        const run = await archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 25 });
        expect(run).toMatchObject({ entries: OLD_ENTRIES - 1, complete: true });
        await writer.query('COMMIT');
      });
      expect(await census(fixture.source.url)).toMatchObject({ dueLive: 1, archivedEntries: OLD_ENTRIES - 1 });

      const next = await archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY });
      expect(next).toMatchObject({ batches: 1, entries: 1, complete: true });
      const done = await census(fixture.source.url);
      expectSameRows(done, before);
      expect(done.dueLive).toBe(0);
    } finally {
      await dispose(fixture);
    }
  }, 60_000);

  it('refuses to run when an archive table lost step with its live table', async () => {
    const fixture = await prepare([OLD_DATES[0]!]);
    try {
      await fixture.db.prisma.$executeRawUnsafe('ALTER TABLE entries ADD COLUMN mood text');
      const run = archiveOldEntries(fixture.db.prisma, { afterDays: AFTER_DAYS, today: TODAY });
      await expect(run).rejects.toBeInstanceOf(ArchiveShapeError);
      await expect(run).rejects.toThrow(
        "entries_archive.mood is missing, entries.mood is text: give the archive table the live table's shape (schema.prisma + migration)",
      );
      expect(await fixture.db.prisma.entryArchive.count()).toBe(0);
      expect(await fixture.db.prisma.entry.count()).toBe(USERS * ENTRIES_PER_DATE);
    } finally {
      await dispose(fixture);
    }
  });

  it('survives `npm run db:archive` being killed mid-batch, and the next run completes it', async () => {
    // Dates relative to the real today: the CLI takes no clock.
    const cutoff = archiveCutoff(AFTER_DAYS);
    const lastDue = new Date(new Date(`${cutoff}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    const fixture = await prepare([...consecutiveDates(lastDue, 10), new Date().toISOString().slice(0, 10)]);
    const cli = (args: string[]) =>
      spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/archive.ts', ...args], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, DATABASE_URL: fixture.source.url, LOG_LEVEL: 'silent', ARCHIVE_AFTER_DAYS: String(AFTER_DAYS) },
      });
    try {
      const before = await census(fixture.source.url, cutoff);
      expect(before.dueLive).toBe(OLD_ENTRIES);
      // The third batch's first archived entry stalls inside its transaction.
      const [victim] = await fixture.db.prisma.$queryRaw<Array<{ id: bigint }>>`
        SELECT entry_id AS id FROM entries WHERE entry_date < ${cutoff}::date ORDER BY entry_id OFFSET 14 LIMIT 1`;
      await fixture.db.prisma.$executeRawUnsafe(`
        CREATE FUNCTION stall_on_victim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.entry_id = ${victim!.id} THEN PERFORM pg_sleep(60); END IF;
          RETURN NEW;
        END $$`);
      await fixture.db.prisma.$executeRawUnsafe(
        'CREATE TRIGGER stall_on_victim BEFORE INSERT ON entries_archive FOR EACH ROW EXECUTE FUNCTION stall_on_victim()',
      );

      const child = cli(['--batch-size', '7']);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      const stalledPid = await withFingerprintClient(fixture.source.url, async (client) => {
        for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
          const { rows } = await client.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
          );
          if (rows[0]) return rows[0].pid;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the archiver never reached the stalled batch');
      });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      // The server would notice the dead client only after the sleep: end its session now.
      await withFingerprintClient(fixture.source.url, (client) => client.query('SELECT pg_terminate_backend($1)', [stalledPid]));

      const killed = await census(fixture.source.url, cutoff);
      expectSameRows(killed, before);
      expect(killed).toMatchObject({ archivedEntries: 14, dueLive: OLD_ENTRIES - 14 });

      await fixture.db.prisma.$executeRawUnsafe('DROP TRIGGER stall_on_victim ON entries_archive');
      const rerun = cli([]);
      let stdout = '';
      rerun.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => rerun.once('exit', resolve));
      expect(code).toBe(0);
      const movedHistory = OLD_ENTRIES * 1.5 - killed.archivedHistory;
      expect(stdout).toBe(
        `archived ${OLD_ENTRIES - 14} entries and ${movedHistory} history rows\n` +
          `done: ${OLD_ENTRIES - 14} entries dated before ${cutoff} and ${movedHistory} history rows archived\n`,
      );
      const done = await census(fixture.source.url, cutoff);
      expectSameRows(done, before);
      expect(done).toMatchObject({ archivedEntries: OLD_ENTRIES, dueLive: 0, liveEntries: USERS * ENTRIES_PER_DATE });
    } finally {
      await dispose(fixture);
    }
  }, 90_000);
});
