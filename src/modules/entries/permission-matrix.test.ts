import { errorCode, startTestApp, type GraphQLResponse, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createScaleDeed, grant, RECORD_ENTRY, writeCounts, type ScaleDeed } from '../../../test/fixtures/entries';

/**
 * Every entry operation × every kind of actor (CONTRACT.md section 3): the owner and a WRITE
 * grantee may do everything, a READ grantee may read but writes are FORBIDDEN, and anyone
 * without an accepted grant (pending or rejected requester, blocked user, stranger) gets
 * NOT_FOUND exactly as for a missing id; no token is UNAUTHENTICATED.
 */

let app: TestApp;
let owner: TestUser;
let deed: ScaleDeed;
let baseEntryId: string;
const actors: Record<string, TestUser | null> = {};

type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

const OPERATIONS = ['entry', 'entries', 'entryHistory', 'recordEntry', 'recordEntries', 'updateEntry', 'deleteEntry', 'restoreEntry'];

const expected: Record<string, Outcome[]> = {
  owner: ['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK'],
  writeGrantee: ['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK'],
  readGrantee: ['OK', 'OK', 'OK', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  pendingRequester: Array(8).fill('NOT_FOUND'),
  rejectedRequester: Array(8).fill('NOT_FOUND'),
  blockedUser: Array(8).fill('NOT_FOUND'),
  stranger: Array(8).fill('NOT_FOUND'),
  anonymous: Array(8).fill('UNAUTHENTICATED'),
};

async function relationWithGrant(user: TestUser, status: 'PENDING' | 'REJECTED' | 'BLOCKED'): Promise<void> {
  // A grant row left on a relation that is not ACCEPTED must give nothing.
  const relation = await app.prisma.relation.create({ data: { requesterId: user.id, requesteeId: owner.id, status } });
  await app.prisma.permission.create({ data: { relationId: relation.id, deedItemId: deed.rootId, type: 'WRITE', version: 1 } });
}

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
  deed = await createScaleDeed(app, owner);
  actors.owner = owner;
  actors.writeGrantee = await app.createUser();
  actors.readGrantee = await app.createUser();
  actors.pendingRequester = await app.createUser();
  actors.rejectedRequester = await app.createUser();
  actors.blockedUser = await app.createUser();
  actors.stranger = await app.createUser();
  actors.anonymous = null;
  await grant(app, owner, actors.writeGrantee, deed.rootId, 'WRITE');
  await grant(app, owner, actors.readGrantee, deed.rootId, 'READ');
  await relationWithGrant(actors.pendingRequester, 'PENDING');
  await relationWithGrant(actors.rejectedRequester, 'REJECTED');
  await relationWithGrant(actors.blockedUser, 'BLOCKED');
  const res = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.childId), entryDate: '2025-01-01', scaleValueId: String(deed.values[0]) } }, { token: owner.token });
  baseEntryId = res.data!.recordEntry.entry.id;
});

afterAll(() => app.stop());

function outcomeOf(res: GraphQLResponse): Outcome | string {
  if (!res.errors) return 'OK';
  return errorCode(res) ?? 'NO_CODE';
}

describe.each(Object.keys(expected))('%s', (name) => {
  it('gets exactly the contract outcome for every entry operation', async () => {
    const actor = actors[name]!;
    const token = actor?.token;
    const date = `2025-02-${String(Object.keys(expected).indexOf(name) + 1).padStart(2, '0')}`;
    // Writers act on an entry of their own making; refused actors on the owner's entry.
    const own = await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.childId), entryDate: date, scaleValueId: String(deed.values[1]) } }, { token: owner.token });
    const target = expected[name]![5] === 'OK' ? own.data!.recordEntry.entry.id : baseEntryId;
    const counts = await writeCounts(app);

    const outcomes = [
      outcomeOf(await app.gql(`query($id: ID!) { entry(id: $id) { id } }`, { id: baseEntryId }, { token })),
      outcomeOf(await app.gql(`query($o: ID!) { entries(filter: { ownerId: $o }) { totalCount } }`, { o: owner.gid }, { token })),
      outcomeOf(await app.gql(`query($id: ID!) { entryHistory(entryId: $id) { totalCount } }`, { id: baseEntryId }, { token })),
      outcomeOf(await app.gql(RECORD_ENTRY, { input: { deedItemId: String(deed.rootId), entryDate: date, scaleValueId: String(deed.values[2]) } }, { token })),
      outcomeOf(
        await app.gql(
          `mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { results { outcome } } }`,
          { input: { entries: [{ deedItemId: String(deed.rootId), entryDate: date, scaleValueId: String(deed.values[0]) }] } },
          { token },
        ),
      ),
      outcomeOf(await app.gql(`mutation($id: ID!) { updateEntry(input: { id: $id, notes: "n" }) { change { id } } }`, { id: target }, { token })),
      outcomeOf(await app.gql(`mutation($id: ID!) { deleteEntry(input: { id: $id }) { change { id } } }`, { id: target }, { token })),
      outcomeOf(
        await app.gql(
          `mutation($id: ID!) { restoreEntry(input: { id: $id }) { change { id } } }`,
          // A grantee cannot see a deleted entry; restoring a live one is a no-op it may ask for.
          { id: name === 'writeGrantee' ? baseEntryId : target },
          { token },
        ),
      ),
    ];
    const byOperation = (list: string[]) => Object.fromEntries(OPERATIONS.map((op, i) => [op, list[i]]));
    expect(byOperation(outcomes)).toEqual(byOperation(expected[name]!));
    if (expected[name]![3] !== 'OK') expect(await writeCounts(app)).toEqual(counts);
  });
});
