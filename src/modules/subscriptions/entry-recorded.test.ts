import { signAccessToken } from '../../auth/access-token';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, grant, utcDate, type CountDeed } from '../../../test/fixtures/entries';
import { entryTopic } from './service';
import { connect, Feed, subscribeTo, topicSubscriptions, until, type WsClient } from '../../../test/helpers/subscription-client';

/**
 * entryRecorded over graphql-ws (CONTRACT.md sections 2 and 10), across two server instances
 * on one database and one Redis: subscribers connect to instance A, every write goes through
 * instance B, so each event travels through Redis pub/sub.
 */

let a: TestApp;
let b: TestApp;
let owner: TestUser;
let reader: TestUser;
let writer: TestUser;
let stranger: TestUser;
/** reader: READ on covered and revoked; writer: WRITE on covered; nobody on uncovered. */
let covered: CountDeed;
let revoked: CountDeed;
let uncovered: CountDeed;
let subscriptionsOf: (topic: string) => number;
const clients: WsClient[] = [];

const ENTRY_RECORDED = /* GraphQL */ `
  subscription Watch($ownerId: ID) {
    entryRecorded(ownerId: $ownerId) {
      id action changedAt
      changedBy { id }
      before { count notes }
      after { count notes }
      entry { id count notes deletedAt owner { id } createdBy { id } deedItem { id } }
    }
  }`;

const RECORD = `mutation($input: RecordEntryInput!) { recordEntry(input: $input) { outcome entry { id } } }`;

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { database: a.database });
  owner = await a.createUser();
  reader = await a.createUser();
  writer = await a.createUser();
  stranger = await a.createUser();
  covered = await createCountDeed(a, owner);
  revoked = await createCountDeed(a, owner);
  uncovered = await createCountDeed(a, owner);
  await grant(a, owner, reader, covered.itemId, 'READ');
  await grant(a, owner, reader, revoked.itemId, 'READ');
  await grant(a, owner, writer, covered.itemId, 'WRITE');
  subscriptionsOf = topicSubscriptions(a);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b.stop();
  await a.stop();
});

function client(app: TestApp, user?: TestUser, params?: Record<string, unknown>): WsClient {
  const connected = connect(app, params ?? (user ? { authorization: `Bearer ${user.token}` } : undefined));
  clients.push(connected);
  return connected;
}

function subscriptionsTo(ownerId: bigint): number {
  return subscriptionsOf(entryTopic(ownerId));
}

/** Subscribes on instance A and waits until the server listens. */
function watch(user: TestUser, ownerId?: TestUser): Promise<Feed> {
  const variables = ownerId ? { ownerId: ownerId.gid } : {};
  return subscribeTo(subscriptionsOf, entryTopic((ownerId ?? user).id), client(a, user).client, ENTRY_RECORDED, variables);
}

async function onB(user: TestUser, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await b.gql(query, variables, { token: user.token });
  expect(res.errors).toBeUndefined();
  return res.data;
}

const record = (user: TestUser, item: CountDeed, count: string, extra: Record<string, unknown> = {}) =>
  onB(user, RECORD, { input: { deedItemId: String(item.itemId), entryDate: utcDate(), count, ...extra } });

async function historyRows(entryId: string) {
  return a.prisma.entryHistory.findMany({ where: { entryId: BigInt(entryId) }, orderBy: { id: 'asc' } });
}

