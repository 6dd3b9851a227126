import pino from 'pino';
import { randomInt } from 'node:crypto';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { Prisma } from '../../generated/prisma/client';
import { addDays, todayIn } from '../../lib/local-dates';
import { DashboardCache } from './dashboard-cache';

/**
 * The crafted dataset of the dashboard tests, inserted directly (deeds, items, scales and
 * entries have their own modules and tests), with every expected number computed by hand in
 * the comments. Dates are offsets from the owner's today: d0 is today, d-6 the first day of a
 * 7-day window.
 *
 * HASANAAT
 *   "Reading" (COUNT): root R, child C (under R), deleted item Gone and its live child Orphan
 *       R: d-6 2.50, d-3 1.25, d0 0.10, d-10 100.00 (outside 7 and 8 days, inside 30)
 *       C: d-3 3.00, d-2 50.00 (entry deleted)
 *       Gone: d-1 40.00; Orphan: d-1 30.00 (both under a deleted item: excluded)
 *   "Salah" (SCALE, archived: isActive false, still included): items S and S2
 *       scale v1 has 3 values, v2 has 5 values: score = (order − 1) / (n − 1)
 *       S:  d-6 v1#3 → 1, d-5 v1#2 → 0.5
 *       S2: d-5 v2#2 → 0.25, d-1 v2#1 → 0, d0 v2#5 → 1
 *   "Fasting" (COUNT, deleted deed): item F: d-1 20.00 (excluded)
 * SAIYYIAAT
 *   "Backbiting" (COUNT): item B: d-2 1.00, d-1 0.05
 */

export interface DashboardDataset {
  today: string;
  readingDeedId: bigint;
  salahDeedId: bigint;
  backbitingDeedId: bigint;
  rootId: bigint;
  childId: bigint;
  scaleItemId: bigint;
  scaleItem2Id: bigint;
  backbitingItemId: bigint;
  /** The 5-value scale's values, in order. */
  scaleV2Values: bigint[];
  /** Entry ids by "item:offset", e.g. "R:-3". */
  entries: Map<string, bigint>;
}

export const day = (today: string, offset: number) => addDays(today, offset);

