import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createDeed } from '../../../test/fixtures/deeds';

const DEED_FIELDS = 'id name description category measureType isActive displayOrder deletedAt owner { id fullName }';

describe('deeds', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser({ fullName: 'Owner' });
  });
  afterAll(() => app.stop());

  const gql = (query: string, variables?: Record<string, unknown>, user: TestUser = owner) =>
    app.gql(query, variables, { token: user.token });
  const names = async (user: TestUser, filter?: Record<string, unknown>) => {
    const res = await gql('query ($f: DeedFilter) { deeds(filter: $f) { name displayOrder } }', { f: filter }, user);
    expect(res.errors).toBeUndefined();
    return (res.data!.deeds as Array<{ name: string; displayOrder: number }>).map((d) => `${d.name}#${d.displayOrder}`);
  };

  test('createDeed returns the deed with trimmed name, owner and position; audit row written', async () => {
    const res = await gql(
      `mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { ${DEED_FIELDS} activeScale { id } scales { id } items { id } rootItems { id } } } }`,
      { input: { name: '  Fajr  ', description: 'On time', category: 'HASANAAT', measureType: 'COUNT' } },
    );
    expect(res.errors).toBeUndefined();
    const deed = res.data!.createDeed.deed;
    expect(deed).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'Fajr',
      description: 'On time',
      category: 'HASANAAT',
      measureType: 'COUNT',
      isActive: true,
      displayOrder: 0,
      deletedAt: null,
      owner: { id: owner.gid, fullName: 'Owner' },
      activeScale: null,
      scales: [],
      items: [],
      rootItems: [],
    });
    const audit = await app.prisma.auditLog.findMany({ where: { entityType: 'DEED', entityId: BigInt(deed.id) } });
    expect(audit.map((a) => [a.action, a.userId, a.newValues])).toEqual([
      ['CREATED', owner.id, { name: 'Fajr', description: 'On time', category: 'HASANAAT', measureType: 'COUNT', isActive: true, displayOrder: 0 }],
    ]);
  });

  test('order: appended by default, inserted at a position, contiguous after delete, restored in place', async () => {
    const user = await app.createUser();
    const a = await createDeed(app, user, { name: 'a' });
    await createDeed(app, user, { name: 'b' });
    await createDeed(app, user, { name: 'c', displayOrder: 1 });
    await createDeed(app, user, { name: 'z', displayOrder: 50 });
    expect(await names(user)).toEqual(['a#0', 'c#1', 'b#2', 'z#3']);

    await gql(`mutation { updateDeed(input: { id: "${a}", displayOrder: 2 }) { deed { id } } }`, {}, user);
    expect(await names(user)).toEqual(['c#0', 'b#1', 'a#2', 'z#3']);

    const del = await gql(`mutation { deleteDeed(input: { id: "${a}" }) { deed { deletedAt } } }`, {}, user);
    expect(del.data!.deleteDeed.deed.deletedAt).toEqual(expect.any(String));
    expect(await names(user)).toEqual(['c#0', 'b#1', 'z#2']);
    expect(await names(user, { includeDeleted: true })).toEqual(['c#0', 'b#1', 'a#2', 'z#2']);

    const restored = await gql(`mutation { restoreDeed(input: { id: "${a}" }) { deed { deletedAt displayOrder } } }`, {}, user);
    expect(restored.data!.restoreDeed.deed).toEqual({ deletedAt: null, displayOrder: 2 });
    expect(await names(user)).toEqual(['c#0', 'b#1', 'a#2', 'z#3']);
  });

  test('filters: category, isActive; a deleted deed is readable by id for its owner only', async () => {
    const user = await app.createUser();
    const stranger = await app.createUser();
    const fast = await createDeed(app, user, { name: 'fast', category: 'HASANAAT' });
    await createDeed(app, user, { name: 'gossip', category: 'SAIYYIAAT' });
    await gql(`mutation { updateDeed(input: { id: "${fast}", isActive: false }) { deed { isActive } } }`, {}, user);
    expect(await names(user, { category: 'SAIYYIAAT' })).toEqual(['gossip#1']);
    expect(await names(user, { isActive: false })).toEqual(['fast#0']);
    expect(await names(user, { isActive: true, category: 'HASANAAT' })).toEqual([]);

    await gql(`mutation { deleteDeed(input: { id: "${fast}" }) { deed { id } } }`, {}, user);
    const own = await gql(`query { deed(id: "${fast}") { name deletedAt } }`, {}, user);
    expect(own.data!.deed).toEqual({ name: 'fast', deletedAt: expect.any(String) });
    const other = await gql(`query { deed(id: "${fast}") { name } }`, {}, stranger);
    expect(errorCode(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual({ deed: null });
    expect(await names(stranger, { ownerId: user.gid, includeDeleted: true })).toEqual([]);
  });

  test('updateDeed changes what is given, null description clears, audit holds old and new values', async () => {
    const id = await createDeed(app, owner, { name: 'Old', description: 'desc', category: 'HASANAAT' });
    const res = await gql(
      `mutation ($input: UpdateDeedInput!) { updateDeed(input: $input) { deed { name description category isActive measureType } } }`,
      { input: { id, name: 'New', description: null, category: 'SAIYYIAAT' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateDeed.deed).toEqual({ name: 'New', description: null, category: 'SAIYYIAAT', isActive: true, measureType: 'COUNT' });
    const audit = await app.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'DEED', entityId: BigInt(id), action: 'UPDATED' } });
    expect([audit.oldValues, audit.newValues]).toEqual([
      { name: 'Old', description: 'desc', category: 'HASANAAT' },
      { name: 'New', description: null, category: 'SAIYYIAAT' },
    ]);
  });

  test('delete and restore are idempotent; updating a deleted deed is a CONFLICT for its owner, NOT_FOUND for others', async () => {
    const stranger = await app.createUser();
    const id = await createDeed(app, owner);
    const first = await gql(`mutation { deleteDeed(input: { id: "${id}" }) { deed { deletedAt } } }`);
    const second = await gql(`mutation { deleteDeed(input: { id: "${id}" }) { deed { deletedAt } } }`);
    expect(second.data!.deleteDeed.deed.deletedAt).toBe(first.data!.deleteDeed.deed.deletedAt);
    expect(errorCode(await gql(`mutation { updateDeed(input: { id: "${id}", name: "x" }) { deed { id } } }`))).toBe('CONFLICT');
    expect(errorCode(await gql(`mutation { updateDeed(input: { id: "${id}", name: "x" }) { deed { id } } }`, {}, stranger))).toBe('NOT_FOUND');
    expect(errorCode(await gql(`mutation { restoreDeed(input: { id: "${id}" }) { deed { id } } }`, {}, stranger))).toBe('NOT_FOUND');
    await gql(`mutation { restoreDeed(input: { id: "${id}" }) { deed { id } } }`);
    const again = await gql(`mutation { restoreDeed(input: { id: "${id}" }) { deed { deletedAt } } }`);
    expect(again.data!.restoreDeed.deed).toEqual({ deletedAt: null });
    const actions = await app.prisma.auditLog.findMany({ where: { entityType: 'DEED', entityId: BigInt(id) }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['CREATED', 'DELETED', 'RESTORED']);
  });

  test('200 live deeds per user: the 201st is BAD_USER_INPUT (LIMIT_EXCEEDED); deleted ones do not count', async () => {
    const user = await app.createUser();
    await app.prisma.deed.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({ userId: user.id, name: `d${i}`, category: 'HASANAAT' as const, measureType: 'COUNT' as const, displayOrder: i })),
    });
    const res = await gql('mutation { createDeed(input: { name: "one too many", category: HASANAAT, measureType: COUNT }) { deed { id } } }', {}, user);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.reason).toBe('LIMIT_EXCEEDED');
    expect(await app.prisma.deed.count({ where: { userId: user.id } })).toBe(200);
    const last = await app.prisma.deed.findFirstOrThrow({ where: { userId: user.id, name: 'd199' } });
    await gql(`mutation { deleteDeed(input: { id: "${last.id}" }) { deed { id } } }`, {}, user);
    expect(errorCode(await gql('mutation { createDeed(input: { name: "fits", category: HASANAAT, measureType: COUNT }) { deed { id } } }', {}, user))).toBeUndefined();
    // Now the deleted one cannot come back: 200 are live again.
    const restore = await gql(`mutation { restoreDeed(input: { id: "${last.id}" }) { deed { id } } }`, {}, user);
    expect(restore.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED' });
  });

  test('500 items per deed', async () => {
    const id = await createDeed(app, owner);
    await app.prisma.deedItem.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({ deedId: BigInt(id), name: `i${i}`, level: 1, displayOrder: i })),
    });
    const res = await gql(`mutation { createDeedItem(input: { deedId: "${id}", name: "501" }) { deedItem { id } } }`);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED' });
    expect(await app.prisma.deedItem.count({ where: { deedId: BigInt(id) } })).toBe(500);
  });

  test('every deeds operation needs a token', async () => {
    const id = await createDeed(app, owner);
    for (const op of [
      'query { deeds { id } }',
      `query { deed(id: "${id}") { id } }`,
      `query { scales(deedId: "${id}") { id } }`,
      'mutation { createDeed(input: { name: "x", category: HASANAAT, measureType: COUNT }) { deed { id } } }',
      `mutation { deleteDeed(input: { id: "${id}" }) { deed { id } } }`,
    ]) {
      expect([op, errorCode(await app.gql(op))]).toEqual([op, 'UNAUTHENTICATED']);
    }
  });
});
