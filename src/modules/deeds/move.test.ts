import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createChain, createDeed, createItem, itemsOf, outline } from '../../../test/fixtures/deeds';

const MOVE = `mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) {
  deedItem { id level displayOrder parent { id } }
  movedDescendants { name level }
  oldParent { id children { name displayOrder } }
  newParent { id children { name displayOrder } }
  deed { rootItems { name displayOrder } }
} }`;

describe('moveDeedItem', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
  });
  afterAll(() => app.stop());

  const move = (input: Record<string, unknown>) => app.gql(MOVE, { input }, { token: owner.token });
  const levels = async (deedId: string) =>
    (await app.prisma.deedItem.findMany({ where: { deedId: BigInt(deedId) }, orderBy: { id: 'asc' } })).map((i) => [i.name, i.level, i.parentId]);

  test('re-parents a subtree: levels recomputed, both sibling lists renumbered, payload carries every changed object', async () => {
    const deedId = await createDeed(app, owner);
    const a = await createItem(app, owner, deedId, 'A');
    const b = await createItem(app, owner, deedId, 'B');
    const a1 = await createItem(app, owner, deedId, 'A1', { parentId: a });
    await createItem(app, owner, deedId, 'A2', { parentId: a });
    await createItem(app, owner, deedId, 'A3', { parentId: a });
    await createItem(app, owner, deedId, 'A1x', { parentId: a1 });
    await createItem(app, owner, deedId, 'A1xy', { parentId: (await itemsOf(app, owner, deedId)).find((i) => i.name === 'A1x')!.id });
    await createItem(app, owner, deedId, 'B1', { parentId: b });
    await createItem(app, owner, deedId, 'B2', { parentId: b });

    const res = await move({ id: a1, newParentId: b, displayOrder: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.moveDeedItem).toEqual({
      deedItem: { id: a1, level: 2, displayOrder: 1, parent: { id: b } },
      movedDescendants: [{ name: 'A1x', level: 3 }, { name: 'A1xy', level: 4 }],
      oldParent: { id: a, children: [{ name: 'A2', displayOrder: 0 }, { name: 'A3', displayOrder: 1 }] },
      newParent: {
        id: b,
        children: [{ name: 'B1', displayOrder: 0 }, { name: 'A1', displayOrder: 1 }, { name: 'B2', displayOrder: 2 }],
      },
      deed: { rootItems: [{ name: 'A', displayOrder: 0 }, { name: 'B', displayOrder: 1 }] },
    });

    // Up to the root level: levels shrink for the whole subtree, roots renumbered.
    const up = await move({ id: a1, displayOrder: 0 });
    expect(up.errors).toBeUndefined();
    expect(up.data!.moveDeedItem.deedItem).toEqual({ id: a1, level: 1, displayOrder: 0, parent: null });
    expect(up.data!.moveDeedItem.movedDescendants).toEqual([{ name: 'A1x', level: 2 }, { name: 'A1xy', level: 3 }]);
    expect(up.data!.moveDeedItem.newParent).toBeNull();
    expect(outline(await itemsOf(app, owner, deedId))).toEqual([
      'A1#0', '  A1x#0', '    A1xy#0', 'A#1', '  A2#0', '  A3#1', 'B#2', '  B1#0', '  B2#1',
    ]);
    const audit = await app.prisma.auditLog.findMany({ where: { entityType: 'DEED_ITEM', entityId: BigInt(a1), action: 'UPDATED' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.newValues)).toEqual([
      { parentId: b, level: 2, displayOrder: 1, movedDescendants: 2 },
      { parentId: null, level: 1, displayOrder: 0, movedDescendants: 2 },
    ]);
    expect(audit.map((row) => row.oldValues)).toEqual([
      { parentId: a, level: 2, displayOrder: 0 },
      { parentId: b, level: 2, displayOrder: 1 },
    ]);
  });

  test('moving within the same parent only reorders', async () => {
    const deedId = await createDeed(app, owner);
    const ids = [];
    for (const name of ['a', 'b', 'c']) ids.push(await createItem(app, owner, deedId, name));
    const res = await move({ id: ids[2], displayOrder: 0 });
    expect(res.errors).toBeUndefined();
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['c#0', 'a#1', 'b#2']);
    // displayOrder omitted: appended at the end.
    await move({ id: ids[2] });
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['a#0', 'b#1', 'c#2']);
  });

  test('under itself or a descendant: BAD_USER_INPUT with reason CYCLE, nothing changes', async () => {
    const deedId = await createDeed(app, owner);
    const [top, mid, leaf] = await createChain(app, owner, deedId, 3);
    const before = await levels(deedId);
    for (const newParentId of [top, mid, leaf]) {
      const res = await move({ id: top, newParentId });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions).toMatchObject({ reason: 'CYCLE', fieldErrors: [{ path: ['input', 'newParentId'], constraint: 'cycle' }] });
    }
    expect(await levels(deedId)).toEqual(before);
  });

  test('past level 10: BAD_USER_INPUT (new level + subtree height), exactly 10 is allowed', async () => {
    const deedId = await createDeed(app, owner);
    const seven = await createChain(app, owner, deedId, 7, 'd');
    const eight = await createChain(app, owner, deedId, 8, 'o');
    const sub = await createChain(app, owner, deedId, 3, 's'); // s1 with two levels below it

    const fits = await move({ id: sub[0], newParentId: seven[6] }); // s1 → 8, s3 → 10
    expect(fits.errors).toBeUndefined();
    expect(fits.data!.moveDeedItem.movedDescendants).toEqual([{ name: 's2', level: 9 }, { name: 's3', level: 10 }]);

    const before = await levels(deedId);
    const over = await move({ id: sub[0], newParentId: eight[7] }); // s3 would be 11
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0]!.extensions).toMatchObject({
      reason: 'DEPTH',
      fieldErrors: [{ path: ['input', 'newParentId'], constraint: 'maxDepth' }],
    });
    expect(await levels(deedId)).toEqual(before);
  });

  test('to another deed: BAD_USER_INPUT; to an invisible parent: NOT_FOUND; a deleted new parent: CONFLICT', async () => {
    const deedId = await createDeed(app, owner);
    const otherDeed = await createDeed(app, owner);
    const item = await createItem(app, owner, deedId, 'x');
    const foreign = await createItem(app, owner, otherDeed, 'y');
    const deletedParent = await createItem(app, owner, deedId, 'gone');
    await app.gql(`mutation { deleteDeedItem(input: { id: "${deletedParent}" }) { deedItem { id } } }`, {}, { token: owner.token });
    const stranger = await app.createUser();
    const strangersDeed = await createDeed(app, stranger);
    const strangersItem = await createItem(app, stranger, strangersDeed, 'z');

    const cross = await move({ id: item, newParentId: foreign });
    expect(errorCode(cross)).toBe('BAD_USER_INPUT');
    expect(cross.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'newParentId'], message: 'Items cannot move to another deed', constraint: 'sameDeed' },
    ]);
    expect(errorCode(await move({ id: item, newParentId: strangersItem }))).toBe('NOT_FOUND');
    expect(errorCode(await move({ id: item, newParentId: deletedParent }))).toBe('CONFLICT');
    const row = await app.prisma.deedItem.findUniqueOrThrow({ where: { id: BigInt(item) } });
    expect([row.parentId, row.deedId, row.level]).toEqual([null, BigInt(deedId), 1]);
  });

  test('moving carries deleted descendants along (their levels follow), so a later restore is consistent', async () => {
    const deedId = await createDeed(app, owner);
    const [, a1, a2] = await createChain(app, owner, deedId, 3, 'a');
    const b = await createItem(app, owner, deedId, 'b');
    await app.gql(`mutation { deleteDeedItem(input: { id: "${a2}" }) { deedItem { id } } }`, {}, { token: owner.token });
    const res = await move({ id: a1, newParentId: b });
    expect(res.errors).toBeUndefined();
    expect(res.data!.moveDeedItem.movedDescendants).toEqual([{ name: 'a3', level: 3 }]);
    await app.gql(`mutation { restoreDeedItem(input: { id: "${a2}" }) { deedItem { id } } }`, {}, { token: owner.token });
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['a1#0', 'b#1', '  a2#0', '    a3#0']);
  });
});
