import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, grant, utcDate, type CountDeed } from '../../../test/fixtures/entries';
import { meritTopic } from './service';
import { connect, Feed, subscribeTo, topicSubscriptions, type WsClient } from '../../../test/helpers/subscription-client';

/**
 * meritCompleted over graphql-ws (CONTRACT.md section 10): subscribers on instance A, writes
 * through instance B, events through Redis. The event goes to the merit's owner alone, also
 * when a WRITE grantee's entry completes it.
 */

let a: TestApp;
let b: TestApp;
let owner: TestUser;
let writer: TestUser;
let deed: CountDeed;
let listens: (topic: string) => number;
const clients: WsClient[] = [];

const MERIT_COMPLETED = /* GraphQL */ `
  subscription {
    meritCompleted {
      id name completedAt status
      deed { id }
      progress { complete completedItemCount itemCount percent }
    }
  }`;

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { database: a.database });
  owner = await a.createUser();
  writer = await a.createUser();
  deed = await createCountDeed(a, owner);
  await grant(a, owner, writer, deed.itemId, 'WRITE');
  listens = topicSubscriptions(a);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b.stop();
  await a.stop();
});

function client(user?: TestUser): WsClient {
  const connected = connect(a, user ? { authorization: `Bearer ${user.token}` } : undefined);
  clients.push(connected);
  return connected;
}

async function onB(user: TestUser, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await b.gql(query, variables, { token: user.token });
  expect(res.errors).toBeUndefined();
  return res.data;
}

const RECORD = `mutation($input: RecordEntryInput!) { recordEntry(input: $input) { outcome entry { id } } }`;

describe('meritCompleted across two instances sharing Redis', () => {
  it("goes to the owner when a grantee's write completes the merit, and to nobody else", async () => {
    const createMerit = async (name: string, required: string): Promise<string> => {
      const created = await onB(
        owner,
        `mutation($input: CreateMeritInput!) { createMerit(input: $input) { merit { id completedAt } } }`,
        { input: { deedId: String(deed.deedId), name, items: [{ deedItemId: String(deed.itemId), required }] } },
      );
      expect(created.createMerit.merit.completedAt).toBeNull();
      return created.createMerit.merit.id;
    };
    const meritId = await createMerit('Ten pages', '10');
    const biggerId = await createMerit('Twenty pages', '20');

    const ownerFeed = await subscribeTo(listens, meritTopic(owner.id), client(owner).client, MERIT_COMPLETED);
    const writerFeed = await subscribeTo(listens, meritTopic(writer.id), client(writer).client, MERIT_COMPLETED);

    // Not enough yet: nothing is sent.
    const partial = await onB(writer, RECORD, { input: { deedItemId: String(deed.itemId), entryDate: utcDate(), count: '4' } });
    expect(partial.recordEntry.outcome).toBe('CREATED');
    await onB(writer, RECORD, { input: { deedItemId: String(deed.itemId), entryDate: utcDate(), count: '10' } });

    const event = await ownerFeed.next();
    const row = await a.prisma.merit.findUniqueOrThrow({ where: { id: BigInt(meritId) } });
    expect(row.completedAt).not.toBeNull();
    expect(event).toEqual({
      data: {
        meritCompleted: {
          id: meritId,
          name: 'Ten pages',
          completedAt: row.completedAt!.toISOString(),
          status: 'COMPLETED',
          deed: { id: String(deed.deedId) },
          progress: { complete: true, completedItemCount: 1, itemCount: 1, percent: 100 },
        },
      },
    });

    // Completion is sent once: the next event is the second merit's, not the first one again.
    await onB(owner, RECORD, { input: { deedItemId: String(deed.itemId), entryDate: utcDate(), count: '12' } });
    await onB(owner, RECORD, { input: { deedItemId: String(deed.itemId), entryDate: utcDate(), count: '20' } });
    expect((await ownerFeed.next()).data!.meritCompleted).toMatchObject({ id: biggerId, name: 'Twenty pages', status: 'COMPLETED' });
    expect(ownerFeed.unread).toEqual([]);
    expect(writerFeed.results).toEqual([]);
  });

  it('subscribing without a token fails UNAUTHENTICATED', async () => {
    const result = await new Feed(client().client, MERIT_COMPLETED).next();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });
});