export async function seedDashboardDataset(app: TestApp, owner: TestUser, timezone = 'UTC'): Promise<DashboardDataset> {
  const { prisma } = app;
  const today = todayIn(timezone);
  const userId = owner.id;

  const reading = await prisma.deed.create({ data: { userId, name: 'Reading', category: 'HASANAAT', measureType: 'COUNT' } });
  const root = await prisma.deedItem.create({ data: { deedId: reading.id, name: 'Quran' } });
  const child = await prisma.deedItem.create({ data: { deedId: reading.id, parentId: root.id, level: 2, name: 'Tafsir' } });
  const gone = await prisma.deedItem.create({ data: { deedId: reading.id, name: 'Gone', deletedAt: new Date() } });
  const orphan = await prisma.deedItem.create({ data: { deedId: reading.id, parentId: gone.id, level: 2, name: 'Orphan' } });

  const salah = await prisma.deed.create({
    data: { userId, name: 'Salah', category: 'HASANAAT', measureType: 'SCALE', isActive: false },
  });
  const v1 = await prisma.scale.create({
    data: { deedId: salah.id, version: 1, values: { create: ['Missed', 'Late', 'On time'].map((label, i) => ({ label, order: i + 1 })) } },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  const v2 = await prisma.scale.create({
    data: {
      deedId: salah.id,
      version: 2,
      isActive: true,
      values: { create: ['None', 'Poor', 'Fair', 'Good', 'Best'].map((label, i) => ({ label, order: i + 1 })) },
    },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  const scaleItem = await prisma.deedItem.create({ data: { deedId: salah.id, name: 'Fajr' } });
  const scaleItem2 = await prisma.deedItem.create({ data: { deedId: salah.id, name: 'Isha' } });

  const fasting = await prisma.deed.create({
    data: { userId, name: 'Fasting', category: 'HASANAAT', measureType: 'COUNT', deletedAt: new Date() },
  });
  const fastingItem = await prisma.deedItem.create({ data: { deedId: fasting.id, name: 'Monday' } });

  const backbiting = await prisma.deed.create({ data: { userId, name: 'Backbiting', category: 'SAIYYIAAT', measureType: 'COUNT' } });
  const backbitingItem = await prisma.deedItem.create({ data: { deedId: backbiting.id, name: 'At work' } });

  const entries = new Map<string, bigint>();
  const count = async (name: string, itemId: bigint, offset: number, value: string, deleted = false) => {
    const row = await prisma.entry.create({
      data: {
        userId,
        createdByUserId: userId,
        deedItemId: itemId,
        entryDate: new Date(`${day(today, offset)}T00:00:00Z`),
        count: new Prisma.Decimal(value),
        deletedAt: deleted ? new Date() : null,
      },
    });
    entries.set(`${name}:${offset}`, row.id);
  };
  const scale = async (name: string, itemId: bigint, offset: number, scaleId: bigint, valueId: bigint) => {
    const row = await prisma.entry.create({
      data: {
        userId,
        createdByUserId: userId,
        deedItemId: itemId,
        entryDate: new Date(`${day(today, offset)}T00:00:00Z`),
        scaleId,
        scaleValueId: valueId,
      },
    });
    entries.set(`${name}:${offset}`, row.id);
  };

  await count('R', root.id, -6, '2.50');
  await count('R', root.id, -3, '1.25');
  await count('R', root.id, 0, '0.10');
  await count('R', root.id, -10, '100.00');
  await count('C', child.id, -3, '3.00');
  await count('C', child.id, -2, '50.00', true);
  await count('Gone', gone.id, -1, '40.00');
  await count('Orphan', orphan.id, -1, '30.00');
  await count('F', fastingItem.id, -1, '20.00');
  await count('B', backbitingItem.id, -2, '1.00');
  await count('B', backbitingItem.id, -1, '0.05');
  await scale('S', scaleItem.id, -6, v1.id, v1.values[2]!.id);
  await scale('S', scaleItem.id, -5, v1.id, v1.values[1]!.id);
  await scale('S2', scaleItem2.id, -5, v2.id, v2.values[1]!.id);
  await scale('S2', scaleItem2.id, -1, v2.id, v2.values[0]!.id);
  await scale('S2', scaleItem2.id, 0, v2.id, v2.values[4]!.id);

  return {
    today,
    readingDeedId: reading.id,
    salahDeedId: salah.id,
    backbitingDeedId: backbiting.id,
    rootId: root.id,
    childId: child.id,
    scaleItemId: scaleItem.id,
    scaleItem2Id: scaleItem2.id,
    backbitingItemId: backbitingItem.id,
    scaleV2Values: v2.values.map((v) => v.id),
    entries,
  };
}

/**
 * The test app for dashboard tests. The test Redis is shared by every test file, and each
 * file's database numbers its users from the same start, so the users of this app get ids
 * from a random high base: no dashboard cached by another file can share an owner id.
 */
export async function startDashboardTestApp(): Promise<TestApp> {
  const app = await startTestApp();
  const base = 1_000_000_000 + randomInt(1_000_000_000);
  await app.prisma.$executeRaw`SELECT setval(pg_get_serial_sequence('users', 'user_id'), ${base})`;
  return app;
}

/** Moves these owners to a fresh cache generation: their next reads compute. */
export async function forgetCachedDashboards(app: TestApp, ...users: TestUser[]): Promise<void> {
  await new DashboardCache(app.server.cache, pino({ level: 'silent' })).invalidateOwners(users.map((u) => u.id));
}

export const DASHBOARD = /* GraphQL */ `
  query Dashboard($days: Int, $ownerId: ID) {
    dashboard(days: $days, ownerId: $ownerId) {
      owner { id fullName timezone }
      days dateFrom dateTo timezone generatedAt
      categories {
        category entryCount scaleEntryCount countEntryCount countSum activeDays
        averageEntriesPerDay averageCountPerDay averageScaleScore
        series { date entryCount countSum averageScaleScore }
      }
    }
  }`;

export interface DailyStatJson {
  date: string;
  entryCount: number;
  countSum: string;
  averageScaleScore: number | null;
}

export interface CategoryStatsJson {
  category: string;
  entryCount: number;
  scaleEntryCount: number;
  countEntryCount: number;
  countSum: string;
  activeDays: number;
  averageEntriesPerDay: string;
  averageCountPerDay: string;
  averageScaleScore: number | null;
  series: DailyStatJson[];
}

export interface DashboardJson {
  owner: { id: string; fullName: string; timezone: string };
  days: number;
  dateFrom: string;
  dateTo: string;
  timezone: string;
  generatedAt: string;
  categories: CategoryStatsJson[];
}

/** Reads the dashboard over HTTP; fails the test on any error. */
export async function readDashboard(
  app: TestApp,
  viewer: TestUser,
  variables: { days?: number; ownerId?: string } = {},
): Promise<DashboardJson> {
  const res = await app.gql<{ dashboard: DashboardJson }>(DASHBOARD, variables, { token: viewer.token });
  if (res.errors) throw new Error(`dashboard failed: ${JSON.stringify(res.errors)}`);
  return res.data!.dashboard;
}

/** Reads twice, proving the second read came from the cache (same `generatedAt`), and returns it. */
export async function cachedDashboard(app: TestApp, viewer: TestUser, variables: { days?: number; ownerId?: string } = {}): Promise<DashboardJson> {
  const first = await readDashboard(app, viewer, variables);
  const second = await readDashboard(app, viewer, variables);
  expect(second).toEqual(first);
  return second;
}

/** The dashboard read right after `event`, which must have been recomputed. */
export async function dashboardAfter(
  app: TestApp,
  viewer: TestUser,
  variables: { days?: number; ownerId?: string },
  event: () => Promise<unknown>,
): Promise<DashboardJson> {
  const before = await cachedDashboard(app, viewer, variables);
  await event();
  const after = await readDashboard(app, viewer, variables);
  expect(after.generatedAt).not.toBe(before.generatedAt);
  return after;
}

/** The category block, by name. */
export function category(dashboard: DashboardJson, name: 'HASANAAT' | 'SAIYYIAAT'): CategoryStatsJson {
  return dashboard.categories.find((c) => c.category === name)!;
}

/** Runs a GraphQL mutation and fails the test on any error. */
export async function mutate(app: TestApp, user: TestUser, query: string, input: Record<string, unknown>): Promise<any> {
  const res = await app.gql(query, { input }, { token: user.token });
  if (res.errors) throw new Error(`mutation failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}