describe('entryRecorded across two instances sharing Redis', () => {
  it('both instances publish through Redis', () => {
    expect(a.server.events.kind).toBe('redis');
    expect(b.server.events.kind).toBe('redis');
  });

  it('sends CREATED, UPDATED, DELETED and RESTORED with exact fields; UNCHANGED sends nothing', async () => {
    const feed = await watch(owner);

    const created = await record(owner, covered, '3', { notes: 'first' });
    expect(created.recordEntry.outcome).toBe('CREATED');
    const entryId: string = created.recordEntry.entry.id;
    const base = { owner: { id: owner.gid }, createdBy: { id: owner.gid }, deedItem: { id: String(covered.itemId) }, id: entryId };

    let rows = await historyRows(entryId);
    expect(await feed.next()).toEqual({
      data: {
        entryRecorded: {
          id: String(rows[0]!.id),
          action: 'CREATED',
          changedAt: rows[0]!.changedAt.toISOString(),
          changedBy: { id: owner.gid },
          before: null,
          after: { count: '3.00', notes: 'first' },
          entry: { ...base, count: '3.00', notes: 'first', deletedAt: null },
        },
      },
    });

    await onB(owner, `mutation($id: ID!) { updateEntry(input: { id: $id, count: "5" }) { entry { id } } }`, { id: entryId });
    rows = await historyRows(entryId);
    expect((await feed.next()).data!.entryRecorded).toEqual({
      id: String(rows[1]!.id),
      action: 'UPDATED',
      changedAt: rows[1]!.changedAt.toISOString(),
      changedBy: { id: owner.gid },
      before: { count: '3.00', notes: 'first' },
      after: { count: '5.00', notes: 'first' },
      entry: { ...base, count: '5.00', notes: 'first', deletedAt: null },
    });

    const unchanged = await record(owner, covered, '5');
    expect(unchanged.recordEntry.outcome).toBe('UNCHANGED');

    await onB(owner, `mutation($id: ID!) { deleteEntry(input: { id: $id }) { entry { id } } }`, { id: entryId });
    rows = await historyRows(entryId);
    expect(rows.map((r) => r.action)).toEqual(['CREATED', 'UPDATED', 'DELETED']);
    const deletedAt = (await a.prisma.entry.findUniqueOrThrow({ where: { id: BigInt(entryId) } })).deletedAt!.toISOString();
    // The next event is the delete: the UNCHANGED write sent nothing.
    expect((await feed.next()).data!.entryRecorded).toEqual({
      id: String(rows[2]!.id),
      action: 'DELETED',
      changedAt: rows[2]!.changedAt.toISOString(),
      changedBy: { id: owner.gid },
      before: { count: '5.00', notes: 'first' },
      after: null,
      entry: { ...base, count: '5.00', notes: 'first', deletedAt },
    });

    await onB(owner, `mutation($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`, { id: entryId });
    rows = await historyRows(entryId);
    expect((await feed.next()).data!.entryRecorded).toEqual({
      id: String(rows[3]!.id),
      action: 'RESTORED',
      changedAt: rows[3]!.changedAt.toISOString(),
      changedBy: { id: owner.gid },
      before: { count: '5.00', notes: 'first' },
      after: { count: '5.00', notes: 'first' },
      entry: { ...base, count: '5.00', notes: 'first', deletedAt: null },
    });
    expect(feed.unread).toEqual([]);
    feed.stop();
  });

  it('a burst of writes arrives complete and in commit order', async () => {
    const feed = await watch(owner);
    const counts = ['10', '11', '12', '13', '14', '15'];
    for (const count of counts) await record(owner, uncovered, count);
    const events = [];
    for (let i = 0; i < counts.length; i++) events.push((await feed.next()).data!.entryRecorded);
    expect(events.map((e: any) => [e.action, e.after.count])).toEqual([
      ['CREATED', '10.00'],
      ['UPDATED', '11.00'],
      ['UPDATED', '12.00'],
      ['UPDATED', '13.00'],
      ['UPDATED', '14.00'],
      ['UPDATED', '15.00'],
    ]);
    const rows = await a.prisma.entryHistory.findMany({ where: { entryId: BigInt(events[0].entry.id) }, orderBy: { id: 'asc' } });
    expect(events.map((e: any) => e.id)).toEqual(rows.map((r) => String(r.id)));
    feed.stop();
  });

  it("a WRITE grantee's write reaches the owner with changedBy = the grantee", async () => {
    const feed = await watch(owner);
    await record(writer, covered, '7', { entryDate: '2025-01-02' });
    expect((await feed.next()).data!.entryRecorded).toMatchObject({
      action: 'CREATED',
      changedBy: { id: writer.gid },
      after: { count: '7.00', notes: null },
      entry: { owner: { id: owner.gid }, createdBy: { id: writer.gid } },
    });
    feed.stop();
  });

  it('a READ grantee gets only covered items, and nothing more from an item once its grant is revoked', async () => {
    const feed = await watch(reader, owner);

    // Uncovered first, then covered: the first event the grantee sees is the covered one.
    await record(owner, uncovered, '1', { entryDate: '2025-02-01' });
    const onCovered = await record(owner, covered, '2', { entryDate: '2025-02-01' });
    expect((await feed.next()).data!.entryRecorded).toMatchObject({
      action: 'CREATED',
      after: { count: '2.00' },
      entry: { id: onCovered.recordEntry.entry.id, deedItem: { id: String(covered.itemId) } },
    });

    const onRevoked = await record(owner, revoked, '4', { entryDate: '2025-02-01' });
    expect((await feed.next()).data!.entryRecorded).toMatchObject({
      action: 'CREATED',
      entry: { id: onRevoked.recordEntry.entry.id, deedItem: { id: String(revoked.itemId) } },
    });

    const permission = await a.prisma.permission.findFirstOrThrow({
      where: { deedItemId: revoked.itemId, revokedAt: null, relation: { requesterId: reader.id } },
    });
    await onB(owner, `mutation($id: ID!) { revokePermission(input: { permissionId: $id }) { permission { id } } }`, {
      id: String(permission.id),
    });

    // The subscription is unchanged, but access is checked per event when it is delivered.
    await record(owner, revoked, '5', { entryDate: '2025-02-01' });
    await record(owner, covered, '6', { entryDate: '2025-02-01' });
    expect((await feed.next()).data!.entryRecorded).toMatchObject({
      action: 'UPDATED',
      before: { count: '2.00' },
      after: { count: '6.00' },
      entry: { deedItem: { id: String(covered.itemId) } },
    });
    expect(feed.unread).toEqual([]);
    feed.stop();
  });

  it("a stranger subscribing to the owner gets NOT_FOUND, and so does an unknown owner", async () => {
    const feed = new Feed(client(a, stranger).client, ENTRY_RECORDED, { ownerId: owner.gid });
    const result = await feed.next();
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'User not found', extensions: { code: 'NOT_FOUND' } })]);
    await until(() => feed.completed, 5_000, 'completion');

    const unknown = await new Feed(client(a, reader).client, ENTRY_RECORDED, { ownerId: '999999999' }).next();
    expect(unknown.errors).toEqual([expect.objectContaining({ message: 'User not found', extensions: { code: 'NOT_FOUND' } })]);
  });

  it('an anonymous connection is accepted, but subscribing fails UNAUTHENTICATED', async () => {
    const result = await new Feed(client(a).client, ENTRY_RECORDED).next();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('a malformed ownerId is BAD_USER_INPUT', async () => {
    const refusal = await new Feed(client(a, owner).client, ENTRY_RECORDED, { ownerId: 'abc' }).refusal();
    expect(refusal).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path: ['ownerId'], message: 'ID must be a positive decimal integer string, got "abc"', constraint: 'type' }],
        },
      }),
    ]);
  });
});

