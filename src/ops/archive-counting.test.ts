import os from 'node:os';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { consecutiveDates, seedEntryGraph, type EntryGraph } from '../../test/helpers/entry-graph';
import { openDatabase, type Database } from '../db/client';
import { PermissionAuthority } from '../modules/access/authority';
import { SYSTEM_ORIGIN } from '../modules/audit/audit-log';
import { aggregateEntries } from '../modules/dashboard/aggregates';
import { achievedAmounts } from '../modules/progress/progress-sql';
import { DataExportService } from '../modules/users/data-export';
import { archiveOldEntries } from './archive';

/**
 * Issue 14, part 2: archival moves old entries out of the live tables without changing what
 * they count for. A merit and a target whose windows span archived and live entries, and a
 * dashboard window across the cutoff, give the same numbers before and after archival; the
 * data export lists archived entries with their history.
 */

const TODAY = '2026-03-10';
const AFTER_DAYS = 730; // cutoff 2024-03-10: entries dated before it are archived
const DATES = consecutiveDates('2024-03-14', 10); // 2024-03-05 … 2024-03-14: five archived, five live

describe('archived entries still count', () => {
  let source: TestDatabase;
  let db: Database;
  let graph: EntryGraph;
  let meritId: bigint;
  let targetId: bigint;
  let openMeritId: bigint;

  beforeAll(async () => {
    source = await createTestDatabase();
    db = await openDatabase(
      { databaseUrl: source.url, dataDir: os.tmpdir(), dbPoolMax: 4, dbStatementTimeoutMs: 0 },
      pino({ level: 'silent' }),
    );
    graph = await seedEntryGraph(db.prisma, { users: 1, dates: DATES });
    const userId = graph.userIds[0]!;
    const items = graph.items[0]!;
    const countDeed = await db.prisma.deedItem.findUniqueOrThrow({ where: { id: items.countRoot } });
    const scaleItem = await db.prisma.deedItem.findUniqueOrThrow({ where: { id: items.scaleItem }, include: { deed: { include: { scales: { include: { values: true } } } } } });
    const onTime = scaleItem.deed.scales[0]!.values.find((value) => value.label === 'On time')!;

    // 2024-03-07 … 2024-03-12: three archived days and three live ones; the root's subtree counts its child too.
    const merit = await db.prisma.merit.create({
      data: {
        userId, deedId: countDeed.deedId, name: 'Read', startDate: new Date('2024-03-07'), durationDays: 6,
        items: { create: [{ deedItemId: items.countRoot, required: '1000' }] },
      },
    });
    const open = await db.prisma.merit.create({
      data: {
        userId, deedId: countDeed.deedId, name: 'Read forever', startDate: new Date('2020-01-01'), durationDays: null,
        items: { create: [{ deedItemId: items.countChild, required: '5' }] },
      },
    });
    const target = await db.prisma.target.create({
      data: {
        userId, name: 'Pray on time', startDate: new Date('2024-03-01'), endDate: new Date('2024-03-31'),
        items: { create: [{ deedItemId: items.scaleItem, scaleValueId: onTime.id, required: '2' }, { deedItemId: items.countChild, required: '3' }] },
      },
    });
    meritId = merit.id;
    openMeritId = open.id;
    targetId = target.id;
  });

  afterAll(async () => {
    await db.close();
    await source.drop();
  });

  const progress = () => achievedAmounts(db.prisma, { meritIds: [meritId, openMeritId], targetIds: [targetId] });
  const dashboard = () =>
    aggregateEntries(db.prisma, { ownerId: graph.userIds[0]!, dateFrom: '2024-03-06', dateTo: '2024-03-13', days: 8, itemIds: null });
  const exported = async () => {
    const userId = graph.userIds[0]!;
    const actor = { viewerId: userId, origin: SYSTEM_ORIGIN, authority: new PermissionAuthority(db.prisma, userId) };
    const { data } = await new DataExportService(db.prisma).exportMyData(actor, true);
    return data.entries as Array<{ id: string; archived: boolean; history: unknown[] } & Record<string, unknown>>;
  };

  it('progress, dashboard and export are the same before and after archival', async () => {
    const progressBefore = await progress();
    const dashboardBefore = await dashboard();
    const exportBefore = await exported();
    // The windows do reach archived days: otherwise this test would prove nothing.
    expect(progressBefore.every((row) => Number(row.achieved) > 0)).toBe(true);
    expect(exportBefore.every((entry) => entry.archived === false)).toBe(true);

    const result = await archiveOldEntries(db.prisma, { afterDays: AFTER_DAYS, today: TODAY, batchSize: 4 });
    expect(result.entries).toBe(5 * 3);
    expect(await db.prisma.entry.count()).toBe(5 * 3);

    expect(await progress()).toEqual(progressBefore);
    expect(await dashboard()).toEqual(dashboardBefore);
    const exportAfter = await exported();
    expect(exportAfter.filter((entry) => entry.archived).map((entry) => entry.id).sort()).toEqual(
      (await db.prisma.entryArchive.findMany({ select: { id: true } })).map((row) => row.id.toString()).sort(),
    );
    // Same entries with the same history, in the same order; only the flag differs.
    expect(exportAfter.map(({ archived: _archived, ...entry }) => entry)).toEqual(
      exportBefore.map(({ archived: _archived, ...entry }) => entry),
    );
  });

  it('a date recorded again after archival counts once: the live row supersedes the archived one', async () => {
    const userId = graph.userIds[0]!;
    const items = graph.items[0]!;
    const archived = await db.prisma.entryArchive.findFirstOrThrow({ where: { deedItemId: items.countChild, entryDate: new Date('2024-03-08') } });
    const before = await progress();
    await db.prisma.entry.create({
      data: { userId, createdByUserId: userId, deedItemId: items.countChild, entryDate: archived.entryDate, count: '100' },
    });
    const after = await progress();
    const delta = (rows: typeof before, goalId: bigint) =>
      rows.filter((row) => row.kind === 'MERIT' && row.goalId === goalId).reduce((sum, row) => sum + Number(row.achieved), 0);
    // The merit counts its root's subtree; the old value is replaced by 100, not added to.
    expect(delta(after, meritId) - delta(before, meritId)).toBeCloseTo(100 - Number(archived.count), 2);
  });
});
