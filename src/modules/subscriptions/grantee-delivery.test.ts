import { grant, utcDate } from '../../../test/fixtures/entries';
import { createCountTree, type CountTree } from '../../../test/fixtures/progress';
import { StatementCounter } from '../../../test/helpers/sql-statements';
import { connect, subscribeTo, topicSubscriptions, type Feed, type WsClient } from '../../../test/helpers/subscription-client';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { entryTopic } from './service';

/**
 * A grantee's `entryRecorded` events (issue 11 item 3): each is checked against the database
 * as it is delivered, inside the statement that reads the event's row. So whatever ends the
 * access (a move out of the granted subtree, the relation removed, a block) stops delivery at
 * once, a new grant resumes it, and the check costs no statement of its own.
 */

const WATCH = /* GraphQL */ `
  subscription Watch($ownerId: ID) {
    entryRecorded(ownerId: $ownerId) { action after { count } entry { deedItem { id } } }
  }`;
const WATCH_IDS = `subscription Watch($ownerId: ID) { entryRecorded(ownerId: $ownerId) { id action } }`;
const RECORD = `mutation($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }`;

let app: TestApp;
let listens: (topic: string) => number;
const clients: WsClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  listens = topicSubscriptions(app);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.stop();
});

async function gqlOk(user: TestUser, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await app.gql(query, variables, { token: user.token });
  expect(res.errors).toBeUndefined();
  return res.data;
}

const record = (user: TestUser, itemId: bigint, count: string) =>
  gqlOk(user, RECORD, { input: { deedItemId: String(itemId), entryDate: utcDate(), count } });

function watch(user: TestUser, owner: TestUser, query = WATCH): Promise<Feed> {
  const ws = connect(app, { authorization: `Bearer ${user.token}` });
  clients.push(ws);
  return subscribeTo(listens, entryTopic(owner.id), ws.client, query, { ownerId: owner.gid });
}

/** The next event's item and count. */
async function nextEvent(feed: Feed): Promise<{ item: string; count: string }> {
  const result = await feed.next();
  expect(result.errors).toBeUndefined();
  const event = result.data!.entryRecorded;
  return { item: event.entry.deedItem.id, count: event.after.count };
}

const liveRelation = (grantee: TestUser, owner: TestUser) =>
  app.prisma.relation.findFirstOrThrow({ where: { requesterId: grantee.id, requesteeId: owner.id, deletedAt: null } });

describe('a READ grantee’s entryRecorded', () => {
  let owner: TestUser;
  let reader: TestUser;
  let tree: CountTree;
  let feed: Feed;

  beforeAll(async () => {
    owner = await app.createUser();
    reader = await app.createUser();
    tree = await createCountTree(app, owner);
    await grant(app, owner, reader, tree.root, 'READ');
    feed = await watch(reader, owner);
  });
  afterAll(() => feed.stop());

  it('an item moved out of the granted subtree stops its events at once; moved back, they resume', async () => {
    await record(owner, tree.grandchild, '1');
    expect(await nextEvent(feed)).toEqual({ item: String(tree.grandchild), count: '1.00' });

    const MOVE = `mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) { deedItem { id } } }`;
    await gqlOk(owner, MOVE, { input: { id: String(tree.child), newParentId: null } });
    await record(owner, tree.grandchild, '2');
    await record(owner, tree.root, '3');
    // Events are delivered in order: the first one after the move is the root's.
    expect(await nextEvent(feed)).toEqual({ item: String(tree.root), count: '3.00' });

    await gqlOk(owner, MOVE, { input: { id: String(tree.child), newParentId: String(tree.root) } });
    await record(owner, tree.grandchild, '4');
    expect(await nextEvent(feed)).toEqual({ item: String(tree.grandchild), count: '4.00' });
    expect(feed.unread).toEqual([]);
  });

  it('the owner removing the relation stops delivery at once; a new grant resumes it', async () => {
    const relation = await liveRelation(reader, owner);
    await gqlOk(owner, `mutation ($id: ID!) { removeConnection(input: { relationId: $id }) { removedRelationId } }`, {
      id: String(relation.id),
    });
    await record(owner, tree.root, '5');
    await grant(app, owner, reader, tree.root, 'READ');
    await record(owner, tree.root, '6');
    expect(await nextEvent(feed)).toEqual({ item: String(tree.root), count: '6.00' });
    expect(feed.unread).toEqual([]);
  });

  it('the owner blocking the grantee stops delivery at once; unblocked and granted again, it resumes', async () => {
    await gqlOk(owner, `mutation ($id: ID!) { blockUser(input: { userId: $id }) { relation { id } } }`, { id: reader.gid });
    await record(owner, tree.root, '7');
    const blocked = await liveRelation(reader, owner);
    expect(blocked.status).toBe('BLOCKED');
    await gqlOk(owner, `mutation ($id: ID!) { removeConnection(input: { relationId: $id }) { removedRelationId } }`, {
      id: String(blocked.id),
    });
    await grant(app, owner, reader, tree.root, 'READ');
    await record(owner, tree.root, '8');
    expect(await nextEvent(feed)).toEqual({ item: String(tree.root), count: '8.00' });
    expect(feed.unread).toEqual([]);
  });
});

describe('the cost of a grantee’s event', () => {
  it('delivering an event to a grantee runs as many statements as delivering it to the owner', async () => {
    const counter = await StatementCounter.connect(app.database.url);
    try {
      // Two owners with the same shape, each sharing with someone; one is watched by its
      // owner, the other by its grantee (different topics, so each write reaches one feed).
      const [self, shared, reader, bystander] = [await app.createUser(), await app.createUser(), await app.createUser(), await app.createUser()];
      const selfTree = await createCountTree(app, self);
      const sharedTree = await createCountTree(app, shared);
      await grant(app, self, bystander, selfTree.root, 'READ');
      await grant(app, shared, reader, sharedTree.root, 'READ');
      const ownerFeed = await watch(self, self, WATCH_IDS);
      const granteeFeed = await watch(reader, shared, WATCH_IDS);
      // The first write of each creates the entry; the measured ones update it.
      await record(self, selfTree.child, '1');
      await record(shared, sharedTree.child, '1');
      await ownerFeed.next();
      await granteeFeed.next();

      const toOwner = await counter.count(async () => {
        await record(self, selfTree.child, '2');
        expect((await ownerFeed.next()).data!.entryRecorded.action).toBe('UPDATED');
      });
      const toGrantee = await counter.count(async () => {
        await record(shared, sharedTree.child, '2');
        expect((await granteeFeed.next()).data!.entryRecorded.action).toBe('UPDATED');
      });
      expect(toGrantee).toBe(toOwner);
      ownerFeed.stop();
      granteeFeed.stop();
    } finally {
      await counter.close();
    }
  });
});
