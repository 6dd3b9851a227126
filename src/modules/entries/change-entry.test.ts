import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, createScaleDeed, RECORD_ENTRY, switchScale, writeCounts, type CountDeed, type ScaleDeed } from '../../../test/fixtures/entries';

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

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateEntryInput!) {
    updateEntry(input: $input) {
      entry { id count notes scale { id } scaleValue { id } updatedAt }
      change { action changedBy { id } before { count notes scaleValue { id } } after { count notes scaleValue { id } } entry { id } }
    }
  }`;
const DELETE = `mutation($id: ID!) { deleteEntry(input: { id: $id }) { entry { id deletedAt } change { action before { count } after { count } } } }`;
const RESTORE = `mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id deletedAt count } change { action before { count } after { count } } } }`;

async function recordCount(entryDate: string, count: string, notes?: string): Promise<string> {
  const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(countDeed.itemId), entryDate, count, ...(notes ? { notes } : {}) } }, { token: owner.token });
  expect(res.errors).toBeUndefined();
  return res.data!.recordEntry.entry.id;
}

async function historyActions(id: string): Promise<string[]> {
  const rows = await app.prisma.entryHistory.findMany({ where: { entryId: BigInt(id) }, orderBy: { id: 'desc' } });
  return rows.map((r) => r.action);
}

async function expectRefused(query: string, variables: Record<string, unknown>, code: string, path?: Array<string | number>) {
  const before = await writeCounts(app);
  const res = await app.gql(query, variables, { token: owner.token });
  expect(res.data ?? null).toBeNull();
  expect(errorCode(res)).toBe(code);
  if (path) expect((res.errors![0]!.extensions!.fieldErrors as any[])[0].path).toEqual(path);
  expect(await writeCounts(app)).toEqual(before);
}

describe('updateEntry', () => {
  it('changes count and notes independently, one UPDATED history row each; a no-op returns change null', async () => {
    const id = await recordCount('2025-01-01', '1', 'a');
    const count = await app.gql(UPDATE, { input: { id, count: '2' } }, { token: owner.token });
    expect(count.data!.updateEntry).toMatchObject({
      entry: { id, count: '2.00', notes: 'a' },
      change: { action: 'UPDATED', changedBy: { id: owner.gid }, before: { count: '1.00', notes: 'a' }, after: { count: '2.00', notes: 'a' }, entry: { id } },
    });
    const notes = await app.gql(UPDATE, { input: { id, notes: null } }, { token: owner.token });
    expect(notes.data!.updateEntry).toMatchObject({ entry: { count: '2.00', notes: null }, change: { after: { notes: null } } });

    const counts = await writeCounts(app);
    const same = await app.gql(UPDATE, { input: { id, count: '2.00', notes: null } }, { token: owner.token });
    expect(same.data!.updateEntry).toMatchObject({ change: null, entry: { count: '2.00' } });
    const nothing = await app.gql(UPDATE, { input: { id } }, { token: owner.token });
    expect(nothing.data!.updateEntry.change).toBeNull();
    expect(await writeCounts(app)).toEqual(counts);
    expect(await historyActions(id)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
  });

  it('a scale value may come from the entry’s own (now inactive) scale or the active one, nothing else', async () => {
    const deed = await createScaleDeed(app, owner);
    const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.rootId), entryDate: '2025-01-02', scaleValueId: String(deed.values[0]) } }, { token: owner.token });
    const id = res.data!.recordEntry.entry.id;
    const next = await switchScale(app, deed);

    const own = await app.gql(UPDATE, { input: { id, scaleValueId: String(deed.values[2]) } }, { token: owner.token });
    expect(own.data!.updateEntry.entry).toMatchObject({ scale: { id: String(deed.scaleId) }, scaleValue: { id: String(deed.values[2]) } });

    const active = await app.gql(UPDATE, { input: { id, scaleValueId: String(next.values[1]) } }, { token: owner.token });
    expect(active.data!.updateEntry.entry).toMatchObject({ scale: { id: String(next.scaleId) }, scaleValue: { id: String(next.values[1]) } });
    const row = await app.prisma.entry.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row.scaleId).toBe(next.scaleId);

    // Having moved to version 2, version 1 is neither active nor the entry's own any more.
    await expectRefused(UPDATE, { input: { id, scaleValueId: String(deed.values[0]) } }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
    await expectRefused(UPDATE, { input: { id, scaleValueId: String(scaleDeed.values[0]) } }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
  });

  it('refuses values of the wrong measure type, nulls for the value, overlong notes and bad counts', async () => {
    const id = await recordCount('2025-01-03', '1');
    await expectRefused(UPDATE, { input: { id, scaleValueId: String(scaleDeed.values[0]) } }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
    await expectRefused(UPDATE, { input: { id, count: null } }, 'BAD_USER_INPUT', ['input', 'count']);
    await expectRefused(UPDATE, { input: { id, notes: 'x'.repeat(5001) } }, 'BAD_USER_INPUT', ['input', 'notes']);
    await expectRefused(UPDATE, { input: { id, count: '-1' } }, 'BAD_USER_INPUT');
    const scaleRes = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(scaleDeed.rootId), entryDate: '2025-01-03', scaleValueId: String(scaleDeed.values[0]) } }, { token: owner.token });
    const scaleId = scaleRes.data!.recordEntry.entry.id;
    await expectRefused(UPDATE, { input: { id: scaleId, count: '1' } }, 'BAD_USER_INPUT', ['input', 'count']);
    await expectRefused(UPDATE, { input: { id: scaleId, scaleValueId: null } }, 'BAD_USER_INPUT', ['input', 'scaleValueId']);
  });

  it('unknown ids are NOT_FOUND; deleted entries and entries under deleted items are a CONFLICT for the owner', async () => {
    await expectRefused(UPDATE, { input: { id: '987654321', notes: 'x' } }, 'NOT_FOUND');
    const id = await recordCount('2025-01-04', '1');
    await app.gql(DELETE, { id }, { token: owner.token });
    await expectRefused(UPDATE, { input: { id, notes: 'x' } }, 'CONFLICT');

    const deed = await createScaleDeed(app, owner);
    const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.childId), entryDate: '2025-01-04', scaleValueId: String(deed.values[0]) } }, { token: owner.token });
    await app.prisma.deed.update({ where: { id: deed.deedId }, data: { deletedAt: new Date() } });
    await expectRefused(UPDATE, { input: { id: res.data!.recordEntry.entry.id, notes: 'x' } }, 'CONFLICT');
  });
});

describe('deleteEntry and restoreEntry', () => {
  it('delete writes DELETED (after = null); deleting again is a no-op with change null', async () => {
    const id = await recordCount('2025-02-01', '3');
    const del = await app.gql(DELETE, { id }, { token: owner.token });
    expect(del.data!.deleteEntry).toMatchObject({ entry: { id }, change: { action: 'DELETED', before: { count: '3.00' }, after: null } });
    expect(del.data!.deleteEntry.entry.deletedAt).not.toBeNull();
    const audit = await app.prisma.auditLog.findFirst({ where: { action: 'DELETED', entityType: 'ENTRY', entityId: BigInt(id) } });
    expect(audit).toMatchObject({ userId: owner.id, subjectUserId: null });

    const counts = await writeCounts(app);
    const again = await app.gql(DELETE, { id }, { token: owner.token });
    expect(again.data!.deleteEntry).toMatchObject({ entry: { id, deletedAt: del.data!.deleteEntry.entry.deletedAt }, change: null });
    expect(await writeCounts(app)).toEqual(counts);
  });

  it('restore writes RESTORED with the same value before and after; restoring a live entry is a no-op', async () => {
    const id = await recordCount('2025-02-02', '4');
    await app.gql(DELETE, { id }, { token: owner.token });
    const restored = await app.gql(RESTORE, { id }, { token: owner.token });
    expect(restored.data!.restoreEntry).toMatchObject({
      entry: { id, deletedAt: null, count: '4.00' },
      change: { action: 'RESTORED', before: { count: '4.00' }, after: { count: '4.00' } },
    });
    expect(await app.prisma.auditLog.count({ where: { action: 'RESTORED', entityType: 'ENTRY', entityId: BigInt(id) } })).toBe(1);

    const counts = await writeCounts(app);
    const again = await app.gql(RESTORE, { id }, { token: owner.token });
    expect(again.data!.restoreEntry).toMatchObject({ entry: { id, deletedAt: null }, change: null });
    expect(await writeCounts(app)).toEqual(counts);
    expect(await historyActions(id)).toEqual(['RESTORED', 'DELETED', 'CREATED']);
  });

  it('restore under a deleted item is a CONFLICT until the item is restored', async () => {
    const deed = await createScaleDeed(app, owner);
    const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.childId), entryDate: '2025-02-03', scaleValueId: String(deed.values[0]) } }, { token: owner.token });
    const id = res.data!.recordEntry.entry.id;
    await app.gql(DELETE, { id }, { token: owner.token });
    await app.prisma.deedItem.update({ where: { id: deed.rootId }, data: { deletedAt: new Date() } });
    await expectRefused(RESTORE, { id }, 'CONFLICT');
    // Deleting a live entry under a deleted item is a write to something effectively deleted.
    const live = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.childId), entryDate: '2025-02-04', scaleValueId: String(deed.values[0]) } }, { token: owner.token });
    expect(errorCode(live)).toBe('CONFLICT');

    await app.prisma.deedItem.update({ where: { id: deed.rootId }, data: { deletedAt: null } });
    const ok = await app.gql(RESTORE, { id }, { token: owner.token });
    expect(ok.data!.restoreEntry.change.action).toBe('RESTORED');
  });

  it('unknown and malformed ids', async () => {
    await expectRefused(DELETE, { id: '987654321' }, 'NOT_FOUND');
    await expectRefused(RESTORE, { id: '987654321' }, 'NOT_FOUND');
    await expectRefused(DELETE, { id: 'x1' }, 'BAD_USER_INPUT');
  });
});
