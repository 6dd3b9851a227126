import 'reflect-metadata';
import { mailsTo } from '../../../test/helpers/accounts';
import { connect, subscribeTo, topicSubscriptions, type WsClient } from '../../../test/helpers/subscription-client';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { PermissionAuthority } from '../access/authority';
import { setUserRole, UserRoleError } from './user-role';
import { supportReplyTopic } from './support-events';

const INBOX = /* GraphQL */ `
  query Inbox($filter: SupportInboxFilter, $first: Int, $after: String) {
    supportInbox(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status unreadCount resolvedAt user { id fullName } } }
    }
  }
`;
const THREAD = /* GraphQL */ `
  query Thread($id: ID!) {
    supportThread(id: $id) { id status messages(first: 10) { totalCount edges { node { sender content } } } }
  }
`;
const REPLY = /* GraphQL */ `
  mutation Reply($input: ReplyToSupportMessageInput!) {
    replyToSupportMessage(input: $input) { message { id sender content readAt } thread { id status unreadCount } }
  }
`;
const RESOLVE = `mutation($id: ID!) { resolveSupportThread(input: { threadId: $id }) { thread { id status resolvedAt } } }`;
const REOPEN = `mutation($id: ID!) { reopenSupportThread(input: { threadId: $id }) { thread { id status resolvedAt } } }`;
const SEND = `mutation($content: String!) { sendSupportMessage(input: { content: $content }) { message { id } } }`;

