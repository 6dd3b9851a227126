import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signAccessToken } from '../../auth/access-token';
import { createCountDeed, utcDate } from '../../../test/fixtures/entries';
import { Feed, topicSubscriptions, until, wsUrl, type ClosedSocket } from '../../../test/helpers/subscription-client';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { entryTopic } from '../../modules/subscriptions/service';
import { MAX_SOCKETS_PER_USER, MAX_SUBSCRIBES_PER_MINUTE, MAX_SUBSCRIPTIONS_PER_SOCKET } from './session-limits';

/**
 * Issue 11 item 3 over graphql-ws: a socket whose token stopped being valid gets nothing more
 * and closes with 4403; sockets, subscriptions and subscribes are capped.
 */

const ENTRY_RECORDED = 'subscription { entryRecorded { id action } }';
const MERIT_COMPLETED = 'subscription { meritCompleted { id } }';
const RECORD = 'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }';

interface Socket {
  client: Client;
  closed: Promise<ClosedSocket>;
  connected: Promise<void>;
}

let app: TestApp;
const sockets: Socket[] = [];

/** A socket that connects at once (not at its first subscribe). */
function open(token: string): Socket {
  let onClosed: (event: ClosedSocket) => void = () => {};
  let onConnected: () => void = () => {};
  const closed = new Promise<ClosedSocket>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: wsUrl(app),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  const socket = { client, closed, connected };
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.client.dispose()));
  await app.stop();
});

describe('a token that stops being valid', () => {
  it('after a password change: the next event is not delivered and the socket closes with 4403', async () => {
    const owner = await app.createUser();
    const { itemId } = await createCountDeed(app, owner);
    const listens = topicSubscriptions(app);
    const socket = open(owner.token);
    const before = listens(entryTopic(owner.id));
    const feed = new Feed(socket.client, ENTRY_RECORDED);
    await until(() => listens(entryTopic(owner.id)) > before, 5_000, 'the subscription');

    await app.updateUser(owner.id, { passwordChangedAt: new Date(Date.now() + 5_000) });
    // A session from after the change writes.
    const { token } = await signAccessToken(owner.id, app.server.jwtKey, new Date(Date.now() + 10_000));
    const recorded = await app.gql(RECORD, { input: { deedItemId: itemId.toString(), entryDate: utcDate(0), count: '1' } }, { token });
    expect(recorded.errors).toBeUndefined();

    expect(await socket.closed).toEqual({ code: 4403, reason: 'Token revoked' });
    expect(feed.results).toEqual([]);
  });

  it('after the account is deleted: the next subscribe closes the socket with 4403', async () => {
    const user = await app.createUser();
    const socket = open(user.token);
    await socket.connected;
    await app.updateUser(user.id, { deletedAt: new Date(), isActive: false });
    const feed = new Feed(socket.client, MERIT_COMPLETED);
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Token revoked' });
    expect(feed.results).toEqual([]);
  });
});

describe('caps', () => {
  it(`closes a user's socket past ${MAX_SOCKETS_PER_USER} with 4429; closing one frees a place`, async () => {
    const user: TestUser = await app.createUser();
    const held = Array.from({ length: MAX_SOCKETS_PER_USER }, () => open(user.token));
    await Promise.all(held.map((socket) => socket.connected));
    const extra = open(user.token);
    expect(await extra.closed).toEqual({ code: 4429, reason: 'Too many connections' });
    // Others are not affected.
    await open((await app.createUser()).token).connected;

    await held[0]!.client.dispose();
    await held[0]!.closed;
    // The server counts the socket out once it has seen it close, which may be a moment later.
    let outcome = 'closed';
    for (let attempt = 0; attempt < 20 && outcome === 'closed'; attempt += 1) {
      const again = open(user.token);
      outcome = await Promise.race([again.connected.then(() => 'connected'), again.closed.then(() => 'closed')]);
    }
    expect(outcome).toBe('connected');
  });

  it(`refuses a subscription past ${MAX_SUBSCRIPTIONS_PER_SOCKET} on one socket with RATE_LIMITED`, async () => {
    const user = await app.createUser();
    const socket = open(user.token);
    const listens = topicSubscriptions(app);
    const feeds = Array.from({ length: MAX_SUBSCRIPTIONS_PER_SOCKET }, () => new Feed(socket.client, MERIT_COMPLETED));
    await until(() => listens(`meritCompleted:${user.id}`) >= MAX_SUBSCRIPTIONS_PER_SOCKET, 10_000, 'the subscriptions');
    const refused = await new Feed(socket.client, MERIT_COMPLETED).refusal();
    expect(refused).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', scope: 'SUBSCRIPTIONS_PER_SOCKET' }) }),
    ]);
    // Completing one makes room.
    feeds[0]!.stop();
    const before = listens(`meritCompleted:${user.id}`);
    const replacement = new Feed(socket.client, MERIT_COMPLETED);
    await until(() => listens(`meritCompleted:${user.id}`) > before, 5_000, 'the replacement');
    expect(replacement.error).toBeUndefined();
  });

  it(`refuses the subscribe past ${MAX_SUBSCRIBES_PER_MINUTE} a minute on one socket`, async () => {
    const user = await app.createUser();
    const socket = open(user.token);
    const listens = topicSubscriptions(app);
    for (let i = 1; i <= MAX_SUBSCRIBES_PER_MINUTE; i += 1) {
      const before = listens(`meritCompleted:${user.id}`);
      const feed = new Feed(socket.client, MERIT_COMPLETED);
      await until(() => listens(`meritCompleted:${user.id}`) > before, 5_000, `subscription ${i}`);
      feed.stop();
    }
    const refused = await new Feed(socket.client, MERIT_COMPLETED).refusal();
    expect(refused).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', scope: 'SUBSCRIBES_PER_MINUTE' }) }),
    ]);
  });
});
