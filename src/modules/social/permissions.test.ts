import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  BLOCK,
  GRANT,
  GRANTED_BY_ME,
  GRANTED_TO_ME,
  RELATION,
  REMOVE,
  RESPOND,
  REVOKE,
  auditRows,
  connect,
  createItems,
  grant,
  sendRequest,
} from '../../../test/fixtures/social';

const DEED_ITEM = `query ($id: ID!) { deedItem(id: $id) { id name } }`;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.stop();
});

/** grantee → owner ACCEPTED, and a deed of the owner with a root item and a child. */
async function sharingSetup() {
  const owner = await app.createUser({ fullName: 'Owner' });
  const grantee = await app.createUser({ fullName: 'Grantee' });
  const relationId = await connect(app, grantee, owner);
  const items = await createItems(app, owner);
  return { owner, grantee, relationId, ...items };
}

async function canRead(user: TestUser, itemId: string): Promise<boolean> {
  const res = await app.gql(DEED_ITEM, { id: itemId }, { token: user.token });
  if (res.data?.deedItem) return true;
  expect(errorCode(res)).toBe('NOT_FOUND');
  return false;
}

function nodeIds(res: { data?: any }, field: string): string[] {
  return res.data![field].edges.map((e: { node: { id: string } }) => e.node.id);
}

