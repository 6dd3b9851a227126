import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';

const EVENTS = /* GraphQL */ `
  query Events($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges {
        cursor
        node { id action entityType entityId actor { id fullName } ipAddress oldValues newValues createdAt }
      }
    }
  }
`;

interface EventNode {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; fullName: string } | null;
  ipAddress: string | null;
  oldValues: unknown;
  newValues: unknown;
  createdAt: string;
}
interface Events {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: EventNode }>;
  };
}

describe('auditEvents', () => {
  let app: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  const base = Date.parse('2025-02-01T08:00:00Z');
  const at = (minutes: number) => new Date(base + minutes * 60_000);
  const ids: Record<string, string> = {};

  async function insert(
    name: string,
    row: { action: string; entityType: string; actor: TestUser | null; subject?: TestUser; minutes: number; entityId?: bigint },
  ): Promise<void> {
    const created = await app.prisma.auditLog.create({
      data: {
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId ?? null,
        userId: row.actor?.id ?? null,
        subjectUserId: row.subject?.id ?? null,
        oldValues: { before: name },
        newValues: { after: name, nested: { list: [1, 'two'] } },
        ipAddress: '203.0.113.7',
        userAgent: 'jest',
        createdAt: at(row.minutes),
      },
    });
    ids[name] = created.id.toString();
  }

  beforeAll(async () => {
    app = await startTestApp();
    alice = await app.createUser({ fullName: 'Alice' });
    bob = await app.createUser({ fullName: 'Bob' });
    carol = await app.createUser({ fullName: 'Carol' });
    await insert('aliceLogin', { action: 'LOGGED_IN', entityType: 'USER', actor: alice, minutes: 0, entityId: alice.id });
    await insert('bobGrantsAlice', { action: 'PERMISSION_GRANTED', entityType: 'PERMISSION', actor: bob, subject: alice, minutes: 1, entityId: 77n });
    await insert('bobBlocksAlice', { action: 'USER_BLOCKED', entityType: 'RELATION', actor: bob, subject: alice, minutes: 2, entityId: 78n });
    await insert('failedLogin', { action: 'LOGIN_FAILED', entityType: 'USER', actor: null, subject: alice, minutes: 3 });
    await insert('aliceBlocksCarol', { action: 'USER_BLOCKED', entityType: 'RELATION', actor: alice, subject: carol, minutes: 4 });
    await insert('futureAction', { action: 'SOMETHING_NEW', entityType: 'USER', actor: alice, minutes: 5 });
    await insert('futureTable', { action: 'CREATED', entityType: 'badges', actor: alice, minutes: 6 });
    await insert('carolOwn', { action: 'LOGGED_IN', entityType: 'USER', actor: carol, minutes: 7 });
    await insert('aliceReminder', { action: 'CREATED', entityType: 'REMINDER_SETTING', actor: alice, minutes: 8, entityId: 5n });
  });
  afterAll(() => app.stop());

  const events = (user: TestUser, variables: Record<string, unknown> = {}) => app.gql<Events>(EVENTS, variables, { token: user.token });
  const names = (response: { data?: Events | null }) =>
    response.data!.auditEvents.edges.map((edge) => Object.keys(ids).find((name) => ids[name] === edge.node.id));

  it('needs a token', async () => {
    expect(errorCode(await app.gql(EVENTS))).toBe('UNAUTHENTICATED');
  });

  it("lists what the viewer did and what was done to the viewer's data, newest first", async () => {
    const response = await events(alice);
    expect(response.errors).toBeUndefined();
    // Not shown: Bob's block of Alice (the blocked user never learns of it), unknown actions
    // and tables, Carol's own login.
    expect(names(response)).toEqual(['aliceReminder', 'aliceBlocksCarol', 'failedLogin', 'bobGrantsAlice', 'aliceLogin']);
    expect(response.data!.auditEvents.totalCount).toBe(5);
  });

  it('shows the actor, the ip only to the actor, and the stored values as JSON', async () => {
    const byId = new Map((await events(alice)).data!.auditEvents.edges.map((edge) => [edge.node.id, edge.node]));
    expect(byId.get(ids.aliceLogin!)).toEqual({
      id: ids.aliceLogin,
      action: 'LOGGED_IN',
      entityType: 'USER',
      entityId: alice.gid,
      actor: { id: alice.gid, fullName: 'Alice' },
      ipAddress: '203.0.113.7',
      oldValues: { before: 'aliceLogin' },
      newValues: { after: 'aliceLogin', nested: { list: [1, 'two'] } },
      createdAt: '2025-02-01T08:00:00.000Z',
    });
    expect(byId.get(ids.bobGrantsAlice!)).toMatchObject({ actor: { id: bob.gid, fullName: 'Bob' }, ipAddress: null, entityId: '77' });
    expect(byId.get(ids.failedLogin!)).toMatchObject({ actor: null, ipAddress: null, entityId: null });
  });

  it('shows the blocker their own block', async () => {
    const response = await events(bob);
    expect(names(response)).toEqual(['bobBlocksAlice', 'bobGrantsAlice']);
    expect(response.data!.auditEvents.edges[0]!.node.ipAddress).toBe('203.0.113.7');
  });

  it('filters by actions, entity type and time', async () => {
    expect(names(await events(alice, { filter: { actions: ['LOGGED_IN', 'LOGIN_FAILED'] } }))).toEqual(['failedLogin', 'aliceLogin']);
    expect(names(await events(alice, { filter: { actions: [] } }))).toEqual([]);
    expect(names(await events(alice, { filter: { entityType: 'RELATION' } }))).toEqual(['aliceBlocksCarol']);
    expect(names(await events(alice, { filter: { entityType: 'REMINDER_SETTING', actions: ['CREATED'] } }))).toEqual(['aliceReminder']);
    const window = await events(alice, { filter: { from: '2025-02-01T09:01:00+01:00', to: '2025-02-01T08:08:00Z' } });
    expect(names(window)).toEqual(['aliceBlocksCarol', 'failedLogin', 'bobGrantsAlice']);
    expect(window.data!.auditEvents.totalCount).toBe(3);
  });

  it('refuses filter values outside the contract', async () => {
    expect(errorCode(await events(alice, { filter: { actions: ['SOMETHING_NEW'] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await events(alice, { filter: { entityType: 'badges' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await events(alice, { filter: { from: '2025-02-01T08:00:00' } }))).toBe('BAD_USER_INPUT');
  });

  it('pages forward with an exact total', async () => {
    const page1 = await events(alice, { first: 2 });
    expect(names(page1)).toEqual(['aliceReminder', 'aliceBlocksCarol']);
    expect(page1.data!.auditEvents.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await events(alice, { first: 2, after: page1.data!.auditEvents.pageInfo.endCursor });
    expect(names(page2)).toEqual(['failedLogin', 'bobGrantsAlice']);
    const page3 = await events(alice, { first: 2, after: page2.data!.auditEvents.pageInfo.endCursor });
    expect(names(page3)).toEqual(['aliceLogin']);
    expect(page3.data!.auditEvents.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(page3.data!.auditEvents.totalCount).toBe(5);

    const tooMany = await events(alice, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['first'], message: 'first must be between 1 and 100', constraint: 'range' }],
    });
    expect(errorCode(await events(alice, { after: 'garbage!' }))).toBe('BAD_USER_INPUT');
  });

  it('reads back what the app itself audits, with the request ip', async () => {
    const user = await app.createUser({ fullName: 'Dana' });
    const set = await app.gql('mutation { setReminder(input: { time: "05:00", timezone: "UTC" }) { reminderSetting { id } } }', undefined, {
      token: user.token,
    });
    const response = await events(user);
    expect(response.data!.auditEvents.edges.map((edge) => edge.node)).toEqual([
      {
        id: expect.any(String),
        action: 'CREATED',
        entityType: 'REMINDER_SETTING',
        entityId: set.data!.setReminder.reminderSetting.id,
        actor: { id: user.gid, fullName: 'Dana' },
        ipAddress: '127.0.0.1',
        oldValues: null,
        newValues: { time: '05:00', timezone: 'UTC', isActive: true },
        createdAt: expect.any(String),
      },
    ]);
  });
});
