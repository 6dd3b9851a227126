import { todayIn } from '../../lib/local-dates';
import type { TestApp, TestUser } from '../../../test/helpers/test-app';
import {
  cachedDashboard,
  category,
  dashboardAfter,
  day,
  mutate,
  readDashboard,
  seedDashboardDataset,
  startDashboardTestApp,
  type DashboardDataset,
} from '../../../test/fixtures/dashboard';

/**
 * Every event of CONTRACT.md section 7 that changes the owner's own dashboard, over HTTP:
 * the dashboard is first read twice (the second read is served from the cache: same
 * `generatedAt`), then the event, then the very next read must show the new numbers.
 * Grant and relation events are in grantee.test.ts.
 */

let app: TestApp;
let owner: TestUser;
let data: DashboardDataset;

beforeAll(async () => {
  app = await startDashboardTestApp();
  owner = await app.createUser();
  data = await seedDashboardDataset(app, owner);
});

afterAll(async () => {
  await app?.stop();
});

const afterEvent = (user: TestUser, event: () => Promise<unknown>, days = 7) => dashboardAfter(app, user, { days }, event);

const gid = (id: bigint | undefined) => String(id!);

const RECORD = 'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }';
const UPDATE = 'mutation ($input: UpdateEntryInput!) { updateEntry(input: $input) { __typename } }';
const DELETE_ENTRY = 'mutation ($input: DeleteEntryInput!) { deleteEntry(input: $input) { __typename } }';
const RESTORE_ENTRY = 'mutation ($input: RestoreEntryInput!) { restoreEntry(input: $input) { __typename } }';
const DELETE_ITEM = 'mutation ($input: DeleteDeedItemInput!) { deleteDeedItem(input: $input) { __typename } }';
const RESTORE_ITEM = 'mutation ($input: RestoreDeedItemInput!) { restoreDeedItem(input: $input) { __typename } }';
const MOVE_ITEM = 'mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) { __typename } }';
const DELETE_DEED = 'mutation ($input: DeleteDeedInput!) { deleteDeed(input: $input) { __typename } }';
const RESTORE_DEED = 'mutation ($input: RestoreDeedInput!) { restoreDeed(input: $input) { __typename } }';
const UPDATE_DEED = 'mutation ($input: UpdateDeedInput!) { updateDeed(input: $input) { __typename } }';
const UPDATE_PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename } }';