describe('grantPermission', () => {
  it('versions grants: same type is unchanged, another type supersedes, and the grantee gains access', async () => {
    const { owner, grantee, relationId, rootId, childId } = await sharingSetup();
    expect(await canRead(grantee, rootId)).toBe(false);

    const first = await grant(app, owner, relationId, rootId, 'READ');
    expect(first.permission).toMatchObject({
      type: 'READ',
      version: 1,
      isActive: true,
      revokedAt: null,
      relation: { id: relationId, status: 'ACCEPTED' },
      grantor: { id: owner.gid },
      grantee: { id: grantee.gid },
      deedItem: { id: rootId, name: 'Fajr' },
    });
    expect(first.supersededPermission).toBeNull();
    expect(first.relation.permissions).toEqual([{ id: first.permission.id, type: 'READ', version: 1 }]);
    // The grant covers the item and its descendants.
    expect(await canRead(grantee, rootId)).toBe(true);
    expect(await canRead(grantee, childId)).toBe(true);

    const same = await grant(app, owner, relationId, rootId, 'READ');
    expect(same.permission).toEqual(first.permission);
    expect(same.supersededPermission).toBeNull();

    const upgraded = await grant(app, owner, relationId, rootId, 'WRITE');
    expect(upgraded.permission).toMatchObject({ type: 'WRITE', version: 2, isActive: true, revokedAt: null });
    expect(upgraded.supersededPermission).toMatchObject({ id: first.permission.id, type: 'READ', version: 1, isActive: false });
    expect(upgraded.supersededPermission.revokedAt).toBe(upgraded.permission.grantedAt);
    expect(upgraded.relation.permissions).toEqual([{ id: upgraded.permission.id, type: 'WRITE', version: 2 }]);

    const rows = await app.prisma.permission.findMany({ where: { relationId: BigInt(relationId) }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => [r.version, r.type, r.isActive])).toEqual([
      [1, 'READ', false],
      [2, 'WRITE', true],
    ]);

    const history = await app.gql(GRANTED_BY_ME, { filter: { includeInactive: true } }, { token: owner.token });
    expect(nodeIds(history, 'permissionsGrantedByMe')).toEqual([upgraded.permission.id, first.permission.id]);
    expect(history.data!.permissionsGrantedByMe.totalCount).toBe(2);
    const active = await app.gql(GRANTED_BY_ME, {}, { token: owner.token });
    expect(nodeIds(active, 'permissionsGrantedByMe')).toEqual([upgraded.permission.id]);
    const received = await app.gql(GRANTED_TO_ME, { filter: { includeInactive: true } }, { token: grantee.token });
    expect(nodeIds(received, 'permissionsGrantedToMe')).toEqual([upgraded.permission.id]);
    expect(received.data!.permissionsGrantedToMe.edges[0].node).toMatchObject({
      grantor: { id: owner.gid },
      deedItem: { id: rootId },
    });
    // Lists are per role: the grantee granted nothing, the owner received nothing.
    expect(nodeIds(await app.gql(GRANTED_BY_ME, {}, { token: grantee.token }), 'permissionsGrantedByMe')).toEqual([]);
    expect(nodeIds(await app.gql(GRANTED_TO_ME, {}, { token: owner.token }), 'permissionsGrantedToMe')).toEqual([]);

    const granted = await auditRows(app, { action: 'PERMISSION_GRANTED', subjectUserId: grantee.id });
    expect(granted.map((a) => [a.entityId, a.userId])).toEqual([
      [BigInt(first.permission.id), owner.id],
      [BigInt(upgraded.permission.id), owner.id],
    ]);
  });

  it('refuses the requester, unaccepted relations, strangers, foreign items, deleted items and unverified owners', async () => {
    const { owner, grantee, relationId, rootId, childId } = await sharingSetup();
    const granteeItems = await createItems(app, grantee);
    const stranger = await app.createUser();
    const variables = { relationId, deedItemId: rootId, type: 'READ' };

    expect(errorCode(await app.gql(GRANT, { ...variables, deedItemId: granteeItems.rootId }, { token: grantee.token }))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(GRANT, variables, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(GRANT, { ...variables, relationId: '999999999' }, { token: owner.token }))).toBe('NOT_FOUND');
    // Someone else's item is invisible to the owner: NOT_FOUND, as for a missing id.
    expect(errorCode(await app.gql(GRANT, { ...variables, deedItemId: granteeItems.rootId }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(GRANT, { ...variables, deedItemId: '999999999' }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(GRANT, { ...variables, type: 'ADMIN' }, { token: owner.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(GRANT, { ...variables, deedItemId: 'x1' }, { token: owner.token }))).toBe('BAD_USER_INPUT');

    await app.prisma.deedItem.update({ where: { id: BigInt(rootId) }, data: { deletedAt: new Date() } });
    expect(errorCode(await app.gql(GRANT, { ...variables, deedItemId: childId }, { token: owner.token }))).toBe('CONFLICT');
    await app.prisma.deedItem.update({ where: { id: BigInt(rootId) }, data: { deletedAt: null } });

    await app.updateUser(owner.id, { emailVerified: false });
    const unverified = await app.gql(GRANT, variables, { token: owner.token });
    expect(errorCode(unverified)).toBe('FORBIDDEN');
    expect(unverified.errors![0]!.extensions!.reason).toBe('EMAIL_NOT_VERIFIED');
    await app.updateUser(owner.id, { emailVerified: true });

    // PENDING and REJECTED relations cannot carry grants.
    const other = await app.createUser();
    const pending = await sendRequest(app, other, owner);
    expect(errorCode(await app.gql(GRANT, { ...variables, relationId: pending }, { token: owner.token }))).toBe('CONFLICT');
    await app.gql(RESPOND, { id: pending, decision: 'REJECT' }, { token: owner.token });
    expect(errorCode(await app.gql(GRANT, { ...variables, relationId: pending }, { token: owner.token }))).toBe('CONFLICT');

    expect(await app.prisma.permission.count({ where: { relation: { requesteeId: owner.id } } })).toBe(0);
    expect(await app.prisma.permission.count({ where: { relation: { requesteeId: grantee.id } } })).toBe(0);
  });
});

describe('concurrent grants', () => {
  it('serialise on the relation: contiguous versions, exactly one active', async () => {
    const { owner, relationId, rootId } = await sharingSetup();
    const types = ['READ', 'WRITE', 'READ', 'WRITE', 'READ', 'WRITE', 'READ', 'WRITE'];
    const answers = await Promise.all(
      types.map((type) => app.gql(GRANT, { relationId, deedItemId: rootId, type }, { token: owner.token })),
    );
    expect(answers.map((res) => res.errors)).toEqual(types.map(() => undefined));
    const rows = await app.prisma.permission.findMany({ where: { relationId: BigInt(relationId) }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => r.version)).toEqual(rows.map((_r, i) => i + 1));
    expect(rows.filter((r) => r.isActive)).toHaveLength(1);
    expect(rows[rows.length - 1]!.isActive).toBe(true);
    // Every version after the first alternates type (same-type grants change nothing).
    rows.slice(1).forEach((row, i) => expect(row.type).not.toBe(rows[i]!.type));
  });
});

describe('revokePermission', () => {
  it('ends the active version for the grantor only, keeps the history and removes access', async () => {
    const { owner, grantee, relationId, rootId, childId } = await sharingSetup();
    const stranger = await app.createUser();
    const v1 = (await grant(app, owner, relationId, rootId, 'READ')).permission;
    const v2 = (await grant(app, owner, relationId, rootId, 'WRITE')).permission;
    expect(await canRead(grantee, childId)).toBe(true);

    // The grantee sees the active version but may not end it; the superseded one they cannot see.
    expect(errorCode(await app.gql(REVOKE, { id: v2.id }, { token: grantee.token }))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(REVOKE, { id: v1.id }, { token: grantee.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(REVOKE, { id: v2.id }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(REVOKE, { id: '999999999' }, { token: owner.token }))).toBe('NOT_FOUND');
    // A superseded version is no longer in force: CONFLICT (the active one would stay).
    expect(errorCode(await app.gql(REVOKE, { id: v1.id }, { token: owner.token }))).toBe('CONFLICT');
    expect(await canRead(grantee, childId)).toBe(true);

    const revoked = await app.gql(REVOKE, { id: v2.id }, { token: owner.token });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokePermission).toMatchObject({
      permission: { id: v2.id, version: 2, type: 'WRITE', isActive: false, revokedAt: expect.any(String) },
      relation: { id: relationId, permissions: [] },
    });
    expect(await canRead(grantee, rootId)).toBe(false);
    expect(await canRead(grantee, childId)).toBe(false);
    expect(errorCode(await app.gql(REVOKE, { id: v2.id }, { token: owner.token }))).toBe('CONFLICT');

    expect(nodeIds(await app.gql(GRANTED_TO_ME, {}, { token: grantee.token }), 'permissionsGrantedToMe')).toEqual([]);
    expect(nodeIds(await app.gql(GRANTED_BY_ME, {}, { token: owner.token }), 'permissionsGrantedByMe')).toEqual([]);
    expect(
      nodeIds(await app.gql(GRANTED_BY_ME, { filter: { includeInactive: true } }, { token: owner.token }), 'permissionsGrantedByMe'),
    ).toEqual([v2.id, v1.id]);

    // Granting again continues the version sequence.
    const v3 = (await grant(app, owner, relationId, rootId, 'READ')).permission;
    expect(v3).toMatchObject({ version: 3, type: 'READ', isActive: true });
    expect(await canRead(grantee, rootId)).toBe(true);

    const audit = await auditRows(app, { action: 'PERMISSION_REVOKED', entityId: BigInt(v2.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: owner.id, subjectUserId: grantee.id, entityType: 'PERMISSION' });
  });

  it('shows the grantee a null deedItem once the item is deleted', async () => {
    const { owner, grantee, relationId, rootId } = await sharingSetup();
    const { permission } = await grant(app, owner, relationId, rootId, 'READ');
    await app.prisma.deedItem.update({ where: { id: BigInt(rootId) }, data: { deletedAt: new Date() } });

    const received = await app.gql(GRANTED_TO_ME, {}, { token: grantee.token });
    expect(received.data!.permissionsGrantedToMe.edges.map((e: any) => [e.node.id, e.node.deedItem])).toEqual([[permission.id, null]]);
    // The owner still sees their (deleted) item, to restore it.
    const given = await app.gql(GRANTED_BY_ME, {}, { token: owner.token });
    expect(given.data!.permissionsGrantedByMe.edges[0].node.deedItem).toEqual({ id: rootId, name: 'Fajr' });
  });
});

describe('ending a relation revokes its grants', () => {
  it('removeConnection by the grantee revokes active grants in the same transaction', async () => {
    const { owner, grantee, relationId, rootId, childId } = await sharingSetup();
    const onRoot = (await grant(app, owner, relationId, rootId, 'WRITE')).permission;
    const onChild = (await grant(app, owner, relationId, childId, 'READ')).permission;

    const removed = await app.gql(REMOVE, { id: relationId }, { token: grantee.token });
    expect(removed.errors).toBeUndefined();
    const revoked = removed.data!.removeConnection.revokedPermissions;
    expect(revoked.map((p: { id: string }) => p.id).sort()).toEqual([onRoot.id, onChild.id].sort());
    for (const p of revoked) expect(p).toMatchObject({ isActive: false, revokedAt: expect.any(String) });
    expect(await canRead(grantee, rootId)).toBe(false);
    expect(await app.prisma.permission.count({ where: { relationId: BigInt(relationId) } })).toBe(2);
    expect(nodeIds(await app.gql(GRANTED_TO_ME, {}, { token: grantee.token }), 'permissionsGrantedToMe')).toEqual([]);
    // The relation is gone, so its grants leave the owner's history too.
    expect(
      nodeIds(await app.gql(GRANTED_BY_ME, { filter: { includeInactive: true } }, { token: owner.token }), 'permissionsGrantedByMe'),
    ).toEqual([]);
    expect(errorCode(await app.gql(REVOKE, { id: onRoot.id }, { token: owner.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(GRANT, { relationId, deedItemId: rootId, type: 'READ' }, { token: owner.token }))).toBe('NOT_FOUND');

    const audit = await auditRows(app, { action: 'PERMISSION_REVOKED', subjectUserId: owner.id });
    expect(audit.map((a) => a.entityId).sort()).toEqual([BigInt(onRoot.id), BigInt(onChild.id)].sort());
  });

  it('blockUser by the owner revokes the grants and keeps them in the blocker\'s history', async () => {
    const { owner, grantee, relationId, rootId } = await sharingSetup();
    const { permission } = await grant(app, owner, relationId, rootId, 'READ');
    const blocked = await app.gql(BLOCK, { userId: grantee.gid }, { token: owner.token });
    expect(blocked.data!.blockUser.revokedPermissions.map((p: { id: string }) => p.id)).toEqual([permission.id]);
    expect(await canRead(grantee, rootId)).toBe(false);
    expect(errorCode(await app.gql(GRANT, { relationId, deedItemId: rootId, type: 'READ' }, { token: owner.token }))).toBe('CONFLICT');
    const history = await app.gql(GRANTED_BY_ME, { filter: { includeInactive: true } }, { token: owner.token });
    expect(history.data!.permissionsGrantedByMe.edges.map((e: any) => [e.node.id, e.node.isActive, e.node.relation.status])).toEqual([
      [permission.id, false, 'BLOCKED'],
    ]);
    expect(nodeIds(await app.gql(GRANTED_TO_ME, {}, { token: grantee.token }), 'permissionsGrantedToMe')).toEqual([]);
    expect(errorCode(await app.gql(RELATION, { id: relationId }, { token: grantee.token }))).toBe('NOT_FOUND');
  });
});

describe('permission lists', () => {
  it('filter by user and item, page newest first and validate paging arguments', async () => {
    const owner = await app.createUser();
    const items = await createItems(app, owner);
    const [g1, g2] = [await app.createUser(), await app.createUser()];
    const r1 = await connect(app, g1, owner);
    const r2 = await connect(app, g2, owner);
    const p1 = (await grant(app, owner, r1, items.rootId, 'READ')).permission.id;
    const p2 = (await grant(app, owner, r1, items.childId, 'WRITE')).permission.id;
    const p3 = (await grant(app, owner, r2, items.rootId, 'READ')).permission.id;

    const byUser = await app.gql(GRANTED_BY_ME, { filter: { userId: g1.gid } }, { token: owner.token });
    expect(nodeIds(byUser, 'permissionsGrantedByMe')).toEqual([p2, p1]);
    const byItem = await app.gql(GRANTED_BY_ME, { filter: { deedItemId: items.rootId } }, { token: owner.token });
    expect(nodeIds(byItem, 'permissionsGrantedByMe')).toEqual([p3, p1]);
    const toG1 = await app.gql(GRANTED_TO_ME, { filter: { userId: owner.gid, deedItemId: items.childId } }, { token: g1.token });
    expect(nodeIds(toG1, 'permissionsGrantedToMe')).toEqual([p2]);
    expect(nodeIds(await app.gql(GRANTED_TO_ME, { filter: { userId: g2.gid } }, { token: g1.token }), 'permissionsGrantedToMe')).toEqual([]);

    const page1 = await app.gql(GRANTED_BY_ME, { first: 2 }, { token: owner.token });
    expect(page1.data!.permissionsGrantedByMe).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(nodeIds(page1, 'permissionsGrantedByMe')).toEqual([p3, p2]);
    const page2 = await app.gql(
      GRANTED_BY_ME,
      { first: 2, after: page1.data!.permissionsGrantedByMe.pageInfo.endCursor },
      { token: owner.token },
    );
    expect(nodeIds(page2, 'permissionsGrantedByMe')).toEqual([p1]);
    expect(page2.data!.permissionsGrantedByMe.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    for (const query of [GRANTED_BY_ME, GRANTED_TO_ME]) {
      expect(errorCode(await app.gql(query, { first: 101 }, { token: owner.token }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await app.gql(query, { after: 'garbage!' }, { token: owner.token }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await app.gql(query, { filter: { userId: 'me' } }, { token: owner.token }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await app.gql(query, {}))).toBe('UNAUTHENTICATED');
    }
  });
});
