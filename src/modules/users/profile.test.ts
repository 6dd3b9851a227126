import 'reflect-metadata';
import { auditRows, registerUser } from '../../../test/helpers/accounts';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';

const UPDATE = `mutation ($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user { id fullName timezone today preferences { locale theme weekStartsOn defaultDashboardDays } profile { id fullName timezone } }
  }
}`;
const USER = 'query ($id: ID!) { user(id: $id) { id fullName timezone } }';

describe('profile over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('updateProfile changes the given fields, merges preferences and audits old and new values', async () => {
    const user = await registerUser(app, { fullName: 'Before Name' });
    const res = await app.gql(
      UPDATE,
      { input: { fullName: '  After Name  ', timezone: 'Pacific/Kiritimati', preferences: { theme: 'DARK', defaultDashboardDays: 7 } } },
      { token: user.token },
    );
    expect(res.errors).toBeUndefined();
    const updated = res.data!.updateProfile.user;
    expect(updated).toEqual({
      id: user.gid,
      fullName: 'After Name',
      timezone: 'Pacific/Kiritimati',
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      preferences: { locale: 'en', theme: 'DARK', weekStartsOn: 'MONDAY', defaultDashboardDays: 7 },
      profile: { id: user.gid, fullName: 'After Name', timezone: 'Pacific/Kiritimati' },
    });
    const kiritimatiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(updated.today).toBe(kiritimatiToday);

    // Omitted fields stay; preferences merge field by field.
    const second = await app.gql(UPDATE, { input: { preferences: { locale: 'ur-PK', weekStartsOn: 'SUNDAY' } } }, { token: user.token });
    expect(second.data!.updateProfile.user).toMatchObject({
      fullName: 'After Name',
      timezone: 'Pacific/Kiritimati',
      preferences: { locale: 'ur-PK', theme: 'DARK', weekStartsOn: 'SUNDAY', defaultDashboardDays: 7 },
    });

    const audits = await auditRows(app, { action: 'UPDATED', entityId: user.id });
    expect(audits.map((audit) => [audit.entityType, audit.oldValues, audit.newValues])).toEqual([
      [
        'USER',
        { fullName: 'Before Name', timezone: 'UTC', theme: 'SYSTEM', defaultDashboardDays: 30 },
        { fullName: 'After Name', timezone: 'Pacific/Kiritimati', theme: 'DARK', defaultDashboardDays: 7 },
      ],
      ['USER', { locale: 'en', weekStartsOn: 'MONDAY' }, { locale: 'ur-PK', weekStartsOn: 'SUNDAY' }],
    ]);

    // Nothing changes: no write, no audit row.
    const same = await app.gql(UPDATE, { input: { fullName: 'After Name' } }, { token: user.token });
    expect(same.data!.updateProfile.user.fullName).toBe('After Name');
    expect(await auditRows(app, { action: 'UPDATED', entityId: user.id })).toHaveLength(2);
  });

  it('updateProfile refuses bad values with field paths and changes nothing', async () => {
    const user = await registerUser(app, { fullName: 'Steady Name', timezone: 'Europe/London' });
    const before = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const cases: Array<[Record<string, unknown>, Array<string | number>]> = [
      [{ timezone: 'Mars/Olympus_Mons' }, ['input', 'timezone']],
      [{ timezone: null }, ['input', 'timezone']],
      [{ fullName: 'n'.repeat(256) }, ['input', 'fullName']],
      [{ fullName: '    ' }, ['input', 'fullName']],
      [{ fullName: null }, ['input', 'fullName']],
      [{ fullName: 'Fine Name', preferences: { defaultDashboardDays: 0 } }, ['input', 'preferences', 'defaultDashboardDays']],
      [{ preferences: { defaultDashboardDays: 366 } }, ['input', 'preferences', 'defaultDashboardDays']],
      [{ preferences: { locale: 'not a locale!' } }, ['input', 'preferences', 'locale']],
      [{ preferences: { theme: null } }, ['input', 'preferences', 'theme']],
      [{ preferences: null }, ['input', 'preferences']],
    ];
    for (const [input, path] of cases) {
      const res = await app.gql(UPDATE, { input }, { token: user.token });
      expect([JSON.stringify(input), errorCode(res)]).toEqual([JSON.stringify(input), 'BAD_USER_INPUT']);
      const paths = (res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown[] }> | undefined)?.map((e) => e.path);
      expect([JSON.stringify(input), paths]).toEqual([JSON.stringify(input), [path]]);
    }
    expect(await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await auditRows(app, { action: 'UPDATED', entityId: user.id })).toHaveLength(0);
  });

  it('updateProfile needs a token', async () => {
    expect(errorCode(await app.gql(UPDATE, { input: { fullName: 'X' } }))).toBe('UNAUTHENTICATED');
  });

  it('user(id): self and related users; strangers, blockers and the deleted are NOT_FOUND', async () => {
    const me = await app.createUser({ fullName: 'Me' });
    const friend = await app.createUser({ fullName: 'Friend', timezone: 'Asia/Karachi' });
    const requester = await app.createUser({ fullName: 'Requester' });
    const stranger = await app.createUser({ fullName: 'Stranger' });
    const blocker = await app.createUser({ fullName: 'Blocker' });
    const gone = await app.createUser({ fullName: 'Gone' });
    await app.prisma.relation.createMany({
      data: [
        { requesterId: me.id, requesteeId: friend.id, status: 'ACCEPTED' },
        { requesterId: requester.id, requesteeId: me.id, status: 'PENDING' },
        // The blocker blocked me: my relation to them is BLOCKED, visible only to them.
        { requesterId: me.id, requesteeId: blocker.id, status: 'BLOCKED' },
        { requesterId: me.id, requesteeId: gone.id, status: 'ACCEPTED' },
      ],
    });
    await app.updateUser(gone.id, { deletedAt: new Date() });

    const lookup = (id: string) => app.gql(USER, { id }, { token: me.token });
    expect((await lookup(me.gid)).data).toEqual({ user: { id: me.gid, fullName: 'Me', timezone: 'UTC' } });
    expect((await lookup(friend.gid)).data).toEqual({ user: { id: friend.gid, fullName: 'Friend', timezone: 'Asia/Karachi' } });
    expect((await lookup(requester.gid)).data!.user.fullName).toBe('Requester');
    // The blocker sees me (the BLOCKED relation is theirs).
    expect((await app.gql(USER, { id: me.gid }, { token: blocker.token })).data!.user.id).toBe(me.gid);

    const missing = await lookup('999999999');
    for (const id of [stranger.gid, blocker.gid, gone.gid]) {
      const res = await lookup(id);
      expect(res.data).toEqual({ user: null });
      expect(res.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([['User not found', 'NOT_FOUND']]);
      expect(res.errors![0]!.message).toBe(missing.errors![0]!.message);
    }
    expect(errorCode(await app.gql(USER, { id: friend.gid }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await lookup('abc'))).toBe('BAD_USER_INPUT');
  });

  it('unreadSupportMessageCount counts live unread messages from support to the viewer', async () => {
    const me = await app.createUser();
    const other = await app.createUser();
    const now = new Date();
    await app.prisma.message.createMany({
      data: [
        { userId: me.id, sender: 'SUPPORT', content: 'unread 1' },
        { userId: me.id, sender: 'SUPPORT', content: 'unread 2' },
        { userId: me.id, sender: 'SUPPORT', content: 'read', readAt: now },
        { userId: me.id, sender: 'SUPPORT', content: 'deleted', deletedAt: now },
        { userId: me.id, sender: 'USER', content: 'mine' },
        { userId: other.id, sender: 'SUPPORT', content: 'not mine' },
      ],
    });
    const res = await app.gql('{ me { unreadSupportMessageCount } }', {}, { token: me.token });
    expect(res.data).toEqual({ me: { unreadSupportMessageCount: 2 } });
    const none = await app.gql('{ me { unreadSupportMessageCount } }', {}, { token: (await app.createUser()).token });
    expect(none.data).toEqual({ me: { unreadSupportMessageCount: 0 } });
  });
});
