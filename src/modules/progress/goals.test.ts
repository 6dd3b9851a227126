import { todayIn } from '../../lib/local-dates';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  createCountTree,
  createMerit,
  createScaleTree,
  createTarget,
  gqlOk,
  grant,
  MERIT_FIELDS,
  TARGET_FIELDS,
  type CountTree,
  type ScaleTree,
} from '../../../test/fixtures/progress';

/** Merit and target mutations and queries over HTTP: item sets, updates, deletes, privacy, filters, limits. */

let app: TestApp;
let owner: TestUser;
let stranger: TestUser;
let quran: CountTree;
let salah: ScaleTree;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser({ timezone: 'Asia/Karachi' });
  stranger = await app.createUser();
  quran = await createCountTree(app, owner);
  salah = await createScaleTree(app, owner);
});

afterAll(() => app.stop());

const UPDATE_MERIT = `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { ${MERIT_FIELDS} } removedItemIds } }`;
const UPDATE_TARGET = `mutation ($input: UpdateTargetInput!) { updateTarget(input: $input) { target { ${TARGET_FIELDS} } removedItemIds } }`;

const count = (item: bigint, required: string) => ({ deedItemId: String(item), required });

describe('createMerit', () => {
  it('stores trimmed text, defaults (ALL, today in the owner’s timezone, open-ended) and audits the items', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(quran.deedId),
      name: '  Daily reading  ',
      description: '  A page a day ',
      items: [count(quran.root, '30')],
    });
    expect(merit).toMatchObject({
      name: 'Daily reading',
      description: 'A page a day',
      completionLogic: 'ALL',
      startDate: todayIn('Asia/Karachi'),
      durationDays: null,
      endDate: null,
      isActive: true,
      status: 'IN_PROGRESS',
      completedAt: null,
      deletedAt: null,
      deed: { id: String(quran.deedId) },
      items: [{ deedItem: { id: String(quran.root) }, scaleValue: null, required: '30.00' }],
    });
    const audit = await app.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'MERIT', entityId: BigInt(merit.id) } });
    expect([audit.action, audit.userId]).toEqual(['CREATED', owner.id]);
    expect(audit.newValues).toMatchObject({
      name: 'Daily reading',
      startDate: todayIn('Asia/Karachi'),
      items: [{ id: merit.items[0].id, deedItemId: String(quran.root), scaleValueId: null, required: '30.00' }],
    });
  });

  it('is private: another user’s merit and target ids are NOT_FOUND, lists are their own', async () => {
    const merit = await createMerit(app, owner, { deedId: String(quran.deedId), name: 'Mine', items: [count(quran.root, '1')] });
    const target = await createTarget(app, owner, {
      name: 'Mine too',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      items: [count(quran.root, '1')],
    });
    for (const [query, id] of [
      ['query ($id: ID!) { merit(id: $id) { id } }', merit.id],
      ['query ($id: ID!) { target(id: $id) { id } }', target.id],
      ['mutation ($id: ID!) { deleteMerit(input: { id: $id }) { merit { id } } }', merit.id],
      ['mutation ($id: ID!) { updateTarget(input: { id: $id, name: "x" }) { target { id } } }', target.id],
    ] as const) {
      const res = await app.gql(query, { id }, { token: stranger.token });
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
    expect(await gqlOk(app, stranger, 'query { merits { id } targets { id } }')).toEqual({ merits: [], targets: [] });
    const none = await app.gql('query { merits { id } }');
    expect(errorCode(none)).toBe('UNAUTHENTICATED');
  });

  it('items from deeds the viewer does not own: invisible → NOT_FOUND, granted → FORBIDDEN', async () => {
    const grantee = await app.createUser();
    await grant(app, owner, grantee, quran.root, 'WRITE');
    const theirs = await createCountTree(app, grantee, 'Own deed');
    const asGrantee = (items: unknown[]) =>
      app.gql(`mutation ($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }`, {
        input: { name: 'x', startDate: '2025-01-01', endDate: '2025-01-02', items },
      }, { token: grantee.token });
    expect(errorCode(await asGrantee([count(theirs.root, '1'), count(quran.child, '1')]))).toBe('FORBIDDEN');
    expect(errorCode(await asGrantee([count(theirs.root, '1'), count(salah.root, '1')]))).toBe('NOT_FOUND');
    const merit = await app.gql(`mutation ($input: CreateMeritInput!) { createMerit(input: $input) { merit { id } } }`, {
      input: { deedId: String(quran.deedId), name: 'x', items: [count(quran.root, '1')] },
    }, { token: grantee.token });
    expect(errorCode(merit)).toBe('FORBIDDEN');
  });

  it('a deleted item or deed cannot get new goals: CONFLICT for the owner', async () => {
    const tree = await createCountTree(app, owner, 'Soon deleted');
    await app.prisma.deedItem.update({ where: { id: tree.root }, data: { deletedAt: new Date() } });
    const onChild = await app.gql(`mutation ($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }`, {
      input: { name: 'x', startDate: '2025-01-01', endDate: '2025-01-02', items: [count(tree.child, '1')] },
    }, { token: owner.token });
    expect(errorCode(onChild)).toBe('CONFLICT');
    await app.prisma.deed.update({ where: { id: tree.deedId }, data: { deletedAt: new Date() } });
    const onDeed = await app.gql(`mutation ($input: CreateMeritInput!) { createMerit(input: $input) { merit { id } } }`, {
      input: { deedId: String(tree.deedId), name: 'x', items: [count(tree.sibling, '1')] },
    }, { token: owner.token });
    expect(errorCode(onDeed)).toBe('CONFLICT');
  });
});

