import { createKitaabClient, KitaabRequestError, type KitaabClient } from '../client';
import { freshEmail, mailsTo, PASSWORD } from './helpers/accounts';
import { startTestApp, type TestApp } from './helpers/test-app';

/**
 * The main client journey through the generated SDK only (client/), against the whole
 * server over HTTP: register and verify two users, build a deed tree, set a merit, record
 * entries, connect, grant, read as the grantee, read the dashboards.
 */

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

async function verificationToken(app: TestApp, email: string): Promise<string> {
  const mail = (await mailsTo(app, email)).filter((message) => message.kind === 'VERIFY_EMAIL').at(-1);
  if (!mail?.token) throw new Error(`no VERIFY_EMAIL message for ${email} in ${app.outboxDir}`);
  return mail.token;
}

/** A registered, verified user with a client holding their token. */
async function signUp(app: TestApp, fullName: string, timezone: string) {
  const client = createKitaabClient(app.url);
  const email = freshEmail(fullName.toLowerCase());
  const { register } = await client.register({ input: { email, password: PASSWORD, fullName, timezone } });
  expect(register.user).toMatchObject({ email, fullName, timezone, emailVerified: false });
  client.setToken(register.token);

  const { verifyEmail } = await client.verifyEmail({ input: { token: await verificationToken(app, email) } });
  expect(verifyEmail.verified).toBe(true);
  expect(verifyEmail.user?.emailVerified).toBe(true);
  return { client, email, user: register.user };
}

