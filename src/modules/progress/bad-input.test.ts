import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountTree, createMerit, createScaleTree, createTarget, goalCounts, type CountTree, type ScaleTree } from '../../../test/fixtures/progress';

/**
 * Refused goal writes (CONTRACT.md sections 6 and 8): BAD_USER_INPUT with the path of the
 * offending field, and nothing written (goal rows, item rows and audit rows all unchanged).
 */

let app: TestApp;
let owner: TestUser;
let quran: CountTree;
let other: CountTree;
let salah: ScaleTree;
let otherScale: ScaleTree;
let meritId: string;
let targetId: string;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  quran = await createCountTree(app, owner);
  other = await createCountTree(app, owner, 'Other');
  salah = await createScaleTree(app, owner);
  otherScale = await createScaleTree(app, owner, 'Other scale');
  meritId = (await createMerit(app, owner, { deedId: String(quran.deedId), name: 'M', items: [{ deedItemId: String(quran.root), required: '1' }] })).id;
  targetId = (await createTarget(app, owner, { name: 'T', startDate: '2025-01-01', endDate: '2025-01-31', items: [{ deedItemId: String(quran.root), required: '1' }] })).id;
});

afterAll(() => app.stop());

const CREATE_MERIT = `mutation ($input: CreateMeritInput!) { createMerit(input: $input) { merit { id } } }`;
const CREATE_TARGET = `mutation ($input: CreateTargetInput!) { createTarget(input: $input) { target { id } } }`;
const UPDATE_MERIT = `mutation ($input: UpdateMeritInput!) { updateMerit(input: $input) { merit { id } } }`;
const UPDATE_TARGET = `mutation ($input: UpdateTargetInput!) { updateTarget(input: $input) { target { id } } }`;

const countItem = (item: bigint, required = '1') => ({ deedItemId: String(item), required });
const merit = (extra: Record<string, unknown>) => ({ deedId: String(quran.deedId), name: 'Bad', items: [countItem(quran.root)], ...extra });
const target = (extra: Record<string, unknown>) => ({ name: 'Bad', startDate: '2025-01-01', endDate: '2025-01-31', items: [countItem(quran.root)], ...extra });