describe('updateMerit', () => {
  it('replaces the item set: listed ids keep identity, others are removed, new ones created', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(salah.deedId),
      name: 'Prayers',
      startDate: '2025-02-01',
      durationDays: 7,
      items: [
        { deedItemId: String(salah.root), scaleValueId: String(salah.values.onTime), required: '5' },
        { deedItemId: String(salah.child), scaleValueId: String(salah.values.late), required: '1' },
      ],
    });
    const [kept, dropped] = merit.items;
    const data = await gqlOk(app, owner, UPDATE_MERIT, {
      input: {
        id: merit.id,
        description: null,
        completionLogic: 'ANY',
        items: [
          { id: kept.id, deedItemId: String(salah.root), scaleValueId: String(salah.values.onTime), required: '6' },
          { deedItemId: String(salah.child), scaleValueId: String(salah.values.missed), required: '2' },
        ],
      },
    });
    const updated = data.updateMerit;
    expect(updated.removedItemIds).toEqual([dropped.id]);
    expect(updated.merit.completionLogic).toBe('ANY');
    expect(updated.merit.items.map((item: any) => [item.id === kept.id, item.scaleValue.id, item.required])).toEqual([
      [true, String(salah.values.onTime), '6.00'],
      [false, String(salah.values.missed), '2.00'],
    ]);
    expect(await app.prisma.meritItem.count({ where: { id: BigInt(dropped.id) } })).toBe(0);
    const audit = await app.prisma.auditLog.findFirstOrThrow({
      where: { action: 'UPDATED', entityType: 'MERIT', entityId: BigInt(merit.id) },
    });
    expect(audit.oldValues).toMatchObject({ completionLogic: 'ALL', items: [{ required: '5.00' }, { required: '1.00' }] });
    expect(audit.newValues).toMatchObject({ completionLogic: 'ANY', items: [{ id: kept.id, required: '6.00' }, { required: '2.00' }] });
  });

  it('omitted fields stay; null clears the description and makes the window open-ended', async () => {
    const merit = await createMerit(app, owner, {
      deedId: String(quran.deedId),
      name: 'Window',
      description: 'kept?',
      startDate: '2025-03-01',
      durationDays: 10,
      items: [count(quran.root, '1')],
    });
    const kept = await gqlOk(app, owner, UPDATE_MERIT, { input: { id: merit.id, name: 'Renamed' } });
    expect(kept.updateMerit.merit).toMatchObject({ name: 'Renamed', description: 'kept?', durationDays: 10, endDate: '2025-03-10' });
    expect(kept.updateMerit.removedItemIds).toEqual([]);
    const cleared = await gqlOk(app, owner, UPDATE_MERIT, { input: { id: merit.id, description: null, durationDays: null } });
    expect(cleared.updateMerit.merit).toMatchObject({ name: 'Renamed', description: null, durationDays: null, endDate: null });
  });

  it('an id of another merit’s item, or a null name, is BAD_USER_INPUT', async () => {
    const a = await createMerit(app, owner, { deedId: String(quran.deedId), name: 'A', items: [count(quran.root, '1')] });
    const b = await createMerit(app, owner, { deedId: String(quran.deedId), name: 'B', items: [count(quran.root, '1')] });
    const foreign = await app.gql(UPDATE_MERIT, {
      input: { id: a.id, items: [{ id: b.items[0].id, deedItemId: String(quran.root), required: '2' }] },
    }, { token: owner.token });
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'items', 0, 'id'], message: 'is not an item of this merit', constraint: 'itemOf' },
    ]);
    const nullName = await app.gql(UPDATE_MERIT, { input: { id: a.id, name: null } }, { token: owner.token });
    expect(errorCode(nullName)).toBe('BAD_USER_INPUT');
  });
});

