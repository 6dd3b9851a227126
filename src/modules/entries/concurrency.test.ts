import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, createScaleDeed, grant, RECORD_ENTRY, type CountDeed, type ScaleDeed } from '../../../test/fixtures/entries';

let app: TestApp;
let owner: TestUser;
let writer: TestUser;
let scaleDeed: ScaleDeed;
let countDeed: CountDeed;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  writer = await app.createUser();
  scaleDeed = await createScaleDeed(app, owner);
  countDeed = await createCountDeed(app, owner);
  await grant(app, owner, writer, scaleDeed.rootId, 'WRITE');
});

afterAll(() => app.stop());

/** The history of the slot's single entry, oldest first, must be one unbroken chain. */
async function expectExactChain(entryId: bigint) {
  const entry = await app.prisma.entry.findUniqueOrThrow({ where: { id: entryId } });
  const history = await app.prisma.entryHistory.findMany({ where: { entryId }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] });
  expect(history[0]!.action).toBe('CREATED');
  expect(history.slice(1).every((h) => h.action === 'UPDATED')).toBe(true);
  for (let i = 1; i < history.length; i++) {
    const [prev, cur] = [history[i - 1]!, history[i]!];
    // Each change starts from the value the previous one left, and really changes it.
    expect([cur.oldScaleValueId, cur.oldCount?.toFixed(2), cur.oldNotes]).toEqual([prev.newScaleValueId, prev.newCount?.toFixed(2), prev.newNotes]);
    expect([cur.newScaleValueId, cur.newCount?.toFixed(2), cur.newNotes]).not.toEqual([cur.oldScaleValueId, cur.oldCount?.toFixed(2), cur.oldNotes]);
    // Same order by id as by time: the chain is written in the order the changes happened.
    expect(cur.id > prev.id).toBe(true);
  }
  const last = history[history.length - 1]!;
  expect([last.newScaleValueId, last.newCount?.toFixed(2), last.newNotes]).toEqual([entry.scaleValueId, entry.count?.toFixed(2), entry.notes]);
  return history;
}

describe('25 concurrent recordEntry calls on one (item, date)', () => {
  it('SCALE: no error, one row, one CREATED and an UPDATED only for each real change', async () => {
    const date = '2025-04-01';
    // Values repeat, so some calls find the value already there (UNCHANGED) and some change it.
    const calls = Array.from({ length: 25 }, (_, i) =>
      app.gql(
        RECORD_ENTRY,
        { input: { deedItemId: String(scaleDeed.childId), entryDate: date, scaleValueId: String(scaleDeed.values[i % 3]) } },
        { token: i % 2 === 0 ? owner.token : writer.token },
      ),
    );
    const responses = await Promise.all(calls);
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);

    const rows = await app.prisma.entry.findMany({ where: { deedItemId: scaleDeed.childId } });
    expect(rows).toHaveLength(1);
    const outcomes = responses.map((r) => r.data!.recordEntry.outcome as string);
    expect(outcomes.filter((o) => o === 'CREATED')).toHaveLength(1);
    expect(outcomes.every((o) => ['CREATED', 'UPDATED', 'UNCHANGED'].includes(o))).toBe(true);
    expect(new Set(responses.map((r) => r.data!.recordEntry.entry.id))).toEqual(new Set([String(rows[0]!.id)]));

    const history = await expectExactChain(rows[0]!.id);
    expect(history).toHaveLength(1 + outcomes.filter((o) => o === 'UPDATED').length);
  });

  it('COUNT with notes, all the same value: one CREATED, 24 UNCHANGED, one history row', async () => {
    const date = '2025-04-02';
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        app.gql(RECORD_ENTRY, { input: { deedItemId: String(countDeed.itemId), entryDate: date, count: '3', notes: 'same' } }, { token: owner.token }),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const outcomes = responses.map((r) => r.data!.recordEntry.outcome).sort();
    expect(outcomes).toEqual(['CREATED', ...Array(24).fill('UNCHANGED')]);
    const rows = await app.prisma.entry.findMany({ where: { deedItemId: countDeed.itemId, entryDate: new Date(date) } });
    expect(rows).toHaveLength(1);
    expect(await expectExactChain(rows[0]!.id)).toHaveLength(1);
  });

  it('COUNT, every call a different value: one CREATED and 24 UPDATED', async () => {
    const date = '2025-04-03';
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        app.gql(RECORD_ENTRY, { input: { deedItemId: String(countDeed.itemId), entryDate: date, count: String(i + 1) } }, { token: owner.token }),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(responses.map((r) => r.data!.recordEntry.outcome).sort()).toEqual(['CREATED', ...Array(24).fill('UPDATED')]);
    const rows = await app.prisma.entry.findMany({ where: { deedItemId: countDeed.itemId, entryDate: new Date(date) } });
    expect(rows).toHaveLength(1);
    expect(await expectExactChain(rows[0]!.id)).toHaveLength(25);
  });

  it('overlapping recordEntries batches in opposite orders do not deadlock', async () => {
    const dates = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'];
    const batch = (order: string[], count: string) => ({
      input: { entries: order.map((entryDate) => ({ deedItemId: String(countDeed.itemId), entryDate, count })) },
    });
    const mutation = `mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { results { outcome } } }`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.gql(mutation, batch(i % 2 ? [...dates].reverse() : dates, String(i)), { token: owner.token }),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const rows = await app.prisma.entry.findMany({ where: { deedItemId: countDeed.itemId, entryDate: { gte: new Date('2025-05-01') } } });
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(await expectExactChain(row.id)).toHaveLength(10);
  });
});
