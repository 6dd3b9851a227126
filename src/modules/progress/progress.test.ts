import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  createCountTree,
  createMerit,
  createScaleTree,
  createTarget,
  gqlOk,
  meritById,
  recordEntries,
  targetById,
  type CountTree,
  type ScaleTree,
} from '../../../test/fixtures/progress';

/**
 * Live progress with hand-computed expectations (CONTRACT.md section 6): COUNT items sum the
 * counts of the item and its live descendants inside the window, SCALE items count exact value
 * matches, ALL takes the mean of item percents and ANY the maximum. The dataset, 2024-03:
 *
 *   Quran (COUNT)  Root ─ Child ─ Grandchild, Sibling, Doomed (under Root, deleted below)
 *     Root        02-29: 100 (before the window)   03-01: 2.50
 *     Child       03-02: 3     03-04: 7 (entry deleted)    03-11: 50 (after a 10-day window)
 *     Grandchild  03-03: 1.25
 *     Sibling     03-03: 10
 *     Doomed      03-05: 4 (its item is deleted)
 *   Salah (SCALE)  Fajr ─ Sunnah
 *     Fajr        03-01: On time   03-02: Late   03-03: On time
 *     Sunnah      03-04: On time   03-05: Missed
 */

let app: TestApp;
let owner: TestUser;
let quran: CountTree;
let salah: ScaleTree;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  quran = await createCountTree(app, owner);
  salah = await createScaleTree(app, owner);
  const doomed = await app.prisma.deedItem.create({ data: { deedId: quran.deedId, parentId: quran.root, name: 'Doomed', level: 2 } });
  const { onTime, late, missed } = salah.values;
  const recorded = await recordEntries(app, owner, [
    { item: quran.root, date: '2024-02-29', count: '100' },
    { item: quran.root, date: '2024-03-01', count: '2.50' },
    { item: quran.child, date: '2024-03-02', count: '3' },
    { item: quran.child, date: '2024-03-04', count: '7' },
    { item: quran.child, date: '2024-03-11', count: '50' },
    { item: quran.grandchild, date: '2024-03-03', count: '1.25' },
    { item: quran.sibling, date: '2024-03-03', count: '10' },
    { item: doomed.id, date: '2024-03-05', count: '4' },
    { item: salah.root, date: '2024-03-01', scaleValue: onTime },
    { item: salah.root, date: '2024-03-02', scaleValue: late },
    { item: salah.root, date: '2024-03-03', scaleValue: onTime },
    { item: salah.child, date: '2024-03-04', scaleValue: onTime },
    { item: salah.child, date: '2024-03-05', scaleValue: missed },
  ]);
  const deletedEntryId = recorded.results[3].entry.id;
  await gqlOk(app, owner, `mutation ($id: ID!) { deleteEntry(input: { id: $id }) { entry { deletedAt } } }`, { id: deletedEntryId });
  await gqlOk(app, owner, `mutation ($id: ID!) { deleteDeedItem(input: { id: $id }) { deedItem { deletedAt } } }`, {
    id: String(doomed.id),
  });
});

afterAll(() => app.stop());

const countItem = (item: bigint, required: string) => ({ deedItemId: String(item), required });
const scaleItem = (item: bigint, value: bigint, required: string) => ({
  deedItemId: String(item),
  scaleValueId: String(value),
  required,
});

