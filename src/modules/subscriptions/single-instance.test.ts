import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountDeed, utcDate, type CountDeed } from '../../../test/fixtures/entries';
import { entryTopic } from './service';
import { connect, subscribeTo, topicSubscriptions, type WsClient } from '../../../test/helpers/subscription-client';

/** Without REDIS_URL, events go from writers to subscribers inside the one process. */

let app: TestApp;
let owner: TestUser;
let deed: CountDeed;
let client: WsClient;

beforeAll(async () => {
  app = await startTestApp({ REDIS_URL: '' });
  owner = await app.createUser();
  deed = await createCountDeed(app, owner);
});

afterAll(async () => {
  await client?.dispose();
  await app.stop();
});

it('entryRecorded works on a single instance with the in-process bus', async () => {
  expect(app.server.events.kind).toBe('memory');
  client = connect(app, { authorization: `Bearer ${owner.token}` });
  const feed = await subscribeTo(
    topicSubscriptions(app),
    entryTopic(owner.id),
    client.client,
    `subscription { entryRecorded { action after { count } entry { deedItem { id } } } }`,
  );
  const res = await app.gql(
    `mutation($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }`,
    { input: { deedItemId: String(deed.itemId), entryDate: utcDate(), count: '2.5' } },
    { token: owner.token },
  );
  expect(res.data!.recordEntry.outcome).toBe('CREATED');
  expect(await feed.next()).toEqual({
    data: { entryRecorded: { action: 'CREATED', after: { count: '2.50' }, entry: { deedItem: { id: String(deed.itemId) } } } },
  });
});
