import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, createScaleDeed, grant, writeCounts, type CountDeed, type ScaleDeed } from '../../../test/fixtures/entries';

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let scaleDeed: ScaleDeed;
let countDeed: CountDeed;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  reader = await app.createUser();
  scaleDeed = await createScaleDeed(app, owner);
  countDeed = await createCountDeed(app, owner);
  await grant(app, owner, reader, scaleDeed.rootId, 'READ');
});

afterAll(() => app.stop());

const RECORD_ENTRIES = /* GraphQL */ `
  mutation RecordMany($input: RecordEntriesInput!) {
    recordEntries(input: $input) {
      results { outcome entry { id entryDate count scaleValue { id } deedItem { id } } }
    }
  }`;

const countEntry = (entryDate: string, count: string, extra: Record<string, unknown> = {}) => ({
  deedItemId: String(countDeed.itemId),
  entryDate,
  count,
  ...extra,
});
const scaleEntry = (entryDate: string, valueIndex: number) => ({
  deedItemId: String(scaleDeed.rootId),
  entryDate,
  scaleValueId: String(scaleDeed.values[valueIndex]),
});

async function recordMany(entries: unknown[], token = owner.token) {
  return app.gql(RECORD_ENTRIES, { input: { entries } }, { token });
}

async function expectRefused(entries: unknown[], code: string, path: Array<string | number> | null, token = owner.token) {
  const before = await writeCounts(app);
  const res = await recordMany(entries, token);
  expect(res.data ?? null).toBeNull();
  expect(errorCode(res)).toBe(code);
  if (path) expect((res.errors![0]!.extensions!.fieldErrors as any[]).map((e) => e.path)).toContainEqual(path);
  expect(await writeCounts(app)).toEqual(before);
  return res;
}

describe('recordEntries', () => {
  it('records a mixed batch in one go and returns results in input order', async () => {
    const res = await recordMany([countEntry('2025-06-02', '1'), scaleEntry('2025-06-01', 2), countEntry('2025-06-01', '4.25')]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordEntries.results.map((r: any) => [r.outcome, r.entry.entryDate, r.entry.count, r.entry.scaleValue?.id ?? null])).toEqual([
      ['CREATED', '2025-06-02', '1.00', null],
      ['CREATED', '2025-06-01', null, String(scaleDeed.values[2])],
      ['CREATED', '2025-06-01', '4.25', null],
    ]);
    expect(await app.prisma.entryHistory.count({ where: { entry: { entryDate: { gte: new Date('2025-06-01') } } } })).toBe(3);
  });

  it('reports each outcome: UNCHANGED, UPDATED, RESTORED, CREATED', async () => {
    const deleted = await app.prisma.entry.findFirstOrThrow({ where: { deedItemId: scaleDeed.rootId, entryDate: new Date('2025-06-01') } });
    await app.prisma.entry.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const historyBefore = await app.prisma.entryHistory.count();
    const res = await recordMany([
      countEntry('2025-06-02', '1'),
      countEntry('2025-06-01', '5'),
      scaleEntry('2025-06-01', 0),
      countEntry('2025-06-03', '0'),
    ]);
    expect(res.data!.recordEntries.results.map((r: any) => r.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'RESTORED', 'CREATED']);
    expect(await app.prisma.entryHistory.count()).toBe(historyBefore + 3);
  });

  it('a failing item anywhere rolls back every item, with the error path at input.entries[i]', async () => {
    const good = [countEntry('2025-07-01', '1'), countEntry('2025-07-02', '2')];
    await expectRefused([...good, countEntry('1899-01-01', '1')], 'BAD_USER_INPUT', ['input', 'entries', 2, 'entryDate']);
    await expectRefused([...good, scaleEntry('2025-07-01', 0), { ...scaleEntry('2025-07-02', 0), count: '1' }], 'BAD_USER_INPUT', ['input', 'entries', 3, 'count']);
    await expectRefused([countEntry('2025-07-01', '1', { notes: 'x'.repeat(5001) }), ...good.slice(1)], 'BAD_USER_INPUT', ['input', 'entries', 0, 'notes']);
    const missing = await expectRefused([...good, { ...countEntry('2025-07-03', '1'), deedItemId: '999999999' }], 'NOT_FOUND', ['input', 'entries', 2]);
    expect(missing.errors![0]!.message).toBe('Deed item not found');
    const noScale = await createScaleDeed(app, owner, { activeScale: false });
    await expectRefused(
      [...good, { deedItemId: String(noScale.rootId), entryDate: '2025-07-01', scaleValueId: String(noScale.values[0]) }],
      'CONFLICT',
      ['input', 'entries', 2],
    );
    // Nothing of the good items was kept.
    expect(await app.prisma.entry.count({ where: { entryDate: { gte: new Date('2025-07-01') } } })).toBe(0);
  });

  it('a failure inside the transaction, after earlier items were written, rolls every item back', async () => {
    await recordMany([countEntry('2025-07-10', '1')]);
    // Input checks all run before the transaction; to fail half-way through it, make the
    // database itself refuse the third row.
    await app.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_test_date() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.entry_date = DATE '2025-07-12' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$`);
    await app.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_test_date BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION refuse_test_date()`,
    );
    try {
      await expectRefused(
        [countEntry('2025-07-10', '2'), countEntry('2025-07-11', '1'), countEntry('2025-07-12', '1')],
        'INTERNAL_SERVER_ERROR',
        null,
      );
    } finally {
      await app.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_test_date ON entries`);
      await app.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_test_date()`);
    }
    const row = await app.prisma.entry.findFirstOrThrow({ where: { deedItemId: countDeed.itemId, entryDate: new Date('2025-07-10') } });
    expect(row.count!.toFixed(2)).toBe('1.00');
    expect(await app.prisma.entry.count({ where: { entryDate: new Date('2025-07-11') } })).toBe(0);
  });

  it('an item with the wrong value field fails the batch at its index', () =>
    expectRefused(
      [countEntry('2025-07-13', '2'), countEntry('2025-07-14', '1', { scaleValueId: String(scaleDeed.values[0]) })],
      'BAD_USER_INPUT',
      ['input', 'entries', 1, 'scaleValueId'],
    ));

  it('duplicate (item, date) pairs are BAD_USER_INPUT at the later one', () =>
    expectRefused([countEntry('2025-07-20', '1'), countEntry('2025-07-21', '1'), countEntry('2025-07-20', '2')], 'BAD_USER_INPUT', ['input', 'entries', 2]));

  it('0 or 101 entries are BAD_USER_INPUT; 100 are fine', async () => {
    await expectRefused([], 'BAD_USER_INPUT', ['input', 'entries']);
    const dates = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    await expectRefused(dates.map((d) => countEntry(d, '1')), 'BAD_USER_INPUT', ['input', 'entries']);
    const ok = await recordMany(dates.slice(0, 100).map((d) => countEntry(d, '1')));
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordEntries.results).toHaveLength(100);
  });

  it('a READ grantee is FORBIDDEN at its item, and nothing is written', () =>
    expectRefused([scaleEntry('2025-08-01', 0)], 'FORBIDDEN', ['input', 'entries', 0], reader.token));
});
