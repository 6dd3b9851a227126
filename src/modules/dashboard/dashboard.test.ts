import { StatementCounter } from '../../../test/helpers/sql-statements';
import { errorCode, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { todayIn } from '../../lib/local-dates';
import {
  category,
  DASHBOARD,
  day,
  forgetCachedDashboards,
  readDashboard,
  seedDashboardDataset,
  startDashboardTestApp,
  type DashboardDataset,
  type DailyStatJson,
} from '../../../test/fixtures/dashboard';

/**
 * The dashboard's numbers over HTTP against the crafted dataset of test/fixtures/dashboard.ts (every
 * expected value below is worked out there by hand), its window in the owner's timezone, its
 * argument errors, and the cache measured at the database.
 */

let app: TestApp;
let owner: TestUser;
let pacificOwner: TestUser;
let stranger: TestUser;
let data: DashboardDataset;
let pacific: DashboardDataset;
let counter: StatementCounter;

beforeAll(async () => {
  app = await startDashboardTestApp();
  owner = await app.createUser({ fullName: 'Owner' });
  pacificOwner = await app.createUser({ timezone: 'Pacific/Kiritimati' });
  stranger = await app.createUser();
  data = await seedDashboardDataset(app, owner);
  pacific = await seedDashboardDataset(app, pacificOwner, 'Pacific/Kiritimati');
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app?.stop();
});

/** A zero-filled series with the given points, for the window ending `today`. */
function series(today: string, days: number, points: Record<number, Partial<DailyStatJson>>): DailyStatJson[] {
  return Array.from({ length: days }, (_, i) => {
    const offset = i - (days - 1);
    return { date: day(today, offset), entryCount: 0, countSum: '0.00', averageScaleScore: null, ...points[offset] };
  });
}

describe('dashboard numbers', () => {
  it('aggregates 7 days exactly: totals, averages, scale scores and zero-filled series', async () => {
    const dashboard = await readDashboard(app, owner, { days: 7 });
    const { today } = data;
    expect(dashboard).toMatchObject({
      owner: { id: owner.gid, fullName: 'Owner', timezone: 'UTC' },
      days: 7,
      dateFrom: day(today, -6),
      dateTo: today,
      timezone: 'UTC',
    });
    expect(Date.now() - Date.parse(dashboard.generatedAt)).toBeLessThan(60_000);
    expect(dashboard.categories.map((c) => c.category)).toEqual(['HASANAAT', 'SAIYYIAAT']);

    // Archived "Salah" counts; the deleted entry, deleted item (and its child) and deleted deed do not.
    expect(category(dashboard, 'HASANAAT')).toEqual({
      category: 'HASANAAT',
      entryCount: 9,
      scaleEntryCount: 5,
      countEntryCount: 4,
      countSum: '6.85',
      activeDays: 5,
      averageEntriesPerDay: '1.29', // 9 / 7 = 1.2857
      averageCountPerDay: '0.98', // 6.85 / 7 = 0.9786
      // (1 + 0.5) over the 3-value scale, (0.25 + 0 + 1) over the 5-value scale: 2.75 / 5
      averageScaleScore: expect.closeTo(0.55, 10),
      series: series(today, 7, {
        [-6]: { entryCount: 2, countSum: '2.50', averageScaleScore: 1 },
        [-5]: { entryCount: 2, averageScaleScore: expect.closeTo(0.375, 10) },
        [-3]: { entryCount: 2, countSum: '4.25' },
        [-1]: { entryCount: 1, averageScaleScore: 0 },
        [0]: { entryCount: 2, countSum: '0.10', averageScaleScore: 1 },
      }),
    });
    expect(category(dashboard, 'SAIYYIAAT')).toEqual({
      category: 'SAIYYIAAT',
      entryCount: 2,
      scaleEntryCount: 0,
      countEntryCount: 2,
      countSum: '1.05',
      activeDays: 2,
      averageEntriesPerDay: '0.29',
      averageCountPerDay: '0.15',
      averageScaleScore: null,
      series: series(today, 7, { [-2]: { entryCount: 1, countSum: '1.00' }, [-1]: { entryCount: 1, countSum: '0.05' } }),
    });
  });

  it('rounds the averages half-up over D calendar days (8 days: 9 / 8 = 1.125 → 1.13)', async () => {
    const dashboard = await readDashboard(app, owner, { days: 8 });
    expect(dashboard.dateFrom).toBe(day(data.today, -7));
    const hasanaat = category(dashboard, 'HASANAAT');
    expect([hasanaat.entryCount, hasanaat.averageEntriesPerDay, hasanaat.averageCountPerDay]).toEqual([9, '1.13', '0.86']);
    const saiyyiaat = category(dashboard, 'SAIYYIAAT');
    expect([saiyyiaat.averageEntriesPerDay, saiyyiaat.averageCountPerDay]).toEqual(['0.25', '0.13']);
    expect(hasanaat.series).toHaveLength(8);
  });

  it('defaults to 30 days, which reach the older entry; 1.05 / 30 = 0.035 rounds to 0.04', async () => {
    const dashboard = await readDashboard(app, owner);
    expect([dashboard.days, dashboard.dateFrom, dashboard.dateTo]).toEqual([30, day(data.today, -29), data.today]);
    const hasanaat = category(dashboard, 'HASANAAT');
    expect(hasanaat).toMatchObject({
      entryCount: 10,
      countEntryCount: 5,
      scaleEntryCount: 5,
      countSum: '106.85',
      activeDays: 6,
      averageEntriesPerDay: '0.33',
      averageCountPerDay: '3.56',
      averageScaleScore: expect.closeTo(0.55, 10),
    });
    expect(hasanaat.series).toHaveLength(30);
    expect(hasanaat.series[0]).toEqual({ date: day(data.today, -29), entryCount: 0, countSum: '0.00', averageScaleScore: null });
    expect(hasanaat.series[19]).toEqual({ date: day(data.today, -10), entryCount: 1, countSum: '100.00', averageScaleScore: null });
    // A float division gives 0.034999… and rounds down; the decimal half-up answer is 0.04.
    expect(category(dashboard, 'SAIYYIAAT')).toMatchObject({ averageEntriesPerDay: '0.07', averageCountPerDay: '0.04' });
  });

  it("windows on today in the owner's timezone (UTC+14)", async () => {
    const kiritimatiToday = todayIn('Pacific/Kiritimati');
    const dashboard = await readDashboard(app, pacificOwner, { days: 1 });
    expect([dashboard.dateFrom, dashboard.dateTo, dashboard.timezone]).toEqual([kiritimatiToday, kiritimatiToday, 'Pacific/Kiritimati']);
    // Only the owner's today: R 0.10 and S2's best value.
    expect(category(dashboard, 'HASANAAT')).toMatchObject({
      entryCount: 2,
      countSum: '0.10',
      averageScaleScore: 1,
      series: [{ date: pacific.today, entryCount: 2, countSum: '0.10', averageScaleScore: 1 }],
    });
    expect(category(dashboard, 'SAIYYIAAT').entryCount).toBe(0);
  });

  it('gives a user with no deeds both categories, zero-filled', async () => {
    const dashboard = await readDashboard(app, stranger, { days: 3 });
    for (const block of dashboard.categories) {
      expect(block).toEqual({
        category: block.category,
        entryCount: 0,
        scaleEntryCount: 0,
        countEntryCount: 0,
        countSum: '0.00',
        activeDays: 0,
        averageEntriesPerDay: '0.00',
        averageCountPerDay: '0.00',
        averageScaleScore: null,
        series: series(todayIn('UTC'), 3, {}),
      });
    }
  });
});

describe('dashboard errors', () => {
  it.each([0, 366, -1])('days %i is BAD_USER_INPUT on ["days"]', async (days) => {
    const res = await app.gql(DASHBOARD, { days }, { token: owner.token });
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['days'], constraint: 'range' })]);
  });

  it('accepts the bounds 1 and 365', async () => {
    expect((await readDashboard(app, owner, { days: 1 })).dateFrom).toBe(data.today);
    expect((await readDashboard(app, owner, { days: 365 })).dateFrom).toBe(day(data.today, -364));
  });

  it("is NOT_FOUND for someone else's dashboard with nothing readable, like a missing user", async () => {
    const stranger_ = await app.gql(DASHBOARD, { ownerId: owner.gid }, { token: stranger.token });
    const missing = await app.gql(DASHBOARD, { ownerId: '987654321' }, { token: stranger.token });
    for (const res of [stranger_, missing]) {
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0]!.path).toEqual(['dashboard']);
    }
    expect(stranger_.errors![0]!.message).toBe(missing.errors![0]!.message);
  });

  it('needs a token', async () => {
    const res = await app.gql(DASHBOARD, {});
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('dashboard cache', () => {
  const touchesEntries = (statement: string) => /\bentries\b/i.test(statement);

  it('computes in one aggregate statement, then serves the identical read with no aggregate SQL', async () => {
    expect(app.server.cache.kind).toBe('redis');
    await forgetCachedDashboards(app, owner);
    await app.gql('{ __typename }', {}, { token: owner.token }); // the viewer's row, kept across requests
    let first: Awaited<ReturnType<typeof readDashboard>> | undefined;
    const miss = await counter.capture(async () => {
      first = await readDashboard(app, owner, { days: 7 });
    });
    expect(miss.statements.filter(touchesEntries)).toHaveLength(1);
    // And nothing around it: no BEGIN and COMMIT to reach the primary (read-routing.ts primaryOf).
    expect(miss.statements).toHaveLength(1);

    let second: Awaited<ReturnType<typeof readDashboard>> | undefined;
    const hit = await counter.capture(async () => {
      second = await readDashboard(app, owner, { days: 7 });
    });
    expect(hit.statements.filter(touchesEntries)).toEqual([]);
    expect(second).toEqual(first);
  });

  it('keys by the window length: another D is computed separately', async () => {
    await readDashboard(app, owner, { days: 5 });
    const other = await counter.capture(() => readDashboard(app, owner, { days: 6 }));
    expect(other.statements.filter(touchesEntries)).toHaveLength(1);
  });
});
