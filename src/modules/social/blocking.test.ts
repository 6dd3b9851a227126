import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  BLOCK,
  RELATION,
  REMOVE,
  RESPOND,
  SEND,
  auditRows,
  connect,
  createItems,
  grant,
  sendRequest,
  visibleRelationIds,
} from '../../../test/fixtures/social';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.stop();
});

const relationRow = (id: string) => app.prisma.relation.findUniqueOrThrow({ where: { id: BigInt(id) } });
const relationIdsOf = (user: TestUser, filter?: Record<string, unknown>) => visibleRelationIds(app, user, filter);

describe('blockUser', () => {
  it('removes my outgoing relation, turns theirs BLOCKED, revokes grants both ways, and hides the block from them', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const aliceToBob = await connect(app, alice, bob);
    const bobToAlice = await connect(app, bob, alice);
    const bobItems = await createItems(app, bob);
    const aliceItems = await createItems(app, alice);
    const toAlice = await grant(app, bob, aliceToBob, bobItems.rootId, 'READ');
    const toBob = await grant(app, alice, bobToAlice, aliceItems.rootId, 'WRITE');

    // Bob blocks Alice: Bob's outgoing Bob→Alice goes, Alice→Bob becomes BLOCKED.
    const blocked = await app.gql(BLOCK, { userId: alice.gid }, { token: bob.token });
    expect(blocked.errors).toBeUndefined();
    const payload = blocked.data!.blockUser;
    expect(payload.relation).toMatchObject({
      id: aliceToBob,
      status: 'BLOCKED',
      direction: 'INCOMING',
      requester: { id: alice.gid },
      requestee: { id: bob.gid },
      permissions: [],
    });
    expect(payload.removedRelationIds).toEqual([bobToAlice]);
    expect(payload.revokedPermissions.map((p: { id: string }) => p.id).sort()).toEqual(
      [toAlice.permission.id, toBob.permission.id].sort(),
    );
    for (const p of payload.revokedPermissions) expect(p).toMatchObject({ isActive: false, revokedAt: expect.any(String) });
    expect(await app.prisma.permission.count({ where: { isActive: true, relationId: { in: [BigInt(aliceToBob), BigInt(bobToAlice)] } } })).toBe(0);

    // Bob (the blocker) sees the BLOCKED relation; Alice does not, anywhere.
    expect(await relationIdsOf(bob)).toEqual([aliceToBob]);
    expect(await relationIdsOf(bob, { statuses: ['BLOCKED'] })).toEqual([aliceToBob]);
    expect(await relationIdsOf(alice)).toEqual([]);
    expect(await relationIdsOf(alice, { statuses: ['BLOCKED'] })).toEqual([]);
    const hidden = await app.gql(RELATION, { id: aliceToBob }, { token: alice.token });
    expect(hidden.data!.relation).toBeNull();
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(REMOVE, { id: aliceToBob }, { token: alice.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RESPOND, { id: aliceToBob, decision: 'ACCEPT' }, { token: alice.token }))).toBe('NOT_FOUND');
    // Alice cannot "block back" (that would lift Bob's block) nor send a new request.
    expect(errorCode(await app.gql(BLOCK, { userId: bob.gid }, { token: alice.token }))).toBe('NOT_FOUND');
    const request = await app.gql(SEND, { email: bob.email }, { token: alice.token });
    expect(errorCode(request)).toBe('NOT_FOUND');
    const unknown = await app.gql(SEND, { email: 'nobody-here@example.test' }, { token: alice.token });
    expect(request.errors![0]!.message).toBe(unknown.errors![0]!.message);
    // The blocker must unblock before connecting again.
    expect(errorCode(await app.gql(SEND, { email: alice.email }, { token: bob.token }))).toBe('CONFLICT');

    // Blocking again changes nothing.
    const again = await app.gql(BLOCK, { userId: alice.gid }, { token: bob.token });
    expect(again.data!.blockUser).toMatchObject({ relation: { id: aliceToBob, status: 'BLOCKED' }, removedRelationIds: [], revokedPermissions: [] });

    const audit = await auditRows(app, { action: 'USER_BLOCKED', subjectUserId: alice.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: bob.id, entityType: 'RELATION', entityId: BigInt(aliceToBob) });
    expect(await auditRows(app, { action: 'PERMISSION_REVOKED', entityId: BigInt(toBob.permission.id) })).toHaveLength(1);

    // removeConnection on the BLOCKED relation unblocks; Alice may then ask again.
    const unblocked = await app.gql(REMOVE, { id: aliceToBob }, { token: bob.token });
    expect(unblocked.data!.removeConnection).toEqual({ removedRelationId: aliceToBob, revokedPermissions: [] });
    expect(await relationIdsOf(bob)).toEqual([]);
    const fresh = await sendRequest(app, alice, bob);
    expect(fresh).not.toBe(aliceToBob);
  });

  it('creates the BLOCKED relation when the other user never sent one', async () => {
    const bob = await app.createUser();
    const carol = await app.createUser();
    const bobToCarol = await sendRequest(app, bob, carol);

    const blocked = await app.gql(BLOCK, { userId: carol.gid }, { token: bob.token });
    expect(blocked.errors).toBeUndefined();
    const { relation, removedRelationIds } = blocked.data!.blockUser;
    expect(removedRelationIds).toEqual([bobToCarol]);
    expect(relation.id).not.toBe(bobToCarol);
    expect(relation).toMatchObject({ status: 'BLOCKED', requester: { id: carol.gid }, requestee: { id: bob.gid } });
    const row = await relationRow(relation.id);
    expect(row).toMatchObject({ requesterId: carol.id, requesteeId: bob.id, status: 'BLOCKED', deletedAt: null });
    expect(await relationIdsOf(carol)).toEqual([]);
  });

  it('refuses self and users the viewer has no visible relation with', async () => {
    const alice = await app.createUser();
    const stranger = await app.createUser();
    const self = await app.gql(BLOCK, { userId: alice.gid }, { token: alice.token });
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'userId'], message: 'You cannot block yourself', constraint: 'notSelf' },
    ]);
    expect(errorCode(await app.gql(BLOCK, { userId: stranger.gid }, { token: alice.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(BLOCK, { userId: '999999999' }, { token: alice.token }))).toBe('NOT_FOUND');
    expect(await app.prisma.relation.count({ where: { OR: [{ requesteeId: alice.id }, { requesterId: alice.id }] } })).toBe(0);
  });
});

describe('concurrent blocks', () => {
  it('two users blocking each other at once: one block wins, the other gets NOT_FOUND, no deadlock', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    await connect(app, alice, bob);
    await connect(app, bob, alice);
    const [byAlice, byBob] = await Promise.all([
      app.gql(BLOCK, { userId: bob.gid }, { token: alice.token }),
      app.gql(BLOCK, { userId: alice.gid }, { token: bob.token }),
    ]);
    expect([errorCode(byAlice) ?? 'OK', errorCode(byBob) ?? 'OK'].sort()).toEqual(['NOT_FOUND', 'OK']);
    const live = await app.prisma.relation.findMany({
      where: { deletedAt: null, OR: [{ requesterId: alice.id }, { requesterId: bob.id }] },
    });
    expect(live).toHaveLength(1);
    expect(live[0]!.status).toBe('BLOCKED');
  });
});
