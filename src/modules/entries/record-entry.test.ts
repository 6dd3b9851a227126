import { todayIn } from '../../lib/local-dates';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  createCountDeed,
  createScaleDeed,
  RECORD_ENTRY,
  switchScale,
  utcDate,
  writeCounts,
  type CountDeed,
  type ScaleDeed,
} from '../../../test/fixtures/entries';

let app: TestApp;
let owner: TestUser;
let scaleDeed: ScaleDeed;
let countDeed: CountDeed;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  scaleDeed = await createScaleDeed(app, owner);
  countDeed = await createCountDeed(app, owner);
});

afterAll(() => app.stop());

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    entryHistory(entryId: $id) {
      totalCount
      edges { node { action changedBy { id } before { scaleValue { id } count notes } after { scaleValue { id } count notes } } }
    }
  }`;

async function record(input: Record<string, unknown>, token = owner.token) {
  return app.gql(RECORD_ENTRY, { input }, { token });
}

async function historyOf(entryId: string) {
  const res = await app.gql(HISTORY, { id: entryId }, { token: owner.token });
  expect(res.errors).toBeUndefined();
  return res.data!.entryHistory;
}

describe('recordEntry outcomes', () => {
  const date = '2025-01-10';

  it('CREATED: a new row owned by the item owner, with one CREATED history row', async () => {
    const res = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[1]), notes: 'first' });
    expect(res.errors).toBeUndefined();
    const { outcome, entry } = res.data!.recordEntry;
    expect(outcome).toBe('CREATED');
    expect(entry).toMatchObject({
      entryDate: date,
      count: null,
      notes: 'first',
      deletedAt: null,
      owner: { id: owner.gid },
      createdBy: { id: owner.gid },
      deedItem: { id: String(scaleDeed.rootId) },
      scale: { id: String(scaleDeed.scaleId) },
      scaleValue: { id: String(scaleDeed.values[1]), label: 'Late' },
    });
    const row = await app.prisma.entry.findUniqueOrThrow({ where: { id: BigInt(entry.id) } });
    expect(row.scaleId).toBe(scaleDeed.scaleId);
    expect(await historyOf(entry.id)).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            action: 'CREATED',
            changedBy: { id: owner.gid },
            before: null,
            after: { scaleValue: { id: String(scaleDeed.values[1]) }, count: null, notes: 'first' },
          },
        },
      ],
    });
  });

  it('UNCHANGED: same values (notes omitted keeps them) write nothing', async () => {
    const before = await writeCounts(app);
    const row = await app.prisma.entry.findFirstOrThrow({ where: { deedItemId: scaleDeed.rootId } });
    const res = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[1]) });
    expect(res.data!.recordEntry.outcome).toBe('UNCHANGED');
    expect(res.data!.recordEntry.entry.notes).toBe('first');
    expect(await writeCounts(app)).toEqual(before);
    const after = await app.prisma.entry.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.updatedAt).toEqual(row.updatedAt);
  });

  it('UPDATED: a new value keeps omitted notes; an explicit null clears them', async () => {
    const changed = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[2]) });
    expect(changed.data!.recordEntry).toMatchObject({ outcome: 'UPDATED', entry: { notes: 'first', scaleValue: { label: 'On time' } } });

    const cleared = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[2]), notes: null });
    expect(cleared.data!.recordEntry).toMatchObject({ outcome: 'UPDATED', entry: { notes: null } });

    const history = await historyOf(changed.data!.recordEntry.entry.id);
    expect(history.totalCount).toBe(3);
    expect(history.edges.map((e: any) => e.node.action)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
    expect(history.edges[0].node.before).toEqual({ scaleValue: { id: String(scaleDeed.values[2]) }, count: null, notes: 'first' });
    expect(history.edges[0].node.after).toEqual({ scaleValue: { id: String(scaleDeed.values[2]) }, count: null, notes: null });
    expect(history.edges[1].node.before).toEqual({ scaleValue: { id: String(scaleDeed.values[1]) }, count: null, notes: 'first' });
  });

  it('RESTORED: recording into a deleted slot brings the same row back with the new values', async () => {
    const row = await app.prisma.entry.findFirstOrThrow({ where: { deedItemId: scaleDeed.rootId } });
    const del = await app.gql(`mutation($id: ID!) { deleteEntry(input: { id: $id }) { change { action } } }`, { id: String(row.id) }, { token: owner.token });
    expect(del.data!.deleteEntry.change.action).toBe('DELETED');

    const res = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[0]), notes: 'back' });
    expect(res.data!.recordEntry).toMatchObject({
      outcome: 'RESTORED',
      entry: { id: String(row.id), deletedAt: null, notes: 'back', scaleValue: { label: 'Missed' } },
    });
    const history = await historyOf(String(row.id));
    expect(history.edges.slice(0, 2).map((e: any) => e.node)).toEqual([
      {
        action: 'RESTORED',
        changedBy: { id: owner.gid },
        before: { scaleValue: { id: String(scaleDeed.values[2]) }, count: null, notes: null },
        after: { scaleValue: { id: String(scaleDeed.values[0]) }, count: null, notes: 'back' },
      },
      {
        action: 'DELETED',
        changedBy: { id: owner.gid },
        before: { scaleValue: { id: String(scaleDeed.values[2]) }, count: null, notes: null },
        after: null,
      },
    ]);
  });

  it('RESTORED even when the values are the same as before the delete', async () => {
    const row = await app.prisma.entry.findFirstOrThrow({ where: { deedItemId: scaleDeed.rootId } });
    await app.prisma.entry.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
    const res = await record({ deedItemId: String(scaleDeed.rootId), entryDate: date, scaleValueId: String(scaleDeed.values[0]) });
    expect(res.data!.recordEntry).toMatchObject({ outcome: 'RESTORED', entry: { notes: 'back', deletedAt: null } });
  });

  it('COUNT deeds store the count with 2 decimals', async () => {
    const res = await record({ deedItemId: String(countDeed.itemId), entryDate: date, count: '2.5' });
    expect(res.data!.recordEntry).toMatchObject({ outcome: 'CREATED', entry: { count: '2.50', scale: null, scaleValue: null } });
    const same = await record({ deedItemId: String(countDeed.itemId), entryDate: date, count: '2.50' });
    expect(same.data!.recordEntry.outcome).toBe('UNCHANGED');
    const max = await record({ deedItemId: String(countDeed.itemId), entryDate: date, count: '99999999.99' });
    expect(max.data!.recordEntry).toMatchObject({ outcome: 'UPDATED', entry: { count: '99999999.99' } });
  });

  it('accepts 5000 characters of notes', async () => {
    const res = await record({ deedItemId: String(countDeed.itemId), entryDate: '2025-01-11', count: '0', notes: 'x'.repeat(5000) });
    expect(res.data!.recordEntry.outcome).toBe('CREATED');
  });
});

describe('recordEntry refuses bad input and writes nothing', () => {
  const item = () => String(scaleDeed.rootId);
  const value = () => String(scaleDeed.values[0]);

  async function expectRefused(input: Record<string, unknown>, code: string, path?: Array<string | number>, token = owner.token) {
    const before = await writeCounts(app);
    const res = await record(input, token);
    expect(res.data ?? null).toBeNull();
    expect(errorCode(res)).toBe(code);
    if (path) expect((res.errors![0]!.extensions!.fieldErrors as any[])[0].path).toEqual(path);
    expect(await writeCounts(app)).toEqual(before);
    return res;
  }

  it('count on a SCALE deed', () =>
    expectRefused({ deedItemId: item(), entryDate: '2025-02-01', scaleValueId: value(), count: '1' }, 'BAD_USER_INPUT', ['input', 'count']));

  it('no scaleValueId on a SCALE deed', () =>
    expectRefused({ deedItemId: item(), entryDate: '2025-02-01' }, 'BAD_USER_INPUT', ['input', 'scaleValueId']));

  it('scaleValueId on a COUNT deed', () =>
    expectRefused({ deedItemId: String(countDeed.itemId), entryDate: '2025-02-01', scaleValueId: value(), count: '1' }, 'BAD_USER_INPUT', ['input', 'scaleValueId']));

  it('no count on a COUNT deed', () =>
    expectRefused({ deedItemId: String(countDeed.itemId), entryDate: '2025-02-01', count: null }, 'BAD_USER_INPUT', ['input', 'count']));

  it('a scale value of another deed, or one that does not exist', async () => {
    const other = await createScaleDeed(app, owner);
    await expectRefused({ deedItemId: item(), entryDate: '2025-02-01', scaleValueId: String(other.values[0]) }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
    await expectRefused({ deedItemId: item(), entryDate: '2025-02-01', scaleValueId: '999999999' }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
  });

  it('a value of an inactive scale version; the active one works', async () => {
    const deed = await createScaleDeed(app, owner);
    const next = await switchScale(app, deed);
    await expectRefused({ deedItemId: String(deed.rootId), entryDate: '2025-02-01', scaleValueId: String(deed.values[0]) }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
    const ok = await record({ deedItemId: String(deed.rootId), entryDate: '2025-02-01', scaleValueId: String(next.values[1]) });
    expect(ok.data!.recordEntry).toMatchObject({ outcome: 'CREATED', entry: { scale: { id: String(next.scaleId) } } });
  });

  it('a SCALE deed with no active scale is a CONFLICT', async () => {
    const deed = await createScaleDeed(app, owner, { activeScale: false });
    await expectRefused({ deedItemId: String(deed.rootId), entryDate: '2025-02-01', scaleValueId: String(deed.values[0]) }, 'CONFLICT');
  });

  it('a date before 1900-01-01; 1900-01-01 itself is fine', async () => {
    await expectRefused({ deedItemId: item(), entryDate: '1899-12-31', scaleValueId: value() }, 'BAD_USER_INPUT', ['input', 'entryDate']);
    const ok = await record({ deedItemId: item(), entryDate: '1900-01-01', scaleValueId: value() });
    expect(ok.data!.recordEntry.outcome).toBe('CREATED');
  });

  it('dates that are not real dates', () => expectRefused({ deedItemId: item(), entryDate: '2025-02-30', scaleValueId: value() }, 'BAD_USER_INPUT'));

  it.each(['-1', '100000000', '1.234', 'abc', '1e3'])('count %s', (count) =>
    expectRefused({ deedItemId: String(countDeed.itemId), entryDate: '2025-02-01', count }, 'BAD_USER_INPUT'));

  it('5001 characters of notes', () =>
    expectRefused({ deedItemId: String(countDeed.itemId), entryDate: '2025-02-01', count: '1', notes: 'x'.repeat(5001) }, 'BAD_USER_INPUT', ['input', 'notes']));

  it('malformed and unknown deed item ids', async () => {
    await expectRefused({ deedItemId: 'abc', entryDate: '2025-02-01', count: '1' }, 'BAD_USER_INPUT');
    const res = await expectRefused({ deedItemId: '999999999', entryDate: '2025-02-01', count: '1' }, 'NOT_FOUND');
    expect(res.errors![0]!.message).toBe('Deed item not found');
  });

  it('an item under a deleted parent is a CONFLICT for the owner', async () => {
    const deed = await createScaleDeed(app, owner);
    await app.prisma.deedItem.update({ where: { id: deed.rootId }, data: { deletedAt: new Date() } });
    await expectRefused({ deedItemId: String(deed.childId), entryDate: '2025-02-01', scaleValueId: String(deed.values[0]) }, 'CONFLICT');
  });

  it('no token', async () => {
    const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: item(), entryDate: '2025-02-01', scaleValueId: value() } });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe("entry dates are days in the OWNER's timezone", () => {
  it('Kiritimati (UTC+14) can record its today, which is already the future for Pago Pago (UTC−11)', async () => {
    const east = await app.createUser({ timezone: 'Pacific/Kiritimati' });
    const west = await app.createUser({ timezone: 'Pacific/Pago_Pago' });
    const eastDeed = await createCountDeed(app, east);
    const westDeed = await createCountDeed(app, west);
    const eastToday = todayIn('Pacific/Kiritimati');
    // Kiritimati is 25 hours ahead of Pago Pago: its today is always after Pago Pago's.
    expect(eastToday > todayIn('Pacific/Pago_Pago')).toBe(true);
    expect(eastToday >= utcDate()).toBe(true);

    const ok = await record({ deedItemId: String(eastDeed.itemId), entryDate: eastToday, count: '1' }, east.token);
    expect(ok.data!.recordEntry.outcome).toBe('CREATED');

    const before = await writeCounts(app);
    const refused = await record({ deedItemId: String(westDeed.itemId), entryDate: eastToday, count: '1' }, west.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect((refused.errors![0]!.extensions!.fieldErrors as any[])[0].path).toEqual(['input', 'entryDate']);
    expect(await writeCounts(app)).toEqual(before);

    const westToday = todayIn('Pacific/Pago_Pago');
    const westOk = await record({ deedItemId: String(westDeed.itemId), entryDate: westToday, count: '1' }, west.token);
    expect(westOk.data!.recordEntry.outcome).toBe('CREATED');
  });
});
