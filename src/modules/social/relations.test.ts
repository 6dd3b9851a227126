import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  BLOCK,
  RELATION,
  RELATIONS,
  REMOVE,
  RESPOND,
  SEND,
  auditRows,
  connect,
  sendRequest,
  visibleRelationIds,
} from '../../../test/fixtures/social';

const DAY_MS = 24 * 60 * 60 * 1000;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.stop();
});

const relationRow = (id: string) => app.prisma.relation.findUniqueOrThrow({ where: { id: BigInt(id) } });
const relationIdsOf = (user: TestUser, filter?: Record<string, unknown>) => visibleRelationIds(app, user, filter);

describe('connection request lifecycle', () => {
  it('sends, accepts and removes a relation, visible to both parties until removed, with audit rows', async () => {
    const alice = await app.createUser({ fullName: 'Alice' });
    const bob = await app.createUser({ fullName: 'Bob' });

    // Case and surrounding spaces do not matter: emails are stored lower-cased.
    const sent = await app.gql(SEND, { email: `  ${bob.email.toUpperCase()} ` }, { token: alice.token });
    expect(sent.errors).toBeUndefined();
    const relation = sent.data!.sendConnectionRequest.relation;
    expect(relation).toMatchObject({
      status: 'PENDING',
      direction: 'OUTGOING',
      respondedAt: null,
      requester: { id: alice.gid, fullName: 'Alice' },
      requestee: { id: bob.gid, fullName: 'Bob' },
      permissions: [],
    });

    const seenByBob = await app.gql(RELATION, { id: relation.id }, { token: bob.token });
    expect(seenByBob.data!.relation).toMatchObject({ id: relation.id, status: 'PENDING', direction: 'INCOMING' });

    const accepted = await app.gql(RESPOND, { id: relation.id, decision: 'ACCEPT' }, { token: bob.token });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToConnectionRequest.relation).toMatchObject({ id: relation.id, status: 'ACCEPTED', direction: 'INCOMING' });
    const row = await relationRow(relation.id);
    expect(row.status).toBe('ACCEPTED');
    expect(row.respondedAt).toBeInstanceOf(Date);
    expect(accepted.data!.respondToConnectionRequest.relation.respondedAt).toBe(row.respondedAt!.toISOString());

    expect(await relationIdsOf(alice)).toEqual([relation.id]);
    expect(await relationIdsOf(bob)).toEqual([relation.id]);

    const removed = await app.gql(REMOVE, { id: relation.id }, { token: alice.token });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeConnection).toEqual({ removedRelationId: relation.id, revokedPermissions: [] });
    expect((await relationRow(relation.id)).deletedAt).toBeInstanceOf(Date);

    for (const user of [alice, bob]) {
      const gone = await app.gql(RELATION, { id: relation.id }, { token: user.token });
      expect(gone.data!.relation).toBeNull();
      expect(errorCode(gone)).toBe('NOT_FOUND');
      expect(await relationIdsOf(user)).toEqual([]);
    }
    const again = await app.gql(REMOVE, { id: relation.id }, { token: bob.token });
    expect(errorCode(again)).toBe('NOT_FOUND');

    const audit = await auditRows(app, { entityId: BigInt(relation.id) });
    expect(audit.map((a) => [a.action, a.entityType, a.userId, a.subjectUserId])).toEqual([
      ['CREATED', 'RELATION', alice.id, bob.id],
      ['UPDATED', 'RELATION', bob.id, alice.id],
      ['DELETED', 'RELATION', alice.id, bob.id],
    ]);
  });

  it('lets a new request follow a removed relation, and keeps A→B and B→A separate', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const first = await connect(app, alice, bob);
    const reverse = await sendRequest(app, bob, alice);
    expect(reverse).not.toBe(first);
    expect(await relationIdsOf(alice)).toEqual([reverse, first]);
    expect(await relationIdsOf(alice, { direction: 'OUTGOING' })).toEqual([first]);
    expect(await relationIdsOf(alice, { direction: 'INCOMING' })).toEqual([reverse]);

    await app.gql(REMOVE, { id: first }, { token: bob.token });
    const renewed = await sendRequest(app, alice, bob);
    expect(renewed).not.toBe(first);
    expect((await relationRow(renewed)).status).toBe('PENDING');
  });
});

