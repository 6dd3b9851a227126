import 'reflect-metadata';
import { AUTH_FIELDS, PASSWORD, auditRows, registerUser } from '../../../test/helpers/accounts';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';

const DELETE = 'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedUserId deletedAt } }';
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;

describe('deleteAccount over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  async function rootItem(ownerId: bigint) {
    const deed = await app.prisma.deed.create({
      data: { userId: ownerId, name: 'Prayer', category: 'HASANAAT', measureType: 'COUNT' },
    });
    return app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Fajr' } });
  }

  /** The account to delete, with relations both ways, grants both ways, and a reminder. */
  async function accountWithConnections() {
    const me = await registerUser(app, { fullName: 'Leaving User' });
    const friend = await app.createUser({ fullName: 'Friend' });
    const follower = await app.createUser({ fullName: 'Follower' });
    const bystander = await app.createUser({ fullName: 'Bystander' });
    const myItem = await rootItem(me.id);
    const friendItem = await rootItem(friend.id);
    const bystanderItem = await rootItem(bystander.id);

    // friend → me accepted: I grant the friend WRITE on my item (v1 READ revoked earlier, v2 WRITE active).
    const friendToMe = await app.prisma.relation.create({
      data: { requesterId: friend.id, requesteeId: me.id, status: 'ACCEPTED', respondedAt: new Date() },
    });
    const oldRevokedAt = new Date('2025-01-01T00:00:00Z');
    const oldGrant = await app.prisma.permission.create({
      data: { relationId: friendToMe.id, deedItemId: myItem.id, type: 'READ', version: 1, isActive: false, revokedAt: oldRevokedAt },
    });
    const myGrant = await app.prisma.permission.create({
      data: { relationId: friendToMe.id, deedItemId: myItem.id, type: 'WRITE', version: 2 },
    });
    // me → friend accepted: the friend grants me READ on their item.
    const meToFriend = await app.prisma.relation.create({
      data: { requesterId: me.id, requesteeId: friend.id, status: 'ACCEPTED', respondedAt: new Date() },
    });
    const receivedGrant = await app.prisma.permission.create({
      data: { relationId: meToFriend.id, deedItemId: friendItem.id, type: 'READ', version: 1 },
    });
    // A pending request to me, and a relation that has nothing to do with me.
    const pending = await app.prisma.relation.create({ data: { requesterId: follower.id, requesteeId: me.id } });
    const unrelated = await app.prisma.relation.create({
      data: { requesterId: friend.id, requesteeId: bystander.id, status: 'ACCEPTED' },
    });
    const unrelatedGrant = await app.prisma.permission.create({
      data: { relationId: unrelated.id, deedItemId: bystanderItem.id, type: 'READ', version: 1 },
    });
    const reminder = await app.prisma.notification.create({
      data: { userId: me.id, notificationTime: new Date('1970-01-01T21:00:00Z'), timezone: 'UTC' },
    });
    return {
      me, friend, oldGrant, oldRevokedAt, myGrant, receivedGrant, reminder,
      myRelations: [friendToMe.id, meToFriend.id, pending.id], unrelated, unrelatedGrant,
    };
  }

  it('a wrong password is BAD_USER_INPUT and deletes nothing', async () => {
    const world = await accountWithConnections();
    const res = await app.gql(DELETE, { input: { password: 'not my password' } }, { token: world.me.token });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'password'], message: 'Password is incorrect', constraint: 'currentPassword' },
    ]);
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: world.me.id } })).deletedAt).toBeNull();
    expect(await app.prisma.relation.count({ where: { id: { in: world.myRelations }, deletedAt: null } })).toBe(3);
    expect((await app.prisma.permission.findUniqueOrThrow({ where: { id: world.myGrant.id } })).isActive).toBe(true);
    expect((await app.prisma.notification.findUniqueOrThrow({ where: { id: world.reminder.id } })).isActive).toBe(true);
    expect((await app.gql('{ me { id } }', {}, { token: world.me.token })).data).toEqual({ me: { id: world.me.gid } });
  });

  it('needs a token, and a reason within 1000 characters', async () => {
    expect(errorCode(await app.gql(DELETE, { input: { password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    const me = await registerUser(app);
    const res = await app.gql(DELETE, { input: { password: PASSWORD, reason: 'r'.repeat(1001) } }, { token: me.token });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown[] }>)[0]!.path).toEqual(['input', 'reason']);
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: me.id } })).deletedAt).toBeNull();
  });

  it('soft-deletes the user, ends relations and grants both ways, disables the reminder, in one go', async () => {
    const world = await accountWithConnections();
    const res = await app.gql(
      DELETE,
      { input: { password: PASSWORD, reason: '  moving on  ' } },
      { token: world.me.token },
    );
    expect(res.errors).toBeUndefined();
    const { deletedUserId, deletedAt } = res.data!.deleteAccount;
    expect(deletedUserId).toBe(world.me.gid);
    const at = new Date(deletedAt);

    const user = await app.prisma.user.findUniqueOrThrow({ where: { id: world.me.id } });
    expect(user).toMatchObject({ deletedAt: at, isActive: false, deletionReason: 'moving on' });
    const relations = await app.prisma.relation.findMany({ where: { id: { in: world.myRelations } } });
    expect(relations.map((relation) => relation.deletedAt)).toEqual([at, at, at]);
    for (const grant of [world.myGrant, world.receivedGrant]) {
      expect(await app.prisma.permission.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({
        isActive: false,
        revokedAt: at,
      });
    }
    // History stays as it was.
    expect((await app.prisma.permission.findUniqueOrThrow({ where: { id: world.oldGrant.id } })).revokedAt).toEqual(world.oldRevokedAt);
    expect((await app.prisma.notification.findUniqueOrThrow({ where: { id: world.reminder.id } })).isActive).toBe(false);
    // Others' relations are untouched.
    expect((await app.prisma.relation.findUniqueOrThrow({ where: { id: world.unrelated.id } })).deletedAt).toBeNull();
    expect((await app.prisma.permission.findUniqueOrThrow({ where: { id: world.unrelatedGrant.id } })).isActive).toBe(true);

    const [audit] = await auditRows(app, { action: 'DELETED', entityId: world.me.id });
    expect(audit).toMatchObject({ entityType: 'USER', userId: world.me.id });
    expect(audit!.newValues).toEqual({
      reason: 'moving on',
      removedRelationIds: [...world.myRelations].sort((a, b) => Number(a - b)).map(String),
      revokedPermissionIds: [world.myGrant.id, world.receivedGrant.id].sort((a, b) => Number(a - b)).map(String),
      remindersDisabled: 1,
      purgeAfter: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
    });

    // The old token is dead everywhere; so is the password; the friend no longer sees me.
    expect(errorCode(await app.gql('{ me { id } }', {}, { token: world.me.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(DELETE, { input: { password: PASSWORD } }, { token: world.me.token }))).toBe('UNAUTHENTICATED');
    // In the grace period the right password only tells that the account is scheduled for deletion.
    const login = await app.gql(LOGIN, { input: { email: world.me.email, password: PASSWORD } });
    expect(login.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DELETION_SCHEDULED' });
    expect(login.data).toBeNull();
    const seen = await app.gql('query ($id: ID!) { user(id: $id) { id } }', { id: world.me.gid }, { token: world.friend.token });
    expect(errorCode(seen)).toBe('NOT_FOUND');

    // The address is free again for a new account.
    const again = await app.gql(REGISTER, { input: { email: world.me.email, password: PASSWORD, fullName: 'Back Again' } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.register.user.id).not.toBe(world.me.gid);
  });
});
