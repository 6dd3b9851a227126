import { PASSWORD, registerUser } from '../../../test/helpers/accounts';
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

describe('what the blocked user reads in the audit trail', () => {
  const EVENTS = `{ auditEvents(first: 100) { edges { node { id action entityType entityId oldValues newValues } } } }`;
  const EXPORT = `mutation { exportMyData(input: {}) { data } }`;
  interface AuditView {
    id: string;
    action: string;
    entityType: string;
    entityId: string | null;
    oldValues: Record<string, unknown> | null;
    newValues: Record<string, unknown> | null;
  }
  interface AuditViews {
    events: AuditView[];
    exported: AuditView[];
  }

  async function auditViews(user: TestUser): Promise<AuditViews> {
    const events = await app.gql(EVENTS, undefined, { token: user.token });
    expect(events.errors).toBeUndefined();
    const exported = await app.gql(EXPORT, undefined, { token: user.token });
    expect(exported.errors).toBeUndefined();
    return {
      events: events.data!.auditEvents.edges.map((edge: { node: AuditView }) => edge.node),
      exported: exported.data!.exportMyData.data.auditEvents,
    };
  }

  /** Rows `after` shows that `before` did not, besides the viewer's own exports. */
  function newRows(before: AuditViews, after: AuditViews): AuditViews {
    const fresh = (old: AuditView[], now: AuditView[]) => {
      const seen = new Set(old.map((row) => row.id));
      return now.filter((row) => !seen.has(row.id) && row.action !== 'DATA_EXPORTED');
    };
    return { events: fresh(before.events, after.events), exported: fresh(before.exported, after.exported) };
  }

  it('neither auditEvents nor exportMyData tell the blocked user of the block, the grants it ended, or the unblocking', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const aliceToBob = await connect(app, alice, bob);
    const bobItems = await createItems(app, bob);
    const toAlice = await grant(app, bob, aliceToBob, bobItems.rootId, 'READ');
    const beforeBlock = await auditViews(alice);
    // The grant to her is hers to read: the view is not simply empty.
    expect(beforeBlock.events.filter((row) => row.action === 'PERMISSION_GRANTED').map((row) => row.entityId)).toEqual([toAlice.permission.id]);

    expect((await app.gql(BLOCK, { userId: alice.gid }, { token: bob.token })).errors).toBeUndefined();
    const afterBlock = await auditViews(alice);
    expect(newRows(beforeBlock, afterBlock)).toEqual({ events: [], exported: [] });

    expect((await app.gql(REMOVE, { id: aliceToBob }, { token: bob.token })).errors).toBeUndefined();
    expect(newRows(afterBlock, await auditViews(alice))).toEqual({ events: [], exported: [] });

    // Bob, who did it all, reads every row of it: the block, the revocation it made, the unblocking.
    const bobView = await auditViews(bob);
    for (const rows of [bobView.events, bobView.exported]) {
      expect(rows.filter((row) => row.action === 'USER_BLOCKED').map((row) => row.entityId)).toEqual([aliceToBob]);
      expect(rows.filter((row) => row.action === 'PERMISSION_REVOKED')).toEqual([
        expect.objectContaining({ entityId: toAlice.permission.id, newValues: expect.objectContaining({ reason: 'USER_BLOCKED' }) }),
      ]);
      expect(rows.filter((row) => row.action === 'DELETED' && row.entityType === 'RELATION')).toEqual([
        expect.objectContaining({ entityId: aliceToBob, oldValues: expect.objectContaining({ status: 'BLOCKED' }) }),
      ]);
    }
  });

  it('the blocked user’s own account deletion and restore do not list the BLOCKED relation', async () => {
    const carol = await registerUser(app, { fullName: 'Carol' });
    await app.updateUser(carol.id, { emailVerified: true });
    const dave = await app.createUser();
    const carolToDave = await connect(app, carol, dave);
    expect((await app.gql(BLOCK, { userId: carol.gid }, { token: dave.token })).errors).toBeUndefined();

    const deleted = await app.gql(
      `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedUserId } }`,
      { input: { password: PASSWORD } },
      { token: carol.token },
    );
    expect(deleted.errors).toBeUndefined();
    // The deletion ended the BLOCKED relation too.
    expect((await relationRow(carolToDave)).deletedAt).not.toBeNull();
    const restored = await app.gql(`mutation ($input: RestoreAccountInput!) { restoreAccount(input: $input) { token } }`, {
      input: { email: carol.email, password: PASSWORD },
    });
    expect(restored.errors).toBeUndefined();
    // ...and it came back with the account; for Carol it still does not exist.
    expect(await relationRow(carolToDave)).toMatchObject({ status: 'BLOCKED', deletedAt: null });

    const { events, exported } = await auditViews({ ...carol, token: restored.data!.restoreAccount.token as string });
    for (const rows of [events, exported]) {
      const accountRows = rows.filter((row) => row.entityType === 'USER');
      expect(accountRows.find((row) => row.action === 'DELETED')!.newValues!.removedRelationIds).toEqual([]);
      expect(accountRows.find((row) => row.action === 'RESTORED')!.newValues!.restoredRelationIds).toEqual([]);
    }
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