const cases: Array<[string, string, () => Record<string, unknown>, Array<string | number>]> = [
  ['required 0', CREATE_MERIT, () => merit({ items: [countItem(quran.root, '0')] }), ['input', 'items', 0, 'required']],
  ['1.5 on a scale item', CREATE_MERIT, () => merit({
    deedId: String(salah.deedId),
    items: [{ deedItemId: String(salah.root), scaleValueId: String(salah.values.onTime), required: '1.5' }],
  }), ['input', 'items', 0, 'required']],
  ['no scaleValueId on a scale item', CREATE_TARGET, () => target({ items: [countItem(quran.root), countItem(salah.child, '2')] }), ['input', 'items', 1, 'scaleValueId']],
  ['a value of another deed’s scale', CREATE_TARGET, () => target({
    items: [{ deedItemId: String(salah.root), scaleValueId: String(otherScale.values.late), required: '1' }],
  }), ['input', 'items', 0, 'scaleValueId']],
  ['scaleValueId on a COUNT item', CREATE_TARGET, () => target({
    items: [{ deedItemId: String(quran.root), scaleValueId: String(salah.values.late), required: '1' }],
  }), ['input', 'items', 0, 'scaleValueId']],
  ['an item from another deed for a merit', CREATE_MERIT, () => merit({ items: [countItem(quran.root), countItem(other.root)] }), ['input', 'items', 1, 'deedItemId']],
  ['an id when creating', CREATE_MERIT, () => merit({ items: [{ id: '1', ...countItem(quran.root) }] }), ['input', 'items', 0, 'id']],
  ['21 merit items', CREATE_MERIT, () => merit({ items: Array.from({ length: 21 }, () => countItem(quran.root)) }), ['input', 'items']],
  ['no merit items', CREATE_MERIT, () => merit({ items: [] }), ['input', 'items']],
  ['51 target items', CREATE_TARGET, () => target({ items: Array.from({ length: 51 }, () => countItem(quran.root)) }), ['input', 'items']],
  ['durationDays 0', CREATE_MERIT, () => merit({ durationDays: 0 }), ['input', 'durationDays']],
  ['durationDays 3661', CREATE_MERIT, () => merit({ durationDays: 3661 }), ['input', 'durationDays']],
  ['a window past year 9999', CREATE_MERIT, () => merit({ startDate: '9999-12-01', durationDays: 100 }), ['input', 'durationDays']],
  ['endDate < startDate', CREATE_TARGET, () => target({ startDate: '2025-02-01', endDate: '2025-01-31' }), ['input', 'endDate']],
  // 2025-01-01 … 2035-01-08 is 3660 days (two leap days between), one more is too many.
  ['a range of 3661 days', CREATE_TARGET, () => target({ startDate: '2025-01-01', endDate: '2035-01-09' }), ['input', 'endDate']],
  ['an empty name', CREATE_TARGET, () => target({ name: '   ' }), ['input', 'name']],
  ['a name of 256 characters', CREATE_MERIT, () => merit({ name: 'x'.repeat(256) }), ['input', 'name']],
  ['a description of 5001 characters', CREATE_MERIT, () => merit({ description: 'x'.repeat(5001) }), ['input', 'description']],
  ['updateMerit: durationDays 0', UPDATE_MERIT, () => ({ id: meritId, durationDays: 0 }), ['input', 'durationDays']],
  ['updateMerit: null items', UPDATE_MERIT, () => ({ id: meritId, items: null }), ['input', 'items']],
  ['updateMerit: required 0', UPDATE_MERIT, () => ({ id: meritId, items: [countItem(quran.root, '0')] }), ['input', 'items', 0, 'required']],
  ['updateTarget: endDate before the stored startDate', UPDATE_TARGET, () => ({ id: targetId, endDate: '2024-12-31' }), ['input', 'endDate']],
  ['updateTarget: startDate after the stored endDate', UPDATE_TARGET, () => ({ id: targetId, startDate: '2025-02-01' }), ['input', 'startDate']],
  ['updateTarget: null startDate', UPDATE_TARGET, () => ({ id: targetId, startDate: null }), ['input', 'startDate']],
];

describe('bad goal input is BAD_USER_INPUT and writes nothing', () => {
  test.each(cases)('%s', async (_name, mutation, input, path) => {
    const before = await goalCounts(app);
    const res = await app.gql(mutation, { input: input() }, { token: owner.token });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.data).toBeNull();
    const paths = (res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown }>).map((e) => e.path);
    expect(paths).toContainEqual(path);
    expect(await goalCounts(app)).toEqual(before);
  });

  it('a malformed Decimal or Date is refused before any resolver runs', async () => {
    const before = await goalCounts(app);
    for (const input of [merit({ items: [countItem(quran.root, '-1')] }), merit({ startDate: '2025-02-30' })]) {
      expect(errorCode(await app.gql(CREATE_MERIT, { input }, { token: owner.token }))).toBe('BAD_USER_INPUT');
    }
    expect(await goalCounts(app)).toEqual(before);
  });
});

describe('the limits themselves are accepted', () => {
  it('durationDays 3660, a 3660-day range, 20 merit items and 50 target items', async () => {
    const longMerit = await createMerit(app, owner, merit({ durationDays: 3660, items: Array.from({ length: 20 }, () => countItem(quran.root)) }));
    expect([longMerit.durationDays, longMerit.items.length]).toEqual([3660, 20]);
    const longTarget = await createTarget(app, owner, target({ endDate: '2035-01-08', items: Array.from({ length: 50 }, () => countItem(quran.root)) }));
    expect([longTarget.endDate, longTarget.items.length]).toEqual(['2035-01-08', 50]);
  });
});