describe('support desk', () => {
  let app: TestApp;
  let staff: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let aliceEmail: string;
  const clients: WsClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    staff = await app.createUser({ fullName: 'Support Sara' });
    alice = await app.createUser({ fullName: 'Alice' });
    bob = await app.createUser({ fullName: 'Bob' });
    aliceEmail = alice.email;
    await setUserRole(app.prisma, staff.email, 'SUPPORT');
    for (const [user, content] of [[alice, 'How do I export?'], [bob, 'Thanks!']] as const) {
      expect((await app.gql(SEND, { content }, { token: user.token })).errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await app.stop();
  });

  const asStaff = (query: string, variables?: Record<string, unknown>) => app.gql(query, variables, { token: staff.token });

  it('makes support accounts from the command line only, audited', async () => {
    const row = await app.prisma.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.role).toBe('SUPPORT');
    const audit = await app.prisma.auditLog.findMany({ where: { action: 'ROLE_CHANGED', entityId: staff.id } });
    expect(audit).toMatchObject([{ userId: null, subjectUserId: staff.id, oldValues: { role: 'USER' }, newValues: { role: 'SUPPORT' } }]);
    await expect(setUserRole(app.prisma, staff.email, 'SUPPORT')).resolves.toMatchObject({ changed: false });
    await expect(setUserRole(app.prisma, 'nobody@example.test', 'SUPPORT')).rejects.toBeInstanceOf(UserRoleError);
    await expect(setUserRole(app.prisma, staff.email, 'ADMIN')).rejects.toBeInstanceOf(UserRoleError);
    const me = await asStaff('{ me { role } }');
    expect(me.data).toEqual({ me: { role: 'SUPPORT' } });
  });

  it('refuses every desk operation to ordinary users', async () => {
    for (const [query, variables] of [
      [INBOX, {}],
      [THREAD, { id: bob.gid }],
      [REPLY, { input: { threadId: bob.gid, content: 'hi' } }],
      [RESOLVE, { id: bob.gid }],
      [REOPEN, { id: bob.gid }],
    ] as const) {
      const response = await app.gql(query, variables, { token: alice.token });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SUPPORT_ONLY' });
    }
    expect(errorCode(await app.gql(INBOX))).toBe('UNAUTHENTICATED');
  });

  it("shows support staff support threads and nothing else of a user's data", async () => {
    const deed = await app.prisma.deed.create({ data: { userId: alice.id, name: 'Salah', category: 'HASANAAT', measureType: 'COUNT' } });
    const item = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Fajr', level: 1 } });
    const authority = new PermissionAuthority(app.prisma, staff.id);
    expect(await authority.isSupportStaff()).toBe(true);
    expect(await authority.canReadSomethingOf(alice.id)).toBe(false);
    expect(await authority.itemAccess(item.id)).toBeNull();
    expect(await authority.deedAccess(deed.id)).toBeNull();
    expect(await authority.canSeeUser(alice.id)).toBe(false);
    expect(await new PermissionAuthority(app.prisma, alice.id).isSupportStaff()).toBe(false);
    for (const query of [
      `{ deed(id: "${deed.id}") { id } }`,
      `{ entries(filter: { ownerId: "${alice.gid}" }) { totalCount } }`,
      `{ dashboard(ownerId: "${alice.gid}") { generatedAt } }`,
      `{ user(id: "${alice.gid}") { id } }`,
      `{ search(query: "salah", ownerId: "${alice.gid}") { totalCount } }`,
    ]) {
      expect(errorCode(await asStaff(query))).toBe('NOT_FOUND');
    }
    const thread = await asStaff(THREAD, { id: alice.gid });
    expect(thread.errors).toBeUndefined();
    expect(thread.data!.supportThread.messages.edges.map((e: any) => e.node.content)).toContain('How do I export?');
  });

  it('lists threads, filters them, and answers missing threads as NOT_FOUND', async () => {
    const all = await asStaff(INBOX, { first: 100 });
    const ids = all.data!.supportInbox.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([alice.gid, bob.gid]));
    expect(ids).not.toContain(staff.gid);
    const unread = await asStaff(INBOX, { filter: { unreadOnly: true }, first: 100 });
    expect(unread.data!.supportInbox.edges.every((e: any) => e.node.unreadCount > 0)).toBe(true);
    expect(errorCode(await asStaff(THREAD, { id: staff.gid }))).toBe('NOT_FOUND');
    expect(errorCode(await asStaff(REPLY, { input: { threadId: '987654321', content: 'hi' } }))).toBe('NOT_FOUND');
    for (const content of ['', '  ', 'x'.repeat(5001)]) {
      expect(errorCode(await asStaff(REPLY, { input: { threadId: bob.gid, content } }))).toBe('BAD_USER_INPUT');
    }
  });

  it('delivers a reply: supportMessages, unread count, email, subscription event, audit', async () => {
    const listens = topicSubscriptions(app);
    const ws = connect(app, { authorization: `Bearer ${alice.token}` });
    clients.push(ws);
    const feed = await subscribeTo(listens, supportReplyTopic(alice.id), ws.client, 'subscription { supportMessageReceived { id sender content } }');
    const before = await app.gql('{ me { unreadSupportMessageCount } }', undefined, { token: alice.token });

    const reply = await asStaff(REPLY, { input: { threadId: alice.gid, content: ' Use exportMyData. ' } });
    expect(reply.errors).toBeUndefined();
    const message = reply.data!.replyToSupportMessage.message;
    expect(message).toMatchObject({ sender: 'SUPPORT', content: 'Use exportMyData.', readAt: null });
    expect(reply.data!.replyToSupportMessage.thread).toEqual({ id: alice.gid, status: 'OPEN', unreadCount: 0 });

    expect(await feed.next()).toEqual({ data: { supportMessageReceived: { id: message.id, sender: 'SUPPORT', content: 'Use exportMyData.' } } });
    const after = await app.gql('{ me { unreadSupportMessageCount } supportMessages(first: 1) { edges { node { id sender } } } }', undefined, { token: alice.token });
    expect(after.data!.me.unreadSupportMessageCount).toBe(before.data!.me.unreadSupportMessageCount + 1);
    expect(after.data!.supportMessages.edges[0].node).toEqual({ id: message.id, sender: 'SUPPORT' });
    const mails = await mailsTo(app, aliceEmail);
    expect(mails.at(-1)).toMatchObject({ kind: 'SUPPORT_REPLY', to: aliceEmail });
    expect(mails.at(-1)!.text).toContain('Use exportMyData.');

    const audit = await app.prisma.auditLog.findMany({ where: { action: 'SUPPORT_REPLIED', entityId: alice.id } });
    expect(audit).toMatchObject([{ userId: staff.id, subjectUserId: null, entityType: 'SUPPORT_THREAD', newValues: { messageId: message.id } }]);
    // Bob's subscription-free account is untouched, and Alice's own audit list shows no staff activity.
    const events = await app.gql('{ auditEvents(first: 100) { edges { node { action actor { id } } } } }', undefined, { token: alice.token });
    expect(events.errors).toBeUndefined();
    const shown = events.data!.auditEvents.edges.map((e: any) => e.node);
    expect(shown.filter((n: any) => n.action.startsWith('SUPPORT_') || n.actor?.id === staff.gid)).toEqual([]);
  });

  it('resolves and reopens threads (idempotent, audited), and a new user message reopens', async () => {
    const resolved = await asStaff(RESOLVE, { id: bob.gid });
    expect(resolved.data!.resolveSupportThread.thread).toMatchObject({ id: bob.gid, status: 'RESOLVED' });
    const again = await asStaff(RESOLVE, { id: bob.gid });
    expect(again.data!.resolveSupportThread.thread.resolvedAt).toBe(resolved.data!.resolveSupportThread.thread.resolvedAt);
    const open = await asStaff(INBOX, { filter: { status: 'OPEN' }, first: 100 });
    const closed = await asStaff(INBOX, { filter: { status: 'RESOLVED' }, first: 100 });
    expect(open.data!.supportInbox.edges.map((e: any) => e.node.id)).not.toContain(bob.gid);
    expect(closed.data!.supportInbox.edges.map((e: any) => e.node.id)).toContain(bob.gid);
    const reopened = await asStaff(REOPEN, { id: bob.gid });
    expect(reopened.data!.reopenSupportThread.thread).toEqual({ id: bob.gid, status: 'OPEN', resolvedAt: null });
    await asStaff(RESOLVE, { id: bob.gid });
    await app.gql(SEND, { content: 'One more question' }, { token: bob.token });
    expect((await asStaff(THREAD, { id: bob.gid })).data!.supportThread.status).toBe('OPEN');
    const actions = (await app.prisma.auditLog.findMany({ where: { entityType: 'SUPPORT_THREAD', entityId: bob.id }, orderBy: { id: 'asc' } })).map((row) => row.action);
    expect(actions).toEqual(['SUPPORT_THREAD_RESOLVED', 'SUPPORT_THREAD_REOPENED', 'SUPPORT_THREAD_RESOLVED', 'SUPPORT_THREAD_VIEWED']);
    const rows = await app.prisma.auditLog.findMany({ where: { entityType: 'SUPPORT_THREAD' } });
    for (const row of rows) expect(JSON.stringify([row.oldValues, row.newValues])).not.toMatch(/export|question|Thanks/i);
  });
});