describe('SDK journey', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('register, verify, deed tree, merit, entries, connect, grant, read as grantee, dashboards', async () => {
    const alice = await signUp(app, 'Alice', 'Asia/Karachi');
    const bob = await signUp(app, 'Bob', 'America/New_York');

    const anonymous = createKitaabClient(app.url);
    expect('onEntryRecorded' in anonymous).toBe(false);
    expect(await anonymous.me()).toEqual({ me: null });
    const { me } = await alice.client.me();
    expect(me).toMatchObject({ id: alice.user.id, fullName: 'Alice', emailVerified: true });
    const today = me!.today;

    // A SCALE deed with a three-level tree, and a COUNT deed.
    const { createDeed: prayer } = await alice.client.createDeed({
      input: {
        name: 'Prayer',
        category: 'HASANAAT',
        measureType: 'SCALE',
        initialScaleValues: [{ label: 'Missed' }, { label: 'Late' }, { label: 'On time' }],
      },
    });
    expect(prayer.deed.activeScale?.values.map((value) => [value.label, value.order])).toEqual([
      ['Missed', 1],
      ['Late', 2],
      ['On time', 3],
    ]);
    const onTime = prayer.deed.activeScale!.values[2]!;
    const late = prayer.deed.activeScale!.values[1]!;

    const { createDeedItem: daily } = await alice.client.createDeedItem({ input: { deedId: prayer.deed.id, name: 'Daily prayers' } });
    const { createDeedItem: fajr } = await alice.client.createDeedItem({
      input: { deedId: prayer.deed.id, parentId: daily.deedItem.id, name: 'Fajr' },
    });
    const { createDeedItem: sunnah } = await alice.client.createDeedItem({
      input: { deedId: prayer.deed.id, parentId: fajr.deedItem.id, name: 'Fajr sunnah' },
    });
    expect([daily.deedItem.level, fajr.deedItem.level, sunnah.deedItem.level]).toEqual([1, 2, 3]);
    expect(sunnah.parent).toMatchObject({ id: fajr.deedItem.id, hasChildren: true });

    const { deedItem: tree } = await alice.client.deedItem({ id: daily.deedItem.id });
    expect(tree?.descendants.map((item) => item.name)).toEqual(['Fajr', 'Fajr sunnah']);
    expect(tree?.myAccess).toBe('OWNER');

    const { createDeed: gossip } = await alice.client.createDeed({
      input: { name: 'Idle talk', category: 'SAIYYIAAT', measureType: 'COUNT' },
    });
    const { createDeedItem: minutes } = await alice.client.createDeedItem({ input: { deedId: gossip.deed.id, name: 'Minutes' } });

    // A merit: Fajr on time once this week.
    const { createMerit } = await alice.client.createMerit({
      input: {
        deedId: prayer.deed.id,
        name: 'Fajr on time',
        durationDays: 7,
        items: [{ deedItemId: fajr.deedItem.id, scaleValueId: onTime.id, required: '1' }],
      },
    });
    expect(createMerit.merit).toMatchObject({ startDate: today, endDate: addDays(today, 6), completedAt: null });
    expect(createMerit.merit.progress).toEqual({ complete: false, completedItemCount: 0, itemCount: 1, percent: 0 });

    // Entries: one at a time and as a batch; the merit completes with the first.
    const { recordEntry } = await alice.client.recordEntry({
      input: { deedItemId: fajr.deedItem.id, entryDate: today, scaleValueId: onTime.id, notes: 'at the mosque' },
    });
    expect(recordEntry.outcome).toBe('CREATED');
    expect(recordEntry.entry).toMatchObject({ entryDate: today, notes: 'at the mosque', scaleValue: { id: onTime.id } });
    expect(recordEntry.affectedMerits).toHaveLength(1);
    expect(recordEntry.affectedMerits[0]).toMatchObject({
      id: createMerit.merit.id,
      progress: { complete: true, completedItemCount: 1, itemCount: 1, percent: 100 },
    });
    expect(recordEntry.affectedMerits[0]!.completedAt).not.toBeNull();

    const { recordEntries } = await alice.client.recordEntries({
      input: {
        entries: [
          { deedItemId: sunnah.deedItem.id, entryDate: addDays(today, -1), scaleValueId: late.id },
          { deedItemId: minutes.deedItem.id, entryDate: today, count: '15' },
          { deedItemId: minutes.deedItem.id, entryDate: addDays(today, -2), count: '7.5' },
        ],
      },
    });
    expect(recordEntries.results.map((result) => result.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(recordEntries.results[1]!.entry.count).toBe('15.00');

    const { entries: own } = await alice.client.entries({ filter: { deedId: prayer.deed.id } });
    expect(own.totalCount).toBe(2);

    // Bob asks to follow Alice; Alice accepts and grants READ on the prayer tree.
    const { sendConnectionRequest } = await bob.client.sendConnectionRequest({ input: { email: alice.email } });
    expect(sendConnectionRequest.relation).toMatchObject({ status: 'PENDING', direction: 'OUTGOING' });
    const { relations: incoming } = await alice.client.relations({ filter: { direction: 'INCOMING', statuses: ['PENDING'] } });
    expect(incoming.edges.map((edge) => edge.node.requester.fullName)).toEqual(['Bob']);
    const relationId = incoming.edges[0]!.node.id;

    const { respondToConnectionRequest } = await alice.client.respondToConnectionRequest({
      input: { relationId, decision: 'ACCEPT' },
    });
    expect(respondToConnectionRequest.relation.status).toBe('ACCEPTED');

    const { grantPermission } = await alice.client.grantPermission({
      input: { relationId, deedItemId: daily.deedItem.id, type: 'READ' },
    });
    expect(grantPermission.permission).toMatchObject({
      type: 'READ',
      isActive: true,
      version: 1,
      grantor: { id: alice.user.id },
      grantee: { id: bob.user.id },
      deedItem: { id: daily.deedItem.id },
    });

    // Bob reads what the grant covers, and nothing else.
    const { permissionsGrantedToMe } = await bob.client.permissionsGrantedToMe();
    expect(permissionsGrantedToMe.edges.map((edge) => edge.node.id)).toEqual([grantPermission.permission.id]);

    const { deedItem: granted } = await bob.client.deedItem({ id: sunnah.deedItem.id });
    expect(granted).toMatchObject({ name: 'Fajr sunnah', level: 3, myAccess: 'READ' });
    expect(granted?.ancestors.map((item) => item.name)).toEqual(['Daily prayers', 'Fajr']);

    const { entries: shared } = await bob.client.entries({ filter: { ownerId: alice.user.id }, orderBy: 'ENTRY_DATE_ASC' });
    expect(shared.totalCount).toBe(2);
    expect(shared.edges.map((edge) => [edge.node.deedItem.name, edge.node.entryDate, edge.node.owner.fullName])).toEqual([
      ['Fajr sunnah', addDays(today, -1), 'Alice'],
      ['Fajr', today, 'Alice'],
    ]);

    const hidden = await bob.client.deedItem({ id: minutes.deedItem.id }).catch((error: unknown) => error);
    expect(hidden).toBeInstanceOf(KitaabRequestError);
    expect((hidden as KitaabRequestError).code).toBe('NOT_FOUND');

    // Bob's view of Alice's dashboard holds only the granted prayer entries; Alice's holds all.
    const { dashboard: bobsView } = await bob.client.dashboard({ ownerId: alice.user.id, days: 7 });
    expect(bobsView.owner.id).toBe(alice.user.id);
    expect(bobsView.dateTo).toBe(today);
    const byCategory = (dashboard: typeof bobsView) =>
      Object.fromEntries(dashboard.categories.map((stats) => [stats.category, [stats.entryCount, stats.countSum]]));
    expect(byCategory(bobsView)).toEqual({ HASANAAT: [2, '0.00'], SAIYYIAAT: [0, '0.00'] });
    expect(bobsView.categories[0]!.series).toHaveLength(7);

    const { dashboard: alicesView } = await alice.client.dashboard({ days: 7 });
    expect(byCategory(alicesView)).toEqual({ HASANAAT: [2, '0.00'], SAIYYIAAT: [2, '22.50'] });
  });

  test('errors arrive as KitaabRequestError with the contract code', async () => {
    const client = createKitaabClient(app.url);
    const failure = await client.login({ input: { email: 'nobody@example.test', password: PASSWORD } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KitaabRequestError);
    expect((failure as KitaabRequestError).code).toBe('UNAUTHENTICATED');
    expect((failure as KitaabRequestError).operationName).toBe('Login');

    const withoutToken = await client.deeds().catch((error: unknown) => error);
    expect((withoutToken as KitaabRequestError).code).toBe('UNAUTHENTICATED');
  });
});

// Keep the type of the client honest: required variables are required, and subscriptions
// (graphql-ws) are not HTTP methods.
// @ts-expect-error createDeed needs its input
export const missingInput = (client: KitaabClient) => client.createDeed();
// @ts-expect-error OnEntryRecorded is a subscription
export const subscriptionMethod = (client: KitaabClient) => client.onEntryRecorded;
