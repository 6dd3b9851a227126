import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createDeed, createItem, itemsOf } from '../../../test/fixtures/deeds';

/** Structure writes on one deed are serialised (the deed row is locked), so checks hold under races. */
describe('deeds: concurrent structure changes', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
  });
  afterAll(() => app.stop());

  test('parallel inserts at the same position keep sibling order contiguous', async () => {
    const deedId = await createDeed(app, owner);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.gql(`mutation { createDeedItem(input: { deedId: "${deedId}", name: "n${i}", displayOrder: 0 }) { deedItem { id } } }`, {}, { token: owner.token }),
      ),
    );
    expect(results.map(errorCode)).toEqual(Array(12).fill(undefined));
    const items = await itemsOf(app, owner, deedId);
    expect(items.map((item) => item.displayOrder)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  test('A under B and B under A at the same time: one move wins, the other is a CYCLE', async () => {
    const deedId = await createDeed(app, owner);
    const a = await createItem(app, owner, deedId, 'A');
    const b = await createItem(app, owner, deedId, 'B');
    const move = (id: string, newParentId: string) =>
      app.gql(`mutation { moveDeedItem(input: { id: "${id}", newParentId: "${newParentId}" }) { deedItem { id } } }`, {}, { token: owner.token });
    const results = await Promise.all([move(a, b), move(b, a)]);
    const codes = results.map(errorCode).sort();
    expect(codes).toEqual(['BAD_USER_INPUT', undefined].sort());
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.reason).toBe('CYCLE');
    const rows = await app.prisma.deedItem.findMany({ where: { deedId: BigInt(deedId) } });
    expect(rows.filter((row) => row.parentId === null)).toHaveLength(1);
    expect(rows.map((row) => row.level).sort()).toEqual([1, 2]);
  });
});
