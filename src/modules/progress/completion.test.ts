import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  createCountTree,
  createMerit,
  createTarget,
  entryInput,
  gqlOk,
  grant,
  meritById,
  MERIT_FIELDS,
  recordEntries,
  targetById,
  type CountTree,
} from '../../../test/fixtures/progress';

/**
 * completedAt (CONTRACT.md section 6): set the first time an ACTIVE goal is complete, in the
 * transaction of the entry write that completes it (whoever writes), never cleared by later
 * entry changes, cleared and re-checked when the goal's items, window or logic change.
 */

let app: TestApp;
let owner: TestUser;
let writer: TestUser;
let tree: CountTree;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  writer = await app.createUser();
  tree = await createCountTree(app, owner);
  await grant(app, owner, writer, tree.root, 'WRITE');
});

afterAll(() => app.stop());

const RECORD = `mutation ($input: RecordEntryInput!) {
  recordEntry(input: $input) { outcome entry { id } affectedMerits { ${MERIT_FIELDS} } affectedTargets { id completedAt status } }
}`;

async function record(user: TestUser, item: bigint, date: string, count: string) {
  const res = await app.gql(RECORD, { input: entryInput({ item, date, count }) }, { token: user.token });
  expect(res.errors).toBeUndefined();
  return res.data!.recordEntry;
}

const completions = (meritId: string) =>
  app.prisma.auditLog.findMany({ where: { action: 'COMPLETED', entityType: 'MERIT', entityId: BigInt(meritId) }, orderBy: { id: 'asc' } });

/** A goal item: a deed item of the tree and the amount it requires. */
type GoalItem = [item: bigint, required: string];

const itemInputs = (items: GoalItem[]) => items.map(([item, required]) => ({ deedItemId: String(item), required }));

/** A fresh ALL merit of the owner's on the tree's deed, over `durationDays` from `startDate`. */
const ownersMerit = (name: string, startDate: string, durationDays: number, ...items: GoalItem[]) =>
  createMerit(app, owner, { deedId: String(tree.deedId), name, startDate, durationDays, items: itemInputs(items) });

/** A fresh ALL target of the owner's over `startDate`..`endDate`. */
const ownersTarget = (name: string, startDate: string, endDate: string, ...items: GoalItem[]) =>
  createTarget(app, owner, { name, startDate, endDate, items: itemInputs(items) });

/** A fresh two-item ALL merit over 2024-05-01..2024-05-31 on Child (3) and Sibling (2). */
const twoItemMerit = (name: string) => ownersMerit(name, '2024-05-01', 31, [tree.child, '3'], [tree.sibling, '2']);

