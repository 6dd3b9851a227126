import { todayIn } from '../../lib/local-dates';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, createScaleDeed, grant, RECORD_ENTRY, writeCounts, type ScaleDeed } from '../../../test/fixtures/entries';

let app: TestApp;
let owner: TestUser;
let writer: TestUser;
let reader: TestUser;
let stranger: TestUser;
let deed: ScaleDeed;

beforeAll(async () => {
  app = await startTestApp();
  // The owner's day runs ahead of the writer's: the OWNER's today bounds the date.
  owner = await app.createUser({ timezone: 'Pacific/Kiritimati' });
  writer = await app.createUser({ timezone: 'Pacific/Pago_Pago' });
  reader = await app.createUser();
  stranger = await app.createUser();
  deed = await createScaleDeed(app, owner);
  await grant(app, owner, writer, deed.rootId, 'WRITE');
  await grant(app, owner, reader, deed.rootId, 'READ');
});

afterAll(() => app.stop());

const input = (date: string, valueIndex = 0, itemId = deed.childId) => ({
  deedItemId: String(itemId),
  entryDate: date,
  scaleValueId: String(deed.values[valueIndex]),
});

describe('a WRITE grantee records on the owner’s behalf', () => {
  it('creates the entry for the owner, createdBy/changedBy = the grantee, audited as WRITTEN_ON_BEHALF', async () => {
    const ownerToday = todayIn('Pacific/Kiritimati');
    const auditBefore = await app.prisma.auditLog.count();
    // The child item is covered by the grant on its parent; the date is the owner's today,
    // already the future in the writer's own timezone.
    const res = await app.gql(RECORD_ENTRY, { input: input(ownerToday) }, { token: writer.token });
    expect(res.errors).toBeUndefined();
    const { outcome, entry } = res.data!.recordEntry;
    expect(outcome).toBe('CREATED');
    expect(entry).toMatchObject({ owner: { id: owner.gid }, createdBy: { id: writer.gid }, entryDate: ownerToday });

    const row = await app.prisma.entry.findUniqueOrThrow({ where: { id: BigInt(entry.id) }, include: { history: true } });
    expect(row.userId).toBe(owner.id);
    expect(row.createdByUserId).toBe(writer.id);
    expect(row.history.map((h) => [h.action, h.changedByUserId])).toEqual([['CREATED', writer.id]]);

    const audits = await app.prisma.auditLog.findMany({ where: { id: { gt: BigInt(auditBefore) } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.userId, a.subjectUserId])).toEqual([
      ['WRITTEN_ON_BEHALF', 'ENTRY', BigInt(entry.id), writer.id, owner.id],
    ]);
  });

  it('an update by the owner keeps createdBy; the next grantee change is audited again', async () => {
    const ownerToday = todayIn('Pacific/Kiritimati');
    const byOwner = await app.gql(RECORD_ENTRY, { input: input(ownerToday, 1) }, { token: owner.token });
    expect(byOwner.data!.recordEntry).toMatchObject({ outcome: 'UPDATED', entry: { createdBy: { id: writer.gid } } });

    const auditsBefore = await app.prisma.auditLog.count({ where: { action: 'WRITTEN_ON_BEHALF' } });
    const byWriter = await app.gql(RECORD_ENTRY, { input: input(ownerToday, 2) }, { token: writer.token });
    expect(byWriter.data!.recordEntry.outcome).toBe('UPDATED');
    expect(await app.prisma.auditLog.count({ where: { action: 'WRITTEN_ON_BEHALF' } })).toBe(auditsBefore + 1);

    const history = await app.gql(
      `query($id: ID!) { entry(id: $id) { history { edges { node { action changedBy { id } } } } } }`,
      { id: byWriter.data!.recordEntry.entry.id },
      { token: reader.token },
    );
    expect(history.data!.entry.history.edges.map((e: any) => [e.node.action, e.node.changedBy.id])).toEqual([
      ['UPDATED', writer.gid],
      ['UPDATED', owner.gid],
      ['CREATED', writer.gid],
    ]);
  });

  it('updateEntry, deleteEntry and restoreEntry by the grantee: changedBy = grantee, audits DELETED/RESTORED too', async () => {
    const created = await app.gql(RECORD_ENTRY, { input: input('2025-03-01') }, { token: writer.token });
    const id = created.data!.recordEntry.entry.id;
    const auditBefore = await app.prisma.auditLog.count();

    const updated = await app.gql(
      `mutation($input: UpdateEntryInput!) { updateEntry(input: $input) { change { action changedBy { id } } } }`,
      { input: { id, notes: 'by writer' } },
      { token: writer.token },
    );
    expect(updated.data!.updateEntry.change).toEqual({ action: 'UPDATED', changedBy: { id: writer.gid } });
    const deleted = await app.gql(`mutation($id: ID!) { deleteEntry(input: { id: $id }) { change { action changedBy { id } } } }`, { id }, { token: writer.token });
    expect(deleted.data!.deleteEntry.change).toEqual({ action: 'DELETED', changedBy: { id: writer.gid } });

    const audits = await app.prisma.auditLog.findMany({ where: { id: { gt: BigInt(auditBefore) } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.userId, a.subjectUserId])).toEqual([
      ['WRITTEN_ON_BEHALF', writer.id, owner.id],
      ['WRITTEN_ON_BEHALF', writer.id, owner.id],
      ['DELETED', writer.id, owner.id],
    ]);

    // A deleted entry is the owner's alone: the grantee cannot see it to restore it…
    const hidden = await app.gql(`mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`, { id }, { token: writer.token });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    // …but recording the slot again brings it back.
    const again = await app.gql(RECORD_ENTRY, { input: input('2025-03-01') }, { token: writer.token });
    expect(again.data!.recordEntry).toMatchObject({ outcome: 'RESTORED', entry: { id } });
  });
});

