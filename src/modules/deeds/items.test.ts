import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createChain, createDeed, createItem, ITEM_FIELDS, itemsOf, outline } from '../../../test/fixtures/deeds';
import { Prisma } from '../../generated/prisma/client';
import { deedFromJson, deedJson, itemFromJson, itemJson } from './raw-rows';

describe('deed items: tree, order, delete and restore', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
  });
  afterAll(() => app.stop());

  const gql = (query: string, variables?: Record<string, unknown>, user: TestUser = owner) =>
    app.gql(query, variables, { token: user.token });

  const deleteItem = (id: string) =>
    gql(`mutation ($id: ID!) { deleteDeedItem(input: { id: $id }) { deedItem { id deletedAt } parent { id children { id displayOrder } } deed { id } } }`, { id });
  const restoreItem = (id: string) =>
    gql(`mutation ($id: ID!) { restoreDeedItem(input: { id: $id }) { deedItem { id deletedAt displayOrder } parent { id } deed { id } } }`, { id });

  test('builds a tree: levels, pre-order with siblings by displayOrder, rootItems, parent, ancestors, children, descendants', async () => {
    const deedId = await createDeed(app, owner);
    const a = await createItem(app, owner, deedId, 'A');
    const b = await createItem(app, owner, deedId, 'B');
    const a1 = await createItem(app, owner, deedId, 'A1', { parentId: a });
    const a2 = await createItem(app, owner, deedId, 'A2', { parentId: a });
    const a0 = await createItem(app, owner, deedId, 'A0', { parentId: a, displayOrder: 0 });
    const a1x = await createItem(app, owner, deedId, 'A1x', { parentId: a1 });

    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['A#0', '  A0#0', '  A1#1', '    A1x#0', '  A2#2', 'B#1']);

    const res = await gql(
      `query ($deed: ID!, $item: ID!) {
        deed(id: $deed) { rootItems { id } }
        deedItem(id: $item) {
          id level myAccess hasChildren
          deed { id }
          parent { id name }
          ancestors { id name }
          children { id name }
          descendants(maxDepth: 1) { name }
        }
        root: deedItem(id: "${a}") { descendants { name } hasChildren parent { id } ancestors { id } }
        leaf: deedItem(id: "${a1x}") { hasChildren children { id } ancestors { name } }
      }`,
      { deed: deedId, item: a1 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      deed: { rootItems: [{ id: a }, { id: b }] },
      deedItem: {
        id: a1,
        level: 2,
        myAccess: 'OWNER',
        hasChildren: true,
        deed: { id: deedId },
        parent: { id: a, name: 'A' },
        ancestors: [{ id: a, name: 'A' }],
        children: [{ id: a1x, name: 'A1x' }],
        descendants: [{ name: 'A1x' }],
      },
      root: { descendants: [{ name: 'A0' }, { name: 'A1' }, { name: 'A1x' }, { name: 'A2' }], hasChildren: true, parent: null, ancestors: [] },
      leaf: { hasChildren: false, children: [], ancestors: [{ name: 'A' }, { name: 'A1' }] },
    });
    expect([a0, a2].every((id) => /^\d+$/.test(id))).toBe(true);
  });

  test('descendants honours maxDepth and ancestors run root first down to the parent', async () => {
    const deedId = await createDeed(app, owner);
    const chain = await createChain(app, owner, deedId, 6);
    const res = await gql(
      `query { top: deedItem(id: "${chain[0]}") { d1: descendants(maxDepth: 1) { name } d3: descendants { name } d10: descendants(maxDepth: 10) { name } }
               bottom: deedItem(id: "${chain[5]}") { level ancestors { name level } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.top).toEqual({
      d1: [{ name: 'L2' }],
      d3: [{ name: 'L2' }, { name: 'L3' }, { name: 'L4' }],
      d10: [{ name: 'L2' }, { name: 'L3' }, { name: 'L4' }, { name: 'L5' }, { name: 'L6' }],
    });
    expect(res.data!.bottom).toEqual({
      level: 6,
      ancestors: [1, 2, 3, 4, 5].map((level) => ({ name: `L${level}`, level })),
    });
  });

  test('level 10 is the deepest: a child of a level-10 item is BAD_USER_INPUT and nothing is written', async () => {
    const deedId = await createDeed(app, owner);
    const chain = await createChain(app, owner, deedId, 10);
    const before = await app.prisma.deedItem.count();
    const res = await gql('mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) { deedItem { id } } }', {
      input: { deedId, parentId: chain[9], name: 'too deep' },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions).toMatchObject({ reason: 'DEPTH', fieldErrors: [{ path: ['input', 'parentId'] }] });
    expect(await app.prisma.deedItem.count()).toBe(before);
  });

  test('a parent from another deed is BAD_USER_INPUT; a parent id nobody can see is NOT_FOUND', async () => {
    const deedId = await createDeed(app, owner);
    const otherDeed = await createDeed(app, owner);
    const foreign = await createItem(app, owner, otherDeed, 'elsewhere');
    const create = (parentId: string) =>
      gql('mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) { deedItem { id } } }', {
        input: { deedId, parentId, name: 'x' },
      });
    const cross = await create(foreign);
    expect(errorCode(cross)).toBe('BAD_USER_INPUT');
    expect(cross.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'parentId'], message: 'The parent must be in the same deed', constraint: 'sameDeed' },
    ]);
    expect(errorCode(await create('999999999'))).toBe('NOT_FOUND');
  });

  test('create payload returns the parent with renumbered children and the deed', async () => {
    const deedId = await createDeed(app, owner);
    const p = await createItem(app, owner, deedId, 'P');
    await createItem(app, owner, deedId, 'x', { parentId: p });
    await createItem(app, owner, deedId, 'y', { parentId: p });
    const res = await gql(
      `mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) {
        deedItem { name level displayOrder } parent { id children { name displayOrder } } deed { items { name } } } }`,
      { input: { deedId, parentId: p, name: '  mid  ', displayOrder: 1 } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDeedItem).toEqual({
      deedItem: { name: 'mid', level: 2, displayOrder: 1 },
      parent: { id: p, children: [{ name: 'x', displayOrder: 0 }, { name: 'mid', displayOrder: 1 }, { name: 'y', displayOrder: 2 }] },
      deed: { items: [{ name: 'P' }, { name: 'x' }, { name: 'mid' }, { name: 'y' }] },
    });
  });

  test('updateDeedItem renames, clears the description and repositions among siblings (contiguous)', async () => {
    const deedId = await createDeed(app, owner);
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push(await createItem(app, owner, deedId, name));
    const res = await gql(
      `mutation ($input: UpdateDeedItemInput!) { updateDeedItem(input: $input) { deedItem { name description displayOrder } } }`,
      { input: { id: ids[3], name: ' D ', description: null, displayOrder: 1 } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateDeedItem.deedItem).toEqual({ name: 'D', description: null, displayOrder: 1 });
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['a#0', 'D#1', 'b#2', 'c#3']);
    // Past the end: clamped to the last position.
    await gql(`mutation { updateDeedItem(input: { id: "${ids[0]}", displayOrder: 99 }) { deedItem { id } } }`);
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['D#0', 'b#1', 'c#2', 'a#3']);
    const audit = await app.prisma.auditLog.findMany({ where: { entityType: 'DEED_ITEM', entityId: BigInt(ids[3]!), action: 'UPDATED' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.newValues).toEqual({ name: 'D', displayOrder: 1 });
    expect(audit[0]!.oldValues).toEqual({ name: 'd', displayOrder: 3 });
  });

  test('delete hides the subtree, closes the sibling gap; restore brings it back at its old position', async () => {
    const deedId = await createDeed(app, owner);
    const [a, b, c] = [await createItem(app, owner, deedId, 'a'), await createItem(app, owner, deedId, 'b'), await createItem(app, owner, deedId, 'c')];
    const b1 = await createItem(app, owner, deedId, 'b1', { parentId: b });
    const b1x = await createItem(app, owner, deedId, 'b1x', { parentId: b1 });

    const del = await deleteItem(b!);
    expect(del.errors).toBeUndefined();
    expect(del.data!.deleteDeedItem.deedItem.deletedAt).toEqual(expect.any(String));
    expect(del.data!.deleteDeedItem.parent).toBeNull();
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['a#0', 'c#1']);
    // The owner still sees everything with includeDeleted, and by id.
    expect(outline(await itemsOf(app, owner, deedId, true))).toEqual(['a#0', 'b#1', '  b1#0', '    b1x#0', 'c#1']);
    const byId = await gql(`query { deedItem(id: "${b1x}") { id deletedAt } deed(id: "${deedId}") { rootItems { id } } }`);
    expect(byId.data).toEqual({ deedItem: { id: b1x, deletedAt: null }, deed: { rootItems: [{ id: a }, { id: c }] } });

    // Deleting again: a no-op returning the current state (same deletedAt).
    const again = await deleteItem(b!);
    expect(again.data!.deleteDeedItem.deedItem.deletedAt).toBe(del.data!.deleteDeedItem.deedItem.deletedAt);

    const res = await restoreItem(b!);
    expect(res.errors).toBeUndefined();
    expect(res.data!.restoreDeedItem.deedItem).toEqual({ id: b, deletedAt: null, displayOrder: 1 });
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['a#0', 'b#1', '  b1#0', '    b1x#0', 'c#2']);
    // Restoring a live item: a no-op.
    const live = await restoreItem(b!);
    expect(live.data!.restoreDeedItem.deedItem).toEqual({ id: b, deletedAt: null, displayOrder: 1 });

    const actions = await app.prisma.auditLog.findMany({ where: { entityType: 'DEED_ITEM', entityId: BigInt(b!) }, orderBy: { id: 'asc' } });
    expect(actions.map((row) => row.action)).toEqual(['CREATED', 'DELETED', 'RESTORED']);
  });

  test('effectively deleted items: writes give CONFLICT to the owner, restore needs a live chain above', async () => {
    const deedId = await createDeed(app, owner);
    const [p, child, grandchild] = await createChain(app, owner, deedId, 3, 'e');
    await gql(`mutation { deleteDeedItem(input: { id: "${grandchild}" }) { deedItem { id } } }`);
    await gql(`mutation { deleteDeedItem(input: { id: "${p}" }) { deedItem { id } } }`);

    const rename = await gql(`mutation { updateDeedItem(input: { id: "${child}", name: "n" }) { deedItem { id } } }`);
    expect(errorCode(rename)).toBe('CONFLICT');
    expect(errorCode(await gql(`mutation { createDeedItem(input: { deedId: "${deedId}", parentId: "${child}", name: "n" }) { deedItem { id } } }`))).toBe('CONFLICT');
    expect(errorCode(await gql(`mutation { moveDeedItem(input: { id: "${child}" }) { deedItem { id } } }`))).toBe('CONFLICT');
    // The child is live itself but under a deleted parent: deleting it is refused too.
    expect(errorCode(await deleteItem(child!))).toBe('CONFLICT');
    // The grandchild was deleted on its own: restoring it before its chain is live is a CONFLICT.
    expect(errorCode(await restoreItem(grandchild!))).toBe('CONFLICT');

    expect(errorCode(await restoreItem(p!))).toBeUndefined();
    // What was not deleted on its own reappears; the grandchild stays deleted until restored.
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['e1#0', '  e2#0']);
    expect(errorCode(await restoreItem(grandchild!))).toBeUndefined();
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['e1#0', '  e2#0', '    e3#0']);
  });

  test('items of a deleted deed: CONFLICT for writes, restore of an item needs the deed restored first', async () => {
    const deedId = await createDeed(app, owner);
    const item = await createItem(app, owner, deedId, 'x');
    const other = await createItem(app, owner, deedId, 'y');
    await deleteItem(other);
    await gql(`mutation { deleteDeed(input: { id: "${deedId}" }) { deed { id } } }`);
    expect(errorCode(await gql(`mutation { createDeedItem(input: { deedId: "${deedId}", name: "n" }) { deedItem { id } } }`))).toBe('CONFLICT');
    expect(errorCode(await gql(`mutation { updateDeedItem(input: { id: "${item}", name: "n" }) { deedItem { id } } }`))).toBe('CONFLICT');
    expect(errorCode(await restoreItem(other))).toBe('CONFLICT');
    // The owner still reads the deleted deed and the items it would bring back.
    expect(outline(await itemsOf(app, owner, deedId))).toEqual(['x#0']);
  });

  test('children(includeDeleted) shows deleted children to the owner; hasChildren counts live ones only', async () => {
    const deedId = await createDeed(app, owner);
    const p = await createItem(app, owner, deedId, 'p');
    const only = await createItem(app, owner, deedId, 'only', { parentId: p });
    await deleteItem(only);
    const res = await gql(`query { deedItem(id: "${p}") { hasChildren live: children { id } all: children(includeDeleted: true) { id deletedAt } } }`);
    expect(res.data!.deedItem).toEqual({ hasChildren: false, live: [], all: [{ id: only, deletedAt: expect.any(String) }] });
  });

  test('anonymous requests are UNAUTHENTICATED; strangers get NOT_FOUND for reads and writes', async () => {
    const stranger = await app.createUser();
    const deedId = await createDeed(app, owner);
    const item = await createItem(app, owner, deedId, 'private');
    const anon = await app.gql(`query { deedItem(id: "${item}") { id } }`);
    expect(errorCode(anon)).toBe('UNAUTHENTICATED');
    const read = await gql(`query { deedItem(id: "${item}") { id } }`, undefined, stranger);
    const missing = await gql(`query { deedItem(id: "987654321") { id } }`, undefined, stranger);
    expect(errorCode(read)).toBe('NOT_FOUND');
    expect(read.data).toEqual({ deedItem: null });
    expect(read.errors![0]!.message).toBe(missing.errors![0]!.message);
    for (const mutation of [
      `updateDeedItem(input: { id: "${item}", name: "x" }) { deedItem { id } }`,
      `deleteDeedItem(input: { id: "${item}" }) { deedItem { id } }`,
      `restoreDeedItem(input: { id: "${item}" }) { deedItem { id } }`,
      `moveDeedItem(input: { id: "${item}" }) { deedItem { id } }`,
      `createDeedItem(input: { deedId: "${deedId}", name: "x" }) { deedItem { id } }`,
    ]) {
      expect([mutation, errorCode(await gql(`mutation { ${mutation} }`, undefined, stranger))]).toEqual([mutation, 'NOT_FOUND']);
    }
    expect((await app.prisma.deedItem.findUniqueOrThrow({ where: { id: BigInt(item) } })).name).toBe('private');
  });

  test('ITEM_FIELDS stays valid', async () => {
    const deedId = await createDeed(app, owner);
    const id = await createItem(app, owner, deedId, 'x');
    const res = await gql(`query { deedItem(id: "${id}") { ${ITEM_FIELDS} } }`);
    expect(res.data!.deedItem).toEqual({ id, name: 'x', level: 1, displayOrder: 0, deletedAt: null, parent: null });
  });

  test('deeds and items read from their JSON objects equal the rows Prisma reads (ids, nulls, timestamps to the millisecond)', async () => {
    const deedId = await createDeed(app, owner, { description: 'a "quoted" description' });
    const parent = await createItem(app, owner, deedId, 'JSON parent');
    await createItem(app, owner, deedId, 'JSON child', { parentId: parent });
    expect((await deleteItem(parent)).errors).toBeUndefined();
    const deeds = await app.prisma.deed.findMany({ where: { userId: owner.id }, orderBy: { id: 'asc' } });
    const items = await app.prisma.deedItem.findMany({ where: { deed: { userId: owner.id } }, orderBy: { id: 'asc' } });
    expect(items.some((item) => item.deletedAt !== null && item.parentId === null)).toBe(true);
    expect(deeds.some((deed) => deed.description === 'a "quoted" description')).toBe(true);

    const deedJsons = await app.prisma.$queryRaw<Array<{ row: Record<string, unknown> }>>(
      Prisma.sql`SELECT ${deedJson('d')} AS row FROM deeds d WHERE d.user_id = ${owner.id} ORDER BY d.deed_id`,
    );
    const itemJsons = await app.prisma.$queryRaw<Array<{ row: Record<string, unknown> }>>(
      Prisma.sql`SELECT ${itemJson('i')} AS row FROM deed_items i JOIN deeds d USING (deed_id) WHERE d.user_id = ${owner.id} ORDER BY i.deed_item_id`,
    );
    expect(deedJsons.map(({ row }) => deedFromJson(row))).toEqual(deeds);
    expect(itemJsons.map(({ row }) => itemFromJson(row))).toEqual(items);
  });
});