describe('completion by entry writes', () => {
  let meritId: string;

  it('is set by the write that completes the last item, in its payload, audited once', async () => {
    const merit = await twoItemMerit('Both');
    meritId = merit.id;
    const first = await record(owner, tree.child, '2024-05-02', '3');
    expect(first.affectedMerits).toHaveLength(1);
    expect(first.affectedMerits[0]).toMatchObject({
      id: meritId,
      completedAt: null,
      status: 'EXPIRED',
      progress: { complete: false, completedItemCount: 1, itemCount: 2, percent: 50 },
    });

    const second = await record(owner, tree.sibling, '2024-05-03', '2');
    expect(second.affectedMerits[0]).toMatchObject({
      id: meritId,
      completedAt: expect.any(String),
      status: 'COMPLETED',
      progress: { complete: true, completedItemCount: 2, itemCount: 2, percent: 100 },
    });
    const audits = await completions(meritId);
    expect(audits.map((a) => [a.action, a.entityType, a.userId, a.subjectUserId])).toEqual([['COMPLETED', 'MERIT', owner.id, null]]);
    expect(audits[0]!.newValues).toEqual({ completedAt: second.affectedMerits[0].completedAt });
  });

  it('is never cleared by later deletes; no second audit when it is complete again', async () => {
    const before = await meritById(app, owner, meritId);
    const entries = await app.prisma.entry.findMany({ where: { userId: owner.id, entryDate: new Date('2024-05-03') } });
    const del = await gqlOk(app, owner, `mutation ($id: ID!) { deleteEntry(input: { id: $id }) { affectedMerits { id completedAt progress { complete } } } }`, {
      id: String(entries[0]!.id),
    });
    expect(del.deleteEntry.affectedMerits).toEqual([{ id: meritId, completedAt: before.completedAt, progress: { complete: false } }]);
    const after = await meritById(app, owner, meritId);
    expect(after).toMatchObject({ completedAt: before.completedAt, status: 'COMPLETED', progress: { complete: false } });

    await gqlOk(app, owner, `mutation ($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`, { id: String(entries[0]!.id) });
    expect((await meritById(app, owner, meritId)).completedAt).toBe(before.completedAt);
    expect(await completions(meritId)).toHaveLength(1);
  });

  it('a renamed goal keeps completedAt; a changed window clears it and re-checks (complete again: set anew)', async () => {
    const before = await meritById(app, owner, meritId);
    const renamed = await gqlOk(app, owner, `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { name completedAt } } }`, {
      input: { id: meritId, name: 'Renamed' },
    });
    expect(renamed.updateMerit.merit).toEqual({ name: 'Renamed', completedAt: before.completedAt });

    const widened = await gqlOk(app, owner, `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { completedAt status } } }`, {
      input: { id: meritId, durationDays: 40 },
    });
    expect(widened.updateMerit.merit.status).toBe('COMPLETED');
    expect(Date.parse(widened.updateMerit.merit.completedAt)).toBeGreaterThan(Date.parse(before.completedAt));
    expect(await completions(meritId)).toHaveLength(2);
  });

  it('editing items so that the goal is incomplete clears completedAt; later entries complete it again', async () => {
    const updated = await gqlOk(
      app,
      owner,
      `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { completedAt status progress { complete } } } }`,
      {
        input: { id: meritId, items: itemInputs([[tree.child, '4'], [tree.sibling, '2']]) },
      },
    );
    expect(updated.updateMerit.merit).toEqual({ completedAt: null, status: 'EXPIRED', progress: { complete: false } });
    const audit = await app.prisma.auditLog.findFirstOrThrow({ where: { action: 'UPDATED', entityType: 'MERIT', entityId: BigInt(meritId) }, orderBy: { id: 'desc' } });
    expect(audit.newValues).toMatchObject({ completedAt: null });

    // Entries backfilled inside the expired window still complete it.
    const res = await record(owner, tree.grandchild, '2024-05-20', '1');
    expect(res.affectedMerits[0]).toMatchObject({ id: meritId, status: 'COMPLETED', completedAt: expect.any(String) });
  });

  it('a WRITE grantee’s write completes the owner’s goals; the grantee’s payload lists none', async () => {
    const merit = await ownersMerit('Helped', '2024-06-01', 1, [tree.root, '5']);
    const target = await ownersTarget('Helped target', '2024-06-01', '2024-06-01', [tree.child, '5']);
    const res = await record(writer, tree.child, '2024-06-01', '5.5');
    expect(res.outcome).toBe('CREATED');
    expect(res.affectedMerits).toEqual([]);
    expect(res.affectedTargets).toEqual([]);

    expect(await meritById(app, owner, merit.id)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
    expect(await targetById(app, owner, target.id)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
    const audits = await app.prisma.auditLog.findMany({
      where: {
        action: 'COMPLETED',
        OR: [
          { entityType: 'MERIT', entityId: BigInt(merit.id) },
          { entityType: 'TARGET', entityId: BigInt(target.id) },
        ],
      },
      orderBy: { id: 'asc' },
    });
    // The owner's rows: no actor (the grantee is not named, nor their address), the owner as subject.
    expect(audits.map((a) => [a.entityType, a.entityId, a.userId, a.subjectUserId, a.ipAddress])).toEqual([
      ['MERIT', BigInt(merit.id), null, owner.id, null],
      ['TARGET', BigInt(target.id), null, owner.id, null],
    ]);
    // Goals stay private: the grantee cannot look at them, nor learn of their completion.
    const peek = await app.gql(`query ($id: ID!) { merit(id: $id) { id } }`, { id: merit.id }, { token: writer.token });
    expect(errorCode(peek)).toBe('NOT_FOUND');
    expect(peek.data).toEqual({ merit: null });
    const completedEvents = (user: TestUser) =>
      gqlOk(app, user, `{ auditEvents(first: 100, filter: { actions: [COMPLETED] }) { edges { node { entityType entityId actor { id } } } } }`);
    expect((await completedEvents(writer)).auditEvents.edges).toEqual([]);
    const exported = await gqlOk(app, writer, `mutation { exportMyData(input: {}) { data } }`);
    expect(exported.exportMyData.data.auditEvents.filter((event: { action: string }) => event.action === 'COMPLETED')).toEqual([]);
    const ownerSees = (await completedEvents(owner)).auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(ownerSees).toEqual(
      expect.arrayContaining([
        { entityType: 'MERIT', entityId: merit.id, actor: null },
        { entityType: 'TARGET', entityId: target.id, actor: null },
      ]),
    );
  });

  it('a paused goal is never auto-completed; resuming it completes it', async () => {
    const merit = await ownersMerit('Paused', '2024-07-01', 1, [tree.sibling, '1']);
    await gqlOk(app, owner, `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { id } } }`, {
      input: { id: merit.id, isActive: false },
    });
    const res = await record(owner, tree.sibling, '2024-07-01', '1');
    expect(res.affectedMerits[0]).toMatchObject({ id: merit.id, status: 'PAUSED', completedAt: null, progress: { complete: true } });

    const resumed = await gqlOk(app, owner, `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { isActive status completedAt } } }`, {
      input: { id: merit.id, isActive: true },
    });
    expect(resumed.updateMerit.merit).toEqual({ isActive: true, status: 'COMPLETED', completedAt: expect.any(String) });
  });

  it('recordEntries completes several goals in one transaction and lists each once', async () => {
    const a = await ownersMerit('Batch A', '2024-08-01', 2, [tree.root, '2']);
    const b = await ownersTarget('Batch B', '2024-08-01', '2024-08-02', [tree.sibling, '1']);
    const payload = await recordEntries(app, owner, [
      { item: tree.child, date: '2024-08-01', count: '1' },
      { item: tree.grandchild, date: '2024-08-02', count: '1' },
      { item: tree.sibling, date: '2024-08-02', count: '1' },
    ]);
    expect(payload.affectedMerits).toEqual([{ id: a.id, completedAt: expect.any(String) }]);
    expect(payload.affectedTargets).toEqual([{ id: b.id, completedAt: expect.any(String) }]);
  });

  it('entries outside every window affect no goal', async () => {
    const res = await record(owner, tree.child, '2023-01-01', '9');
    expect(res.affectedMerits).toEqual([]);
    expect(res.affectedTargets).toEqual([]);
  });
});

describe('concurrent writes', () => {
  it('two writers each completing half of an ALL goal at the same time: the goal completes, once', async () => {
    for (let round = 0; round < 8; round += 1) {
      const date = `2024-09-${String(round + 1).padStart(2, '0')}`;
      const merit = await ownersMerit(`Race ${round}`, date, 1, [tree.child, '1'], [tree.sibling, '1']);
      // The grantee writes under the granted Root, the owner on Sibling, at the same moment.
      await Promise.all([record(writer, tree.child, date, '1'), record(owner, tree.sibling, date, '1')]);
      expect(await meritById(app, owner, merit.id)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
      expect(await completions(merit.id)).toHaveLength(1);
    }
  });
});