describe('merit progress', () => {
  it('COUNT items sum the item and its live descendants inside the window (ALL: mean, incomplete)', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(quran.deedId),
      name: 'Ten days of reading',
      startDate: '2024-03-01',
      durationDays: 10,
      items: [countItem(quran.root, '10'), countItem(quran.child, '4')],
    });
    // Root: 2.50 + 3 + 1.25 = 6.75 of 10 (the 02-29 and 03-11 entries are outside the window,
    // the deleted entry and the deleted item's entry do not count, Sibling is not below Root).
    // Child: 3 + 1.25 = 4.25 of 4.
    expect(merit).toMatchObject({
      startDate: '2024-03-01',
      durationDays: 10,
      endDate: '2024-03-10',
      completionLogic: 'ALL',
      isActive: true,
      status: 'EXPIRED',
      completedAt: null,
      items: [
        { progress: { achieved: '6.75', required: '10.00', percent: 67.5, complete: false } },
        { progress: { achieved: '4.25', required: '4.00', percent: 100, complete: true } },
      ],
      progress: { complete: false, completedItemCount: 1, itemCount: 2, percent: 83.75 },
    });
  });

  it('ANY is complete with one complete item (percent: the maximum) and completes on creation', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(quran.deedId),
      name: 'Either',
      completionLogic: 'ANY',
      startDate: '2024-03-01',
      durationDays: 10,
      items: [countItem(quran.root, '10'), countItem(quran.child, '4')],
    });
    expect(merit.progress).toEqual({ complete: true, completedItemCount: 1, itemCount: 2, percent: 100 });
    expect(merit.status).toBe('COMPLETED');
    expect(merit.completedAt).toEqual(expect.any(String));
  });

  it('an open-ended window counts everything from startDate on', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(quran.deedId),
      name: 'Open',
      startDate: '2024-03-02',
      items: [countItem(quran.root, '100')],
    });
    // 3 + 1.25 + 50 (03-11 is inside an open window); 02-29 and 03-01 are before it.
    expect(merit).toMatchObject({ endDate: null, durationDays: null, status: 'IN_PROGRESS' });
    expect(merit.items[0].progress).toEqual({ achieved: '54.25', required: '100.00', percent: 54.25, complete: false });
  });

  it('SCALE items count entries with exactly their value, descendants included', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(salah.deedId),
      name: 'Prayers on time',
      startDate: '2024-03-01',
      durationDays: 5,
      items: [scaleItem(salah.root, salah.values.onTime, '3'), scaleItem(salah.root, salah.values.late, '2')],
    });
    // On time: Fajr 03-01, Fajr 03-03, Sunnah 03-04 = 3 of 3. Late: Fajr 03-02 = 1 of 2.
    expect(merit.items.map((item: any) => item.progress)).toEqual([
      { achieved: '3.00', required: '3.00', percent: 100, complete: true },
      { achieved: '1.00', required: '2.00', percent: 50, complete: false },
    ]);
    expect(merit.progress).toEqual({ complete: false, completedItemCount: 1, itemCount: 2, percent: 75 });
  });

  it('a child item counts only its own subtree', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(salah.deedId),
      name: 'Sunnah',
      startDate: '2024-03-01',
      durationDays: 31,
      items: [scaleItem(salah.child, salah.values.onTime, '2'), scaleItem(salah.child, salah.values.missed, '1')],
    });
    expect(merit.items.map((item: any) => item.progress.achieved)).toEqual(['1.00', '1.00']);
    expect(merit.progress).toEqual({ complete: false, completedItemCount: 1, itemCount: 2, percent: 75 });
  });
});

describe('target progress', () => {
  it('items from several deeds over an inclusive range; percents rounded to 2 decimals', async () => {
    const target = await createTarget(app, owner, {
      name: 'Two days',
      startDate: '2024-03-02',
      endDate: '2024-03-03',
      items: [
        countItem(quran.root, '5'),
        scaleItem(salah.root, salah.values.onTime, '1'),
        countItem(quran.sibling, '30'),
      ],
    });
    // Root: Child 03-02 3 + Grandchild 03-03 1.25 = 4.25 of 5 = 85%. On time: Fajr 03-03 = 1 of 1.
    // Sibling: 10 of 30 = 33.33%. Mean: (85 + 100 + 33.33) / 3 = 72.776… → 72.78.
    expect(target).toMatchObject({
      startDate: '2024-03-02',
      endDate: '2024-03-03',
      status: 'EXPIRED',
      completedAt: null,
      items: [
        { progress: { achieved: '4.25', required: '5.00', percent: 85, complete: false } },
        { progress: { achieved: '1.00', required: '1.00', percent: 100, complete: true } },
        { progress: { achieved: '10.00', required: '30.00', percent: 33.33, complete: false } },
      ],
      progress: { complete: false, completedItemCount: 1, itemCount: 3, percent: 72.78 },
    });
    const again = await targetById(app, owner, target.id);
    expect(again.progress).toEqual(target.progress);
  });

  it('a deleted deed contributes nothing, and its merits leave the lists', async () => {
    const other = await createCountTree(app, owner, 'Charity');
    await recordEntries(app, owner, [{ item: other.root, date: '2024-03-01', count: '5' }]);
    const target = await createTarget(app, owner, {
      name: 'Charity week',
      startDate: '2024-03-01',
      endDate: '2024-03-07',
      items: [countItem(other.root, '10')],
    });
    const merit = await createMerit(app, owner, {
      deedId: String(other.deedId),
      name: 'Charity merit',
      startDate: '2024-03-01',
      items: [countItem(other.root, '10')],
    });
    expect(target.items[0].progress.achieved).toBe('5.00');
    await gqlOk(app, owner, `mutation ($id: ID!) { deleteDeed(input: { id: $id }) { deed { deletedAt } } }`, { id: String(other.deedId) });

    expect((await targetById(app, owner, target.id)).items[0].progress.achieved).toBe('0.00');
    const listed = await gqlOk(app, owner, `query { merits { id } }`);
    expect(listed.merits.map((m: any) => m.id)).not.toContain(merit.id);
    const withDeleted = await gqlOk(app, owner, `query { merits(filter: { includeDeleted: true }) { id } }`);
    expect(withDeleted.merits.map((m: any) => m.id)).toContain(merit.id);
    expect((await meritById(app, owner, merit.id)).progress.percent).toBe(0);
  });
});
