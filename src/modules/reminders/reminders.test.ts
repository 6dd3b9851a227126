import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';

const FIELDS = 'id time timezone isActive lastSentOn updatedAt';
const GET = `{ reminderSetting { ${FIELDS} } }`;
const SET = `mutation Set($input: SetReminderInput!) { setReminder(input: $input) { reminderSetting { ${FIELDS} } } }`;
const DISABLE = `mutation Disable($id: ID!) { disableReminder(input: { id: $id }) { reminderSetting { ${FIELDS} } } }`;

interface Setting {
  id: string;
  time: string;
  timezone: string;
  isActive: boolean;
  lastSentOn: string | null;
  updatedAt: string;
}

describe('reminder settings', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const set = async (user: TestUser, input: Record<string, unknown>) =>
    app.gql<{ setReminder: { reminderSetting: Setting } }>(SET, { input }, { token: user.token });
  const disable = async (user: TestUser, id: string) =>
    app.gql<{ disableReminder: { reminderSetting: Setting } }>(DISABLE, { id }, { token: user.token });
  const auditRows = (user: TestUser) =>
    app.prisma.auditLog.findMany({ where: { userId: user.id, entityType: 'REMINDER_SETTING' }, orderBy: { id: 'asc' } });

  it('needs a token', async () => {
    expect(errorCode(await app.gql(GET))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(SET, { input: { time: '08:00' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(DISABLE, { id: '1' }))).toBe('UNAUTHENTICATED');
  });

  it("creates the reminder in the viewer's timezone by default, with an audit row", async () => {
    const user = await app.createUser({ timezone: 'Asia/Karachi' });
    expect((await app.gql(GET, undefined, { token: user.token })).data).toEqual({ reminderSetting: null });

    const created = await set(user, { time: '05:30' });
    expect(created.errors).toBeUndefined();
    const setting = created.data!.setReminder.reminderSetting;
    expect(setting).toMatchObject({ time: '05:30', timezone: 'Asia/Karachi', isActive: true, lastSentOn: null });
    expect((await app.gql(GET, undefined, { token: user.token })).data).toEqual({ reminderSetting: setting });

    const audits = await auditRows(user);
    expect(audits.map((a) => [a.action, a.entityId?.toString(), a.oldValues, a.newValues])).toEqual([
      ['CREATED', setting.id, null, { time: '05:30', timezone: 'Asia/Karachi', isActive: true }],
    ]);
    expect(audits[0]!.ipAddress).toBe('127.0.0.1');
  });

  it('updates the one active setting; unchanged values write nothing', async () => {
    const user = await app.createUser({ timezone: 'Europe/London' });
    const first = (await set(user, { time: '21:00' })).data!.setReminder.reminderSetting;
    const moved = (await set(user, { time: '06:15', timezone: 'America/New_York' })).data!.setReminder.reminderSetting;
    expect(moved).toMatchObject({ id: first.id, time: '06:15', timezone: 'America/New_York', isActive: true });
    const same = (await set(user, { time: '06:15', timezone: 'America/New_York' })).data!.setReminder.reminderSetting;
    expect(same).toEqual(moved);

    expect(await app.prisma.notification.count({ where: { userId: user.id } })).toBe(1);
    const audits = await auditRows(user);
    expect(audits.map((a) => [a.action, a.oldValues, a.newValues])).toEqual([
      ['CREATED', null, { time: '21:00', timezone: 'Europe/London', isActive: true }],
      [
        'UPDATED',
        { time: '21:00', timezone: 'Europe/London', isActive: true },
        { time: '06:15', timezone: 'America/New_York', isActive: true },
      ],
    ]);
  });

  it('disables idempotently, still shows the disabled setting, and re-activates the same row', async () => {
    const user = await app.createUser();
    const setting = (await set(user, { time: '07:00' })).data!.setReminder.reminderSetting;
    await app.prisma.notification.update({ where: { id: BigInt(setting.id) }, data: { lastSentOn: new Date('2025-05-04T00:00:00Z') } });

    const disabled = await disable(user, setting.id);
    expect(disabled.data!.disableReminder.reminderSetting).toMatchObject({ id: setting.id, isActive: false, lastSentOn: '2025-05-04' });
    const again = await disable(user, setting.id);
    expect(again.data!.disableReminder.reminderSetting).toEqual(disabled.data!.disableReminder.reminderSetting);
    expect((await app.gql<{ reminderSetting: Setting }>(GET, undefined, { token: user.token })).data!.reminderSetting).toMatchObject({
      id: setting.id,
      isActive: false,
    });

    const revived = (await set(user, { time: '07:00' })).data!.setReminder.reminderSetting;
    expect(revived).toMatchObject({ id: setting.id, isActive: true, lastSentOn: '2025-05-04' });
    expect(await app.prisma.notification.count({ where: { userId: user.id } })).toBe(1);

    const audits = await auditRows(user);
    expect(audits.map((a) => [a.action, (a.oldValues as { isActive?: boolean } | null)?.isActive, (a.newValues as { isActive: boolean }).isActive])).toEqual([
      ['CREATED', undefined, true],
      ['UPDATED', true, false],
      ['UPDATED', false, true],
    ]);
  });

  it("answers NOT_FOUND for another user's setting and changes nothing", async () => {
    const owner = await app.createUser();
    const other = await app.createUser();
    const setting = (await set(owner, { time: '09:00' })).data!.setReminder.reminderSetting;
    const foreign = await disable(other, setting.id);
    const missing = await disable(other, '99999999');
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect((await app.prisma.notification.findUniqueOrThrow({ where: { id: BigInt(setting.id) } })).isActive).toBe(true);
    expect((await app.gql(GET, undefined, { token: other.token })).data).toEqual({ reminderSetting: null });
  });

  it('refuses malformed times, timezones and ids with BAD_USER_INPUT and writes nothing', async () => {
    const user = await app.createUser();
    for (const input of [
      { time: '24:00' },
      { time: '8:30' },
      { time: '08:30:00' },
      { time: '08:60' },
      { time: 830 },
      { time: '08:30', timezone: 'Mars/Olympus_Mons' },
      { time: '08:30', timezone: '+05:00' },
      { timezone: 'UTC' },
    ]) {
      expect(errorCode(await set(user, input))).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await disable(user, 'not-an-id'))).toBe('BAD_USER_INPUT');
    expect(await app.prisma.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditRows(user)).toEqual([]);

    const inline = await app.gql('mutation { setReminder(input: { time: "25:00" }) { reminderSetting { id } } }', undefined, {
      token: user.token,
    });
    expect(errorCode(inline)).toBe('BAD_USER_INPUT');
  });

  it('keeps one active row under concurrent first-time calls', async () => {
    const user = await app.createUser();
    const times = Array.from({ length: 25 }, (_, i) => `06:${String(i).padStart(2, '0')}`);
    // Warm connections first, so the calls really overlap instead of queueing behind a cold start.
    await Promise.all(times.map(() => app.gql(GET, undefined, { token: user.token })));
    const responses = await Promise.all(times.map((time) => set(user, { time })));
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((r) => r.data!.setReminder.reminderSetting.id)).size).toBe(1);
    const rows = await app.prisma.notification.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const audits = await auditRows(user);
    expect(audits.filter((a) => a.action === 'CREATED')).toHaveLength(1);
    expect(audits).toHaveLength(times.length);
  });
});
