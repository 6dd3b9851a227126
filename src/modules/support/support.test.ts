import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';

const SEND = /* GraphQL */ `
  mutation Send($input: SendSupportMessageInput!) {
    sendSupportMessage(input: $input) { message { id sender subject content readAt createdAt } }
  }
`;
const MARK = /* GraphQL */ `
  mutation Mark($id: ID!) {
    markMessageRead(input: { messageId: $id }) {
      message { id sender readAt }
      me { id unreadSupportMessageCount }
    }
  }
`;
const LIST = /* GraphQL */ `
  query List($filter: SupportMessageFilter, $first: Int, $after: String) {
    supportMessages(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id sender subject content readAt } }
    }
  }
`;

interface Page {
  supportMessages: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; sender: string; subject: string | null; content: string; readAt: string | null } }>;
  };
}

describe('support messages', () => {
  let app: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    alice = await app.createUser();
    bob = await app.createUser();
  });
  afterAll(() => app.stop());

  /** A message from the support team, as the support tooling would insert it. */
  async function fromSupport(user: TestUser, content: string, createdAt?: Date): Promise<string> {
    const row = await app.prisma.message.create({
      data: { userId: user.id, sender: 'SUPPORT', content, ...(createdAt ? { createdAt } : {}) },
    });
    return row.id.toString();
  }

  it('needs a token', async () => {
    expect(errorCode(await app.gql(LIST))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(SEND, { input: { content: 'hi' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(MARK, { id: '1' }))).toBe('UNAUTHENTICATED');
  });

  it('sends a message from the user, subject trimmed and optional', async () => {
    const withSubject = await app.gql(SEND, { input: { subject: '  Export  ', content: ' How do I export? ' } }, { token: alice.token });
    expect(withSubject.errors).toBeUndefined();
    expect(withSubject.data!.sendSupportMessage.message).toMatchObject({
      sender: 'USER',
      subject: 'Export',
      content: 'How do I export?',
      readAt: null,
    });
    const withoutSubject = await app.gql(SEND, { input: { content: 'Thanks' } }, { token: alice.token });
    expect(withoutSubject.data!.sendSupportMessage.message.subject).toBeNull();
    const nullSubject = await app.gql(SEND, { input: { subject: null, content: 'Thanks again' } }, { token: alice.token });
    expect(nullSubject.data!.sendSupportMessage.message.subject).toBeNull();
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const user = await app.createUser();
    const cases: Array<[Record<string, unknown>, unknown[] | undefined]> = [
      [{ content: '' }, ['input', 'content']],
      [{ content: '  ' }, ['input', 'content']],
      [{ content: 'x'.repeat(5001) }, ['input', 'content']],
      [{ subject: '', content: 'x' }, ['input', 'subject']],
      [{ subject: 's'.repeat(256), content: 'x' }, ['input', 'subject']],
      [{ subject: 5, content: 'x' }, undefined],
      [{}, undefined],
    ];
    for (const [input, path] of cases) {
      const response = await app.gql(SEND, { input }, { token: user.token });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      if (path) expect((response.errors?.[0]?.extensions?.fieldErrors as Array<{ path: unknown[] }>)[0]?.path).toEqual(path);
    }
    expect(await app.prisma.message.count({ where: { userId: user.id } })).toBe(0);
    const longest = await app.gql(SEND, { input: { subject: 's'.repeat(255), content: 'x'.repeat(5000) } }, { token: user.token });
    expect(longest.errors).toBeUndefined();
  });

  it('marks a message from support as read once, updating the unread count', async () => {
    const user = await app.createUser();
    const first = await fromSupport(user, 'Welcome');
    await fromSupport(user, 'Tip');
    const me = await app.gql('{ me { unreadSupportMessageCount } }', undefined, { token: user.token });
    expect(me.data).toEqual({ me: { unreadSupportMessageCount: 2 } });

    const marked = await app.gql(MARK, { id: first }, { token: user.token });
    expect(marked.errors).toBeUndefined();
    const readAt = marked.data!.markMessageRead.message.readAt as string;
    expect(Date.parse(readAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(marked.data!.markMessageRead).toEqual({
      message: { id: first, sender: 'SUPPORT', readAt },
      me: { id: user.gid, unreadSupportMessageCount: 1 },
    });

    const again = await app.gql(MARK, { id: first }, { token: user.token });
    expect(again.data!.markMessageRead.message.readAt).toBe(readAt);
    expect(again.data!.markMessageRead.me.unreadSupportMessageCount).toBe(1);
  });

  it('gives a fresh count after each mark in one request', async () => {
    const user = await app.createUser();
    const a = await fromSupport(user, 'a');
    const b = await fromSupport(user, 'b');
    const response = await app.gql(
      `mutation { one: markMessageRead(input: { messageId: "${a}" }) { me { unreadSupportMessageCount } }
                  two: markMessageRead(input: { messageId: "${b}" }) { me { unreadSupportMessageCount } } }`,
      undefined,
      { token: user.token },
    );
    expect(response.data).toEqual({
      one: { me: { unreadSupportMessageCount: 1 } },
      two: { me: { unreadSupportMessageCount: 0 } },
    });
  });

  it("refuses the user's own messages as bad input and others' messages as not found", async () => {
    const own = await app.gql(SEND, { input: { content: 'mine' } }, { token: bob.token });
    const ownId = own.data!.sendSupportMessage.message.id as string;
    const refused = await app.gql(MARK, { id: ownId }, { token: bob.token });
    expect(refused.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'messageId'], message: 'Only messages from support can be marked as read', constraint: 'fromSupport' }],
    });
    expect((await app.prisma.message.findUniqueOrThrow({ where: { id: BigInt(ownId) } })).readAt).toBeNull();

    const aliceSupport = await fromSupport(alice, 'for alice');
    const foreign = await app.gql(MARK, { id: aliceSupport }, { token: bob.token });
    const missing = await app.gql(MARK, { id: '987654321' }, { token: bob.token });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect((await app.prisma.message.findUniqueOrThrow({ where: { id: BigInt(aliceSupport) } })).readAt).toBeNull();
  });

  it('lists the conversation newest first, pages forward, and filters unread support messages', async () => {
    const user = await app.createUser();
    const base = Date.parse('2025-05-01T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await fromSupport(user, `support ${i}`, new Date(base + i * 60_000)));
    const mine = await app.prisma.message.create({
      data: { userId: user.id, sender: 'USER', content: 'question', createdAt: new Date(base + 10 * 60_000) },
    });
    await app.prisma.message.update({ where: { id: BigInt(ids[1]!) }, data: { readAt: new Date() } });
    await app.prisma.message.update({ where: { id: BigInt(ids[2]!) }, data: { deletedAt: new Date() } });
    await fromSupport(bob, 'not for this user');

    const page1 = await app.gql<Page>(LIST, { first: 2 }, { token: user.token });
    expect(page1.errors).toBeUndefined();
    const conn1 = page1.data!.supportMessages;
    expect(conn1.totalCount).toBe(5);
    expect(conn1.edges.map((e) => e.node.id)).toEqual([mine.id.toString(), ids[4]]);
    expect(conn1.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: conn1.edges[0]!.cursor,
      endCursor: conn1.edges[1]!.cursor,
    });

    const page2 = await app.gql<Page>(LIST, { first: 2, after: conn1.pageInfo.endCursor }, { token: user.token });
    const conn2 = page2.data!.supportMessages;
    expect(conn2.edges.map((e) => e.node.id)).toEqual([ids[3], ids[1]]);
    expect(conn2.pageInfo.hasPreviousPage).toBe(true);
    expect(conn2.pageInfo.hasNextPage).toBe(true);
    const page3 = await app.gql<Page>(LIST, { first: 2, after: conn2.pageInfo.endCursor }, { token: user.token });
    expect(page3.data!.supportMessages.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(page3.data!.supportMessages.pageInfo.hasNextPage).toBe(false);

    const unread = await app.gql<Page>(LIST, { filter: { unreadOnly: true } }, { token: user.token });
    expect(unread.data!.supportMessages.totalCount).toBe(3);
    expect(unread.data!.supportMessages.edges.map((e) => e.node.id)).toEqual([ids[4], ids[3], ids[0]]);

    const defaults = await app.gql<Page>(LIST, { filter: {} }, { token: user.token });
    expect(defaults.data!.supportMessages.edges).toHaveLength(5);
  });

  it('pages through messages written in the same microsecond without skipping or repeating', async () => {
    const user = await app.createUser();
    const createdAt = new Date('2025-06-01T12:00:00.123Z');
    for (let i = 0; i < 5; i += 1) await fromSupport(user, `same ${i}`, createdAt);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof app.gql<Page>>> = await app.gql<Page>(LIST, { first: 2, after }, { token: user.token });
      const connection = response.data!.supportMessages;
      seen.push(...connection.edges.map((e) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses page sizes outside 1–100 and cursors it did not issue', async () => {
    for (const first of [0, 101, -1]) {
      const response = await app.gql(LIST, { first }, { token: alice.token });
      expect(response.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['first'], message: 'first must be between 1 and 100', constraint: 'range' }],
      });
    }
    expect((await app.gql(LIST, { first: 100 }, { token: alice.token })).errors).toBeUndefined();
    for (const after of ['nonsense', 'bm9wZQ', Buffer.from(JSON.stringify(['x', '1'])).toString('base64url')]) {
      const response = await app.gql(LIST, { after }, { token: alice.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((response.errors?.[0]?.extensions?.fieldErrors as Array<{ path: unknown[] }>)[0]?.path).toEqual(['after']);
    }
  });
});