describe('deleting', () => {
  it('soft-deletes (no-op when repeated); deleted goals leave lists, stay readable by id; updates are CONFLICT', async () => {
    const merit = await createMerit(app, owner, { deedId: String(quran.deedId), name: 'Gone', items: [count(quran.root, '1')] });
    const first = await gqlOk(app, owner, `mutation ($id: ID!) { deleteMerit(input: { id: $id }) { merit { id deletedAt } } }`, { id: merit.id });
    expect(first.deleteMerit.merit.deletedAt).toEqual(expect.any(String));
    const again = await gqlOk(app, owner, `mutation ($id: ID!) { deleteMerit(input: { id: $id }) { merit { id deletedAt } } }`, { id: merit.id });
    expect(again.deleteMerit.merit.deletedAt).toBe(first.deleteMerit.merit.deletedAt);
    expect(await app.prisma.auditLog.count({ where: { action: 'DELETED', entityType: 'MERIT', entityId: BigInt(merit.id) } })).toBe(1);

    const lists = await gqlOk(app, owner, `query { live: merits { id } all: merits(filter: { includeDeleted: true }) { id } }`);
    expect(lists.live.map((m: any) => m.id)).not.toContain(merit.id);
    expect(lists.all.map((m: any) => m.id)).toContain(merit.id);
    const byId = await gqlOk(app, owner, `query ($id: ID!) { merit(id: $id) { deletedAt } }`, { id: merit.id });
    expect(byId.merit.deletedAt).toBe(first.deleteMerit.merit.deletedAt);
    expect(errorCode(await app.gql(UPDATE_MERIT, { input: { id: merit.id, name: 'x' } }, { token: owner.token }))).toBe('CONFLICT');

    const target = await createTarget(app, owner, { name: 'Gone', startDate: '2025-01-01', endDate: '2025-01-01', items: [count(quran.root, '1')] });
    await gqlOk(app, owner, `mutation ($id: ID!) { deleteTarget(input: { id: $id }) { target { deletedAt } } }`, { id: target.id });
    expect(errorCode(await app.gql(UPDATE_TARGET, { input: { id: target.id, name: 'x' } }, { token: owner.token }))).toBe('CONFLICT');
    const targets = await gqlOk(app, owner, `query { targets { id } }`);
    expect(targets.targets.map((t: any) => t.id)).not.toContain(target.id);
  });
});