// The tests run in order and each starts from the state the previous one left.
describe("invalidation of the owner's dashboard", () => {
  it('starts from the hand-computed 7-day numbers', async () => {
    const dashboard = await cachedDashboard(app, owner, { days: 7 });
    expect(category(dashboard, 'HASANAAT')).toMatchObject({ entryCount: 9, countSum: '6.85' });
    expect(category(dashboard, 'SAIYYIAAT')).toMatchObject({ entryCount: 2, countSum: '1.05' });
  });

  it('recordEntry', async () => {
    const dashboard = await afterEvent(owner, () =>
      mutate(app, owner, RECORD, { deedItemId: gid(data.backbitingItemId), entryDate: data.today, count: '2.00' }),
    );
    expect(category(dashboard, 'SAIYYIAAT')).toMatchObject({ entryCount: 3, countSum: '3.05', activeDays: 3, averageCountPerDay: '0.44' });
    expect(category(dashboard, 'SAIYYIAAT').series[6]).toEqual({ date: data.today, entryCount: 1, countSum: '2.00', averageScaleScore: null });
  });

  it('updateEntry', async () => {
    const dashboard = await afterEvent(owner, () => mutate(app, owner, UPDATE, { id: gid(data.entries.get('R:0')), count: '0.60' }));
    expect(category(dashboard, 'HASANAAT')).toMatchObject({ entryCount: 9, countSum: '7.35' });
  });

  it('deleteEntry and restoreEntry', async () => {
    const id = gid(data.entries.get('R:-6'));
    const deleted = await afterEvent(owner, () => mutate(app, owner, DELETE_ENTRY, { id }));
    expect(category(deleted, 'HASANAAT')).toMatchObject({ entryCount: 8, countSum: '4.85' });
    expect(category(deleted, 'HASANAAT').series[0]).toMatchObject({ entryCount: 1, countSum: '0.00', averageScaleScore: 1 });
    const restored = await afterEvent(owner, () => mutate(app, owner, RESTORE_ENTRY, { id }));
    expect(category(restored, 'HASANAAT')).toMatchObject({ entryCount: 9, countSum: '7.35' });
  });

  it('deleteDeedItem and restoreDeedItem', async () => {
    const id = gid(data.childId);
    const deleted = await afterEvent(owner, () => mutate(app, owner, DELETE_ITEM, { id }));
    expect(category(deleted, 'HASANAAT')).toMatchObject({ entryCount: 8, countEntryCount: 3, countSum: '4.35' });
    const restored = await afterEvent(owner, () => mutate(app, owner, RESTORE_ITEM, { id }));
    expect(category(restored, 'HASANAAT')).toMatchObject({ entryCount: 9, countEntryCount: 4, countSum: '7.35' });
  });

  it('moveDeedItem (the owner sees the same numbers, recomputed)', async () => {
    const moved = await afterEvent(owner, () => mutate(app, owner, MOVE_ITEM, { id: gid(data.childId), newParentId: null }));
    expect(category(moved, 'HASANAAT')).toMatchObject({ entryCount: 9, countSum: '7.35' });
  });

  it('deleteDeed and restoreDeed', async () => {
    const id = gid(data.backbitingDeedId);
    const deleted = await afterEvent(owner, () => mutate(app, owner, DELETE_DEED, { id }));
    expect(category(deleted, 'SAIYYIAAT')).toMatchObject({ entryCount: 0, countSum: '0.00', activeDays: 0 });
    const restored = await afterEvent(owner, () => mutate(app, owner, RESTORE_DEED, { id }));
    expect(category(restored, 'SAIYYIAAT')).toMatchObject({ entryCount: 3, countSum: '3.05' });
  });

  it('a category change moves the deed’s entries to the other block', async () => {
    const dashboard = await afterEvent(owner, () =>
      mutate(app, owner, UPDATE_DEED, { id: gid(data.salahDeedId), category: 'SAIYYIAAT' }),
    );
    expect(category(dashboard, 'HASANAAT')).toMatchObject({ entryCount: 4, scaleEntryCount: 0, averageScaleScore: null });
    expect(category(dashboard, 'SAIYYIAAT')).toMatchObject({
      entryCount: 8,
      scaleEntryCount: 5,
      countEntryCount: 3,
      averageScaleScore: expect.closeTo(0.55, 10),
    });
  });

  it('other deed changes keep the cached dashboard (renaming is not an invalidating event)', async () => {
    const before = await cachedDashboard(app, owner, { days: 7 });
    await mutate(app, owner, UPDATE_DEED, { id: gid(data.salahDeedId), name: 'Prayer' });
    expect((await readDashboard(app, owner, { days: 7 })).generatedAt).toBe(before.generatedAt);
  });
});

describe('invalidation on a timezone change', () => {
  it("moves the window to today in the owner's new timezone on the next read", async () => {
    const traveller = await app.createUser({ timezone: 'Pacific/Kiritimati' });
    const seeded = await seedDashboardDataset(app, traveller, 'Pacific/Kiritimati');
    const dashboard = await afterEvent(
      traveller,
      () => mutate(app, traveller, UPDATE_PROFILE, { timezone: 'Pacific/Pago_Pago' }),
      1,
    );
    // UTC+14 to UTC−11: "today" moves back one or two days, off the entries of d0.
    const pagoToday = todayIn('Pacific/Pago_Pago');
    expect([day(seeded.today, -1), day(seeded.today, -2)]).toContain(pagoToday);
    expect([dashboard.dateFrom, dashboard.dateTo, dashboard.timezone, dashboard.owner.timezone]).toEqual([
      pagoToday,
      pagoToday,
      'Pacific/Pago_Pago',
      'Pacific/Pago_Pago',
    ]);
    expect(category(dashboard, 'HASANAAT')).toMatchObject({ countSum: '0.00', countEntryCount: 0 });
  });
});
