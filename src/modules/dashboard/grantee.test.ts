import { PASSWORD, registerUser } from '../../../test/helpers/accounts';
import { StatementCounter } from '../../../test/helpers/sql-statements';
import { errorCode, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import {
  cachedDashboard,
  category,
  DASHBOARD,
  dashboardAfter,
  mutate,
  readDashboard,
  seedDashboardDataset,
  startDashboardTestApp,
  type DashboardDataset,
} from '../../../test/fixtures/dashboard';

/**
 * Grantees' dashboards (CONTRACT.md sections 3 and 7) over HTTP: only the items they can
 * READ, cached per grantee scope, and recomputed on the next read after grant changes,
 * moves that change a grant's cover, and writes by a WRITE grantee; relation endings and
 * account deletion take the dashboard away (NOT_FOUND).
 */

let app: TestApp;
let owner: TestUser;
let reader: TestUser;
let writer: TestUser;
let data: DashboardDataset;
let readerRelationId: bigint;
let counter: StatementCounter;

const GRANT = 'mutation ($input: GrantPermissionInput!) { grantPermission(input: $input) { permission { id } } }';
const REVOKE = 'mutation ($input: RevokePermissionInput!) { revokePermission(input: $input) { __typename } }';
const MOVE_ITEM = 'mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) { __typename } }';
const RECORD = 'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }';
const REMOVE_CONNECTION = 'mutation ($input: RemoveConnectionInput!) { removeConnection(input: $input) { __typename } }';
const BLOCK = 'mutation ($input: BlockUserInput!) { blockUser(input: $input) { __typename } }';
const DELETE_ACCOUNT = 'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { __typename } }';

/** An ACCEPTED relation grantee → owner (the contract's grant direction). */
async function acceptedRelation(grantee: { id: bigint }, grantor: { id: bigint }): Promise<bigint> {
  const relation = await app.prisma.relation.create({
    data: { requesterId: grantee.id, requesteeId: grantor.id, status: 'ACCEPTED', respondedAt: new Date() },
  });
  return relation.id;
}

async function grant(relationId: bigint, deedItemId: bigint, type: 'READ' | 'WRITE'): Promise<string> {
  const result = await mutate(app, owner, GRANT, { relationId: String(relationId), deedItemId: String(deedItemId), type });
  return result.grantPermission.permission.id;
}

const asOwner = (days = 7) => ({ days, ownerId: owner.gid });

beforeAll(async () => {
  app = await startDashboardTestApp();
  owner = await app.createUser({ fullName: 'Owner' });
  reader = await app.createUser();
  writer = await app.createUser();
  data = await seedDashboardDataset(app, owner);
  readerRelationId = await acceptedRelation(reader, owner);
  await grant(readerRelationId, data.rootId, 'READ');
  await grant(await acceptedRelation(writer, owner), data.backbitingItemId, 'WRITE');
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app?.stop();
});

// The tests run in order and each starts from the state the previous one left.
describe("a grantee's dashboard", () => {
  it('covers only the granted subtree (Quran and its child), nothing else of the owner', async () => {
    const dashboard = await readDashboard(app, reader, asOwner());
    expect(dashboard.owner).toEqual({ id: owner.gid, fullName: 'Owner', timezone: 'UTC' });
    expect(category(dashboard, 'HASANAAT')).toMatchObject({
      entryCount: 4, // R d-6 2.50, d-3 1.25, d0 0.10; C d-3 3.00
      scaleEntryCount: 0,
      countEntryCount: 4,
      countSum: '6.85',
      activeDays: 3,
      averageEntriesPerDay: '0.57',
      averageCountPerDay: '0.98',
      averageScaleScore: null,
    });
    expect(category(dashboard, 'SAIYYIAAT')).toMatchObject({ entryCount: 0, countSum: '0.00' });

    const writersView = await readDashboard(app, writer, asOwner());
    expect(category(writersView, 'HASANAAT').entryCount).toBe(0);
    expect(category(writersView, 'SAIYYIAAT')).toMatchObject({ entryCount: 2, countSum: '1.05' });

    // The owner's own view is cached separately and stays whole.
    expect(category(await readDashboard(app, owner, { days: 7 }), 'HASANAAT').entryCount).toBe(9);
  });

  it('serves the identical grantee read from the cache with no aggregate SQL', async () => {
    await readDashboard(app, reader, asOwner());
    const hit = await counter.capture(() => readDashboard(app, reader, asOwner()));
    expect(hit.statements.filter((s) => /\bentries\b/i.test(s))).toEqual([]);
  });

  it('grows on the next read after a new grant, and shrinks back after its revocation', async () => {
    let permissionId = '';
    const granted = await dashboardAfter(app, reader, asOwner(), async () => {
      permissionId = await grant(readerRelationId, data.scaleItemId, 'READ');
    });
    // S: d-6 scores 1, d-5 scores 0.5 (3-value scale).
    expect(category(granted, 'HASANAAT')).toMatchObject({ entryCount: 6, scaleEntryCount: 2, averageScaleScore: 0.75 });
    const revoked = await dashboardAfter(app, reader, asOwner(), () => mutate(app, owner, REVOKE, { permissionId }));
    expect(category(revoked, 'HASANAAT')).toMatchObject({ entryCount: 4, scaleEntryCount: 0, averageScaleScore: null });
  });

  it("follows moves in and out of the grant's cover", async () => {
    const movedOut = await dashboardAfter(app, reader, asOwner(), () =>
      mutate(app, owner, MOVE_ITEM, { id: String(data.childId), newParentId: null }),
    );
    expect(category(movedOut, 'HASANAAT')).toMatchObject({ entryCount: 3, countSum: '3.85' });
    const movedIn = await dashboardAfter(app, reader, asOwner(), () =>
      mutate(app, owner, MOVE_ITEM, { id: String(data.childId), newParentId: String(data.rootId) }),
    );
    expect(category(movedIn, 'HASANAAT')).toMatchObject({ entryCount: 4, countSum: '6.85' });
  });

  it("a WRITE grantee's entry shows on the owner's and the grantee's next reads", async () => {
    await cachedDashboard(app, owner, { days: 7 });
    const record = () =>
      mutate(app, writer, RECORD, { deedItemId: String(data.backbitingItemId), entryDate: data.today, count: '2.00' });
    const writersView = await dashboardAfter(app, writer, asOwner(), record);
    expect(category(writersView, 'SAIYYIAAT')).toMatchObject({ entryCount: 3, countSum: '3.05' });
    const ownersView = await readDashboard(app, owner, { days: 7 });
    expect(category(ownersView, 'SAIYYIAAT')).toMatchObject({ entryCount: 3, countSum: '3.05' });
  });

  it('is NOT_FOUND once the relation is removed', async () => {
    await cachedDashboard(app, reader, asOwner());
    await mutate(app, reader, REMOVE_CONNECTION, { relationId: String(readerRelationId) });
    const res = await app.gql(DASHBOARD, asOwner(), { token: reader.token });
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('is NOT_FOUND once the owner blocks the grantee', async () => {
    await cachedDashboard(app, writer, asOwner());
    await mutate(app, owner, BLOCK, { userId: writer.gid });
    const res = await app.gql(DASHBOARD, asOwner(), { token: writer.token });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });

  it('is NOT_FOUND once the owner deletes their account', async () => {
    const leaving = await registerUser(app, { fullName: 'Leaving' });
    const viewer = await app.createUser();
    const deed = await app.prisma.deed.create({ data: { userId: leaving.id, name: 'Reading', category: 'HASANAAT', measureType: 'COUNT' } });
    const item = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Pages' } });
    const relationId = await acceptedRelation(viewer, leaving);
    await app.prisma.permission.create({ data: { relationId, deedItemId: item.id, type: 'READ', version: 1 } });

    await cachedDashboard(app, viewer, { days: 7, ownerId: leaving.gid });
    await mutate(app, leaving as TestUser, DELETE_ACCOUNT, { password: PASSWORD });
    const res = await app.gql(DASHBOARD, { days: 7, ownerId: leaving.gid }, { token: viewer.token });
    expect(errorCode(res)).toBe('NOT_FOUND');
  });
});