describe('lists', () => {
  it('merits newest first, filtered by deed and status; targets by startDate descending, filtered by activeOn', async () => {
    const user = await app.createUser({ timezone: 'UTC' });
    const tree = await createCountTree(app, user);
    const other = await createCountTree(app, user, 'Other');
    const today = todayIn('UTC');
    const m1 = await createMerit(app, user, { deedId: String(tree.deedId), name: 'old window', startDate: '2020-01-01', durationDays: 1, items: [count(tree.root, '1')] });
    const m2 = await createMerit(app, user, { deedId: String(other.deedId), name: 'future', startDate: '2999-01-01', items: [count(other.root, '1')] });
    const m3 = await createMerit(app, user, { deedId: String(tree.deedId), name: 'now', startDate: today, items: [count(tree.root, '1')] });
    await gqlOk(app, user, UPDATE_MERIT, { input: { id: m1.id, isActive: false } });
    const data = await gqlOk(app, user, `query ($deed: ID!) {
      all: merits { name status }
      ofDeed: merits(filter: { deedId: $deed }) { name }
      open: merits(filter: { statuses: [IN_PROGRESS, NOT_STARTED] }) { name }
      paused: merits(filter: { statuses: [PAUSED] }) { id }
    }`, { deed: String(tree.deedId) });
    expect(data.all).toEqual([
      { name: 'now', status: 'IN_PROGRESS' },
      { name: 'future', status: 'NOT_STARTED' },
      { name: 'old window', status: 'PAUSED' },
    ]);
    expect(data.ofDeed.map((m: any) => m.name)).toEqual(['now', 'old window']);
    expect(data.open.map((m: any) => m.name)).toEqual(['now', 'future']);
    expect(data.paused).toEqual([{ id: m1.id }]);
    expect([m2.status, m3.status]).toEqual(['NOT_STARTED', 'IN_PROGRESS']);

    for (const [name, startDate, endDate] of [['a', '2025-01-01', '2025-01-31'], ['b', '2025-03-01', '2025-03-31'], ['c', '2025-01-15', '2025-02-15']]) {
      await createTarget(app, user, { name, startDate, endDate, items: [count(tree.root, '1')] });
    }
    const targets = await gqlOk(app, user, `query {
      all: targets { name status }
      onDay: targets(filter: { activeOn: "2025-01-20" }) { name }
      expired: targets(filter: { statuses: [EXPIRED] }) { name }
    }`);
    expect(targets.all).toEqual([
      { name: 'b', status: 'EXPIRED' },
      { name: 'c', status: 'EXPIRED' },
      { name: 'a', status: 'EXPIRED' },
    ]);
    expect(targets.onDay.map((t: any) => t.name)).toEqual(['c', 'a']);
    expect(targets.expired).toHaveLength(3);
  });

  it('includeDeleted adds only the 100 most recently deleted goals (a merit on a deleted deed counts from the deed)', async () => {
    const user = await app.createUser();
    const tree = await createCountTree(app, user);
    const gone = await createCountTree(app, user, 'Gone deed');
    const start = new Date('2025-01-01T00:00:00Z');
    const deletedAt = (second: number) => new Date(Date.UTC(2026, 0, 1) + second * 1000);
    const goals = (prefix: string, live: number, deleted: number) =>
      Array.from({ length: live + deleted }, (_, i) => ({
        userId: user.id,
        name: i < live ? `${prefix} live ${i}` : `${prefix} gone ${i - live}`,
        startDate: start,
        deletedAt: i < live ? null : deletedAt(i - live),
      }));
    await app.prisma.merit.createMany({ data: goals('m', 2, 150).map((merit) => ({ ...merit, deedId: tree.deedId })) });
    await app.prisma.merit.create({ data: { userId: user.id, deedId: gone.deedId, name: 'm of gone deed', startDate: start } });
    await app.prisma.deed.update({ where: { id: gone.deedId }, data: { deletedAt: deletedAt(149.5) } });
    await app.prisma.target.createMany({ data: goals('t', 2, 150).map((target) => ({ ...target, endDate: start })) });

    const newest = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} gone ${149 - i}`);
    const names = (list: Array<{ name: string }>) => list.map((goal) => goal.name).sort();
    const data = await gqlOk(app, user, `query {
      merits(filter: { includeDeleted: true }) { name }
      targets(filter: { includeDeleted: true }) { name }
    }`);
    expect(names(data.merits)).toEqual(['m live 0', 'm live 1', 'm of gone deed', ...newest('m', 99)].sort());
    expect(names(data.targets)).toEqual(['t live 0', 't live 1', ...newest('t', 100)].sort());
  });
});

describe('limits', () => {
  it('200 live merits and 200 live targets per user (BAD_USER_INPUT, LIMIT_EXCEEDED); deleted ones do not count', async () => {
    const user = await app.createUser();
    const tree = await createCountTree(app, user);
    const start = new Date('2025-01-01T00:00:00Z');
    await app.prisma.merit.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({ userId: user.id, deedId: tree.deedId, name: `m${i}`, startDate: start })),
    });
    await app.prisma.target.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({ userId: user.id, name: `t${i}`, startDate: start, endDate: start })),
    });
    const meritInput = { deedId: String(tree.deedId), name: 'one more', items: [count(tree.root, '1')] };
    const targetInput = { name: 'one more', startDate: '2025-01-01', endDate: '2025-01-01', items: [count(tree.root, '1')] };
    const createM = () => app.gql(`mutation ($input: CreateMeritInput!) { createMerit(input: $input) { merit { id } } }`, { input: meritInput }, { token: user.token });
    const createT = () => app.gql(`mutation ($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }`, { input: targetInput }, { token: user.token });
    for (const res of [await createM(), await createT()]) {
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.reason).toBe('LIMIT_EXCEEDED');
    }
    const oneMerit = await app.prisma.merit.findFirstOrThrow({ where: { userId: user.id } });
    await gqlOk(app, user, `mutation ($id: ID!) { deleteMerit(input: { id: $id }) { merit { id } } }`, { id: String(oneMerit.id) });
    expect((await createM()).errors).toBeUndefined();
    expect(errorCode(await createM())).toBe('BAD_USER_INPUT');
  });
});

describe('timezones', () => {
  it('UTC+14 and UTC−11 owners: default start, status and an entry “today” all follow the owner’s day', async () => {
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const user = await app.createUser({ timezone });
      const tree = await createCountTree(app, user);
      const today = todayIn(timezone);
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const merit = await createMerit(app, user, { deedId: String(tree.deedId), name: 'Today', durationDays: 1, items: [count(tree.root, '2')] });
      expect(merit).toMatchObject({ startDate: today, endDate: today, status: 'IN_PROGRESS' });
      const later = await createMerit(app, user, { deedId: String(tree.deedId), name: 'Tomorrow', startDate: tomorrow, items: [count(tree.root, '1')] });
      expect(later.status).toBe('NOT_STARTED');
      const past = await createMerit(app, user, { deedId: String(tree.deedId), name: 'Yesterday', startDate: yesterday, durationDays: 1, items: [count(tree.root, '9')] });
      expect(past.status).toBe('EXPIRED');

      // The owner's today is accepted for the entry and lies inside the one-day window.
      const res = await gqlOk(app, user, `mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { affectedMerits { id status progress { percent } } } }`, {
        input: { deedItemId: String(tree.child), entryDate: today, count: '2' },
      });
      expect(res.recordEntry.affectedMerits).toEqual([{ id: merit.id, status: 'COMPLETED', progress: { percent: 100 } }]);
    }
  });
});