describe('sendConnectionRequest errors', () => {
  it('answers unknown, deleted and blocking targets with the same NOT_FOUND', async () => {
    const alice = await app.createUser();
    const deleted = await app.createUser();
    await app.updateUser(deleted.id, { deletedAt: new Date() });
    const blocker = await app.createUser();
    await sendRequest(app, blocker, alice);
    const block = await app.gql(BLOCK, { userId: alice.gid }, { token: blocker.token });
    expect(block.errors).toBeUndefined();

    const answers = await Promise.all(
      ['nobody-at-all@example.test', deleted.email, blocker.email].map((email) =>
        app.gql(SEND, { email }, { token: alice.token }),
      ),
    );
    for (const res of answers) {
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors![0]!.message).toBe(answers[0]!.errors![0]!.message);
    }
    expect(await app.prisma.relation.count({ where: { requesterId: alice.id } })).toBe(1);
  });

  it('refuses self, duplicates, unverified senders, bad emails and anonymous callers', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const carol = await app.createUser();

    const self = await app.gql(SEND, { email: alice.email }, { token: alice.token });
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'email'], message: 'You cannot send a connection request to yourself', constraint: 'notSelf' },
    ]);

    await sendRequest(app, alice, bob);
    const pending = await app.gql(SEND, { email: bob.email }, { token: alice.token });
    expect(errorCode(pending)).toBe('CONFLICT');

    await connect(app, alice, carol);
    const accepted = await app.gql(SEND, { email: carol.email }, { token: alice.token });
    expect(errorCode(accepted)).toBe('CONFLICT');

    const unverified = await app.createUser({ emailVerified: false });
    const forbidden = await app.gql(SEND, { email: bob.email }, { token: unverified.token });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors![0]!.extensions!.reason).toBe('EMAIL_NOT_VERIFIED');

    for (const email of ['not-an-email', '   ', `${'x'.repeat(250)}@example.test`]) {
      const bad = await app.gql(SEND, { email }, { token: alice.token });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.fieldErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['input', 'email'] })]),
      );
    }
    expect(errorCode(await app.gql(SEND, { email: bob.email }))).toBe('UNAUTHENTICATED');
    expect(await app.prisma.relation.count({ where: { OR: [{ requesterId: unverified.id }, { requesteeId: alice.id }] } })).toBe(0);
    expect(await app.prisma.relation.count({ where: { requesterId: alice.id } })).toBe(2);
  });

  it('reopens a REJECTED request as PENDING with the same id only 7 days after the rejection', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const id = await sendRequest(app, alice, bob);
    const rejected = await app.gql(RESPOND, { id, decision: 'REJECT' }, { token: bob.token });
    expect(rejected.data!.respondToConnectionRequest.relation.status).toBe('REJECTED');

    const tooSoon = await app.gql(SEND, { email: bob.email }, { token: alice.token });
    expect(errorCode(tooSoon)).toBe('CONFLICT');

    const setRejectedAgo = (ms: number) =>
      app.prisma.relation.update({ where: { id: BigInt(id) }, data: { respondedAt: new Date(Date.now() - ms) } });
    await setRejectedAgo(7 * DAY_MS - 60_000);
    expect(errorCode(await app.gql(SEND, { email: bob.email }, { token: alice.token }))).toBe('CONFLICT');

    await setRejectedAgo(7 * DAY_MS + 60_000);
    const reopened = await app.gql(SEND, { email: bob.email }, { token: alice.token });
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data!.sendConnectionRequest.relation).toMatchObject({ id, status: 'PENDING', respondedAt: null });
    expect(await app.prisma.relation.count({ where: { requesterId: alice.id, requesteeId: bob.id } })).toBe(1);

    const audit = await auditRows(app, { entityId: BigInt(id) });
    expect(audit.map((a) => a.action)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);
    expect(audit[2]!.newValues).toEqual({ status: 'PENDING', respondedAt: null });

    const acceptedAgain = await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: bob.token });
    expect(acceptedAgain.data!.respondToConnectionRequest.relation.status).toBe('ACCEPTED');
  });
});