describe('connection_init authentication', () => {
  it.each([
    ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
    ['no Bearer scheme', { authorization: 'Token abc' }],
    ['an authorization that is not a string', { authorization: 42 }],
  ])('%s closes the socket with 4403', async (_label, params) => {
    const connected = client(a, undefined, params);
    const feed = new Feed(connected.client, ENTRY_RECORDED);
    expect(await connected.closed).toEqual({ code: 4403, reason: 'Invalid or expired token' });
    expect(feed.results).toEqual([]);
  });

  it('a token issued before the last password change closes the socket with 4403', async () => {
    const user = await a.createUser();
    await a.updateUser(user.id, { passwordChangedAt: new Date(Date.now() + 5_000) });
    const connected = client(a, user);
    void new Feed(connected.client, ENTRY_RECORDED);
    expect(await connected.closed).toEqual({ code: 4403, reason: 'Invalid or expired token' });
  });

  it('the socket closes with 4403 when the token expires', async () => {
    const user = await a.createUser();
    await a.updateUser(user.id, { passwordChangedAt: new Date(Date.now() - 2 * 86_400_000) });
    // Issued almost 24 h ago: about two seconds of life left.
    const { token, expiresAt } = await signAccessToken(user.id, a.server.jwtKey, new Date(Date.now() - 86_400_000 + 2_000));
    const connected = client(a, undefined, { authorization: `Bearer ${token}` });
    const before = subscriptionsTo(user.id);
    void new Feed(connected.client, ENTRY_RECORDED);
    await until(() => subscriptionsTo(user.id) > before, 5_000, 'the subscription');
    const closed = await connected.closed;
    expect(closed).toEqual({ code: 4403, reason: 'Token expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 50);
  });
});

describe('operations over the socket', () => {
  it('queries and mutations are refused: they belong on HTTP', async () => {
    const refusal = await new Feed(client(a, owner).client, '{ me { id } }').refusal();
    expect(refusal).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
  });

  it('the query limits apply to subscription documents', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `entry { history { edges { node { ${selection} } } } }`;
    const refusal = await new Feed(client(a, owner).client, `subscription { entryRecorded { ${selection} } }`).refusal();
    expect(refusal).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'DEPTH' } })]);
  });

  it('a message larger than an HTTP body may be closes the socket with 1009', async () => {
    const connected = client(a, owner);
    void new Feed(connected.client, `subscription { entryRecorded { id } } # ${'x'.repeat(1024 * 1024)}`);
    expect((await connected.closed).code).toBe(1009);
  });

  it('a syntax error is GRAPHQL_VALIDATION_FAILED', async () => {
    const refusal = await new Feed(client(a, owner).client, 'subscription {').refusal();
    expect(refusal).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });
});

describe('shutdown', () => {
  it('stopping an instance closes its sockets with 1001 Going away', async () => {
    const connected = client(b, owner);
    const up = new Promise<void>((resolve) => connected.client.on('connected', () => resolve()));
    const feed = new Feed(connected.client, ENTRY_RECORDED);
    await up;
    await b.stop();
    expect((await connected.closed).code).toBe(1001);
    expect(feed.results).toEqual([]);
  });
});