describe('who may not write', () => {
  async function refused(token: string, code: string, variables: Record<string, unknown> = { input: input('2025-03-05') }) {
    const before = await writeCounts(app);
    const res = await app.gql(RECORD_ENTRY, variables, { token });
    expect(res.data ?? null).toBeNull();
    expect(errorCode(res)).toBe(code);
    expect(await writeCounts(app)).toEqual(before);
    return res;
  }

  it('a READ grantee gets FORBIDDEN', () => refused(reader.token, 'FORBIDDEN'));

  it('a stranger gets NOT_FOUND, exactly as for a missing item', async () => {
    const res = await refused(stranger.token, 'NOT_FOUND');
    const missing = await refused(stranger.token, 'NOT_FOUND', { input: { ...input('2025-03-05'), deedItemId: '987654321' } });
    expect(res.errors![0]!.message).toBe(missing.errors![0]!.message);
  });

  it('a WRITE grantee outside the granted subtree gets NOT_FOUND', async () => {
    const other = await createCountDeed(app, owner);
    await refused(writer.token, 'NOT_FOUND', { input: { deedItemId: String(other.itemId), entryDate: '2025-03-05', count: '1' } });
  });

  it('READ grantee and stranger on update/delete/restore of an existing entry', async () => {
    const created = await app.gql(RECORD_ENTRY, { input: input('2025-03-06') }, { token: owner.token });
    const id = created.data!.recordEntry.entry.id;
    const ops = [
      [`mutation($id: ID!) { updateEntry(input: { id: $id, notes: "x" }) { entry { id } } }`],
      [`mutation($id: ID!) { deleteEntry(input: { id: $id }) { entry { id } } }`],
      [`mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`],
    ];
    for (const [query] of ops) {
      const before = await writeCounts(app);
      expect(errorCode(await app.gql(query!, { id }, { token: reader.token }))).toBe('FORBIDDEN');
      const strangerRes = await app.gql(query!, { id }, { token: stranger.token });
      expect(errorCode(strangerRes)).toBe('NOT_FOUND');
      expect(strangerRes.errors![0]!.message).toBe('Entry not found');
      expect(await writeCounts(app)).toEqual(before);
    }
  });

  it('a grant on an item under a deleted parent covers nothing: NOT_FOUND for the grantee', async () => {
    await app.prisma.deedItem.update({ where: { id: deed.rootId }, data: { deletedAt: new Date() } });
    try {
      await refused(writer.token, 'NOT_FOUND');
      await refused(owner.token, 'CONFLICT');
    } finally {
      await app.prisma.deedItem.update({ where: { id: deed.rootId }, data: { deletedAt: null } });
    }
  });
});