describe('concurrent requests', () => {
  it('creates one relation when the same request is sent many times at once', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.gql(SEND, { email: bob.email }, { token: alice.token })));
    const codes = answers.map((res) => errorCode(res) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await app.prisma.relation.count({ where: { requesterId: alice.id, requesteeId: bob.id } })).toBe(1);
    expect(await app.prisma.auditLog.count({ where: { action: 'CREATED', entityType: 'RELATION', userId: alice.id } })).toBe(1);
  });
});

describe('respondToConnectionRequest errors', () => {
  it('lets only the requestee answer, only while pending', async () => {
    const alice = await app.createUser();
    const bob = await app.createUser();
    const stranger = await app.createUser();
    const id = await sendRequest(app, alice, bob);

    expect(errorCode(await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: alice.token }))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RESPOND, { id: '999999999', decision: 'ACCEPT' }, { token: bob.token }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RESPOND, { id: 'abc', decision: 'ACCEPT' }, { token: bob.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(RESPOND, { id, decision: 'MAYBE' }, { token: bob.token }))).toBe('BAD_USER_INPUT');
    expect((await relationRow(id)).status).toBe('PENDING');

    await app.updateUser(bob.id, { emailVerified: false });
    const unverified = await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: bob.token });
    expect(errorCode(unverified)).toBe('FORBIDDEN');
    expect(unverified.errors![0]!.extensions!.reason).toBe('EMAIL_NOT_VERIFIED');
    await app.updateUser(bob.id, { emailVerified: true });

    expect(errorCode(await app.gql(RESPOND, { id, decision: 'REJECT' }, { token: bob.token }))).toBeUndefined();
    const twice = await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: bob.token });
    expect(errorCode(twice)).toBe('CONFLICT');
    expect((await relationRow(id)).status).toBe('REJECTED');
  });
});

describe('relations list', () => {
  it('pages newest first with exact totals and validates first and after', async () => {
    const hub = await app.createUser();
    const others = await Promise.all([1, 2, 3].map(() => app.createUser()));
    const ids: string[] = [];
    for (const other of others) ids.push(await sendRequest(app, hub, other));
    // Same millisecond, different microseconds: the cursor must keep them apart.
    await app.prisma.$executeRaw`UPDATE relations SET created_at = '2030-01-01T00:00:00.000100Z' WHERE relation_id = ${BigInt(ids[0]!)}`;
    await app.prisma.$executeRaw`UPDATE relations SET created_at = '2030-01-01T00:00:00.000300Z' WHERE relation_id = ${BigInt(ids[1]!)}`;
    await app.prisma.$executeRaw`UPDATE relations SET created_at = '2030-01-01T00:00:00.000200Z' WHERE relation_id = ${BigInt(ids[2]!)}`;
    const expected = [ids[1], ids[2], ids[0]];

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const res: { data?: any; errors?: unknown } = await app.gql(RELATIONS, { first: 1, after }, { token: hub.token });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = res.data!.relations;
      expect(totalCount).toBe(3);
      expect(edges).toHaveLength(1);
      expect(pageInfo).toEqual({
        hasNextPage: page < 2,
        hasPreviousPage: after !== null,
        startCursor: edges[0].cursor,
        endCursor: edges[0].cursor,
      });
      seen.push(edges[0].node.id);
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    const empty = await app.gql(RELATIONS, { first: 5, after }, { token: hub.token });
    expect(empty.data!.relations).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      edges: [],
    });

    const all = await app.gql(RELATIONS, {}, { token: hub.token });
    expect(all.data!.relations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected);
    expect(await relationIdsOf(hub, { statuses: [] })).toEqual([]);
    expect(await relationIdsOf(hub, { statuses: ['ACCEPTED'] })).toEqual([]);
    expect(await relationIdsOf(hub, { direction: 'INCOMING' })).toEqual([]);

    for (const first of [0, 101, -1]) {
      const res = await app.gql(RELATIONS, { first }, { token: hub.token });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['first'] })]);
    }
    const forged = Buffer.from(JSON.stringify(['2030-13-01T00:00:00.000000Z', '1'])).toString('base64url');
    for (const cursor of ['not a cursor', 'eyJ4Ijox', forged]) {
      const res = await app.gql(RELATIONS, { after: cursor }, { token: hub.token });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await app.gql(RELATIONS, {}))).toBe('UNAUTHENTICATED');
  });
});
