import 'reflect-metadata';
import { auditRows, registerUser } from '../../../test/helpers/accounts';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';

const EXPORT = 'mutation ($input: ExportMyDataInput!) { exportMyData(input: $input) { data generatedAt } }';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('exportMyData over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  /** One account with a bit of everything, live and deleted, plus other people's data around it. */
  async function populatedAccount() {
    const me = await registerUser(app, { fullName: 'Exporter', timezone: 'Asia/Karachi' });
    const friend = await app.createUser({ fullName: 'Friend' });
    const blocker = await app.createUser({ fullName: 'Blocker' });
    const db = app.prisma;
    const gone = new Date('2025-02-01T10:00:00Z');

    const prayer = await db.deed.create({ data: { userId: me.id, name: 'Prayer', category: 'HASANAAT', measureType: 'COUNT' } });
    const fajr = await db.deedItem.create({ data: { deedId: prayer.id, name: 'Fajr' } });
    const sunnah = await db.deedItem.create({ data: { deedId: prayer.id, parentId: fajr.id, name: 'Sunnah', level: 2, deletedAt: gone } });
    const underDeleted = await db.deedItem.create({ data: { deedId: prayer.id, parentId: sunnah.id, name: 'Two rakah', level: 3 } });
    const isha = await db.deedItem.create({ data: { deedId: prayer.id, name: 'Isha', displayOrder: 1 } });
    const speech = await db.deed.create({
      data: { userId: me.id, name: 'Speech', category: 'SAIYYIAAT', measureType: 'SCALE', deletedAt: gone },
    });
    const backbiting = await db.deedItem.create({ data: { deedId: speech.id, name: 'Backbiting' } });
    const scale = await db.scale.create({
      data: {
        deedId: speech.id,
        version: 1,
        isActive: true,
        values: { create: [{ label: 'None', order: 1 }, { label: 'Some', order: 2 }] },
      },
      include: { values: { orderBy: { order: 'asc' } } },
    });

    const counted = await db.entry.create({
      data: { userId: me.id, createdByUserId: me.id, deedItemId: fajr.id, entryDate: day('2025-03-01'), count: '2.50', notes: 'on time' },
    });
    await db.entryHistory.createMany({
      data: [
        { entryId: counted.id, action: 'CREATED', changedByUserId: me.id, newCount: '2.00', changedAt: new Date('2025-03-01T05:00:00Z') },
        { entryId: counted.id, action: 'UPDATED', changedByUserId: friend.id, oldCount: '2.00', newCount: '2.50', newNotes: 'on time', changedAt: new Date('2025-03-01T06:00:00Z') },
      ],
    });
    const deletedEntry = await db.entry.create({
      data: { userId: me.id, createdByUserId: me.id, deedItemId: isha.id, entryDate: day('2025-03-01'), count: '1', deletedAt: gone },
    });
    const underDeletedItem = await db.entry.create({
      data: { userId: me.id, createdByUserId: me.id, deedItemId: underDeleted.id, entryDate: day('2025-03-02'), count: '3' },
    });
    const scaleEntry = await db.entry.create({
      data: { userId: me.id, createdByUserId: me.id, deedItemId: backbiting.id, entryDate: day('2025-03-03'), scaleId: scale.id, scaleValueId: scale.values[0]!.id },
    });
    // Someone else's entry, written by me on their behalf: theirs, not mine.
    const friendDeed = await db.deed.create({ data: { userId: friend.id, name: 'Fasting', category: 'HASANAAT', measureType: 'COUNT' } });
    const friendItem = await db.deedItem.create({ data: { deedId: friendDeed.id, name: 'Monday' } });
    await db.entry.create({
      data: { userId: friend.id, createdByUserId: me.id, deedItemId: friendItem.id, entryDate: day('2025-03-03'), count: '1' },
    });

    const friendToMe = await db.relation.create({ data: { requesterId: friend.id, requesteeId: me.id, status: 'ACCEPTED' } });
    const granted = await db.permission.create({ data: { relationId: friendToMe.id, deedItemId: fajr.id, type: 'READ', version: 1 } });
    const meToFriend = await db.relation.create({ data: { requesterId: me.id, requesteeId: friend.id, status: 'ACCEPTED' } });
    const received = await db.permission.create({ data: { relationId: meToFriend.id, deedItemId: friendItem.id, type: 'WRITE', version: 1 } });
    // The blocker blocked me: that relation is theirs to see, not mine.
    await db.relation.create({ data: { requesterId: me.id, requesteeId: blocker.id, status: 'BLOCKED' } });
    const removed = await db.relation.create({ data: { requesterId: blocker.id, requesteeId: me.id, status: 'ACCEPTED', deletedAt: gone } });

    const merit = await db.merit.create({
      data: {
        userId: me.id, deedId: prayer.id, name: 'Fajr streak', startDate: day('2025-03-01'), durationDays: 30,
        items: { create: [{ deedItemId: fajr.id, required: '30' }] },
      },
    });
    const meritOfDeletedDeed = await db.merit.create({
      data: { userId: me.id, deedId: speech.id, name: 'Guard the tongue', startDate: day('2025-03-01'), items: { create: [{ deedItemId: backbiting.id, scaleValueId: scale.values[0]!.id, required: '7' }] } },
    });
    const target = await db.target.create({
      data: {
        userId: me.id, name: 'March', startDate: day('2025-03-01'), endDate: day('2025-03-31'), completionLogic: 'ANY',
        items: { create: [{ deedItemId: isha.id, required: '25.5' }] },
      },
    });
    await db.reflectionMessage.createMany({
      data: [
        { userId: me.id, reflectionDate: day('2025-03-01'), type: 'GRATITUDE', content: 'Alhamdulillah' },
        { userId: me.id, reflectionDate: day('2025-03-02'), type: 'DAILY', content: 'gone', deletedAt: gone },
      ],
    });
    await db.message.createMany({
      data: [
        { userId: me.id, sender: 'USER', subject: 'Help', content: 'How do scales work?' },
        { userId: me.id, sender: 'SUPPORT', content: 'Like this.', deletedAt: gone },
      ],
    });
    await db.notification.create({ data: { userId: me.id, notificationTime: new Date('1970-01-01T21:30:00Z'), timezone: 'Asia/Karachi' } });
    await db.auditLog.create({
      data: { userId: friend.id, subjectUserId: me.id, action: 'WRITTEN_ON_BEHALF', entityType: 'ENTRY', entityId: counted.id, ipAddress: '10.1.2.3', userAgent: 'friend-agent' },
    });

    return {
      me, friend, prayer, speech, fajr, sunnah, underDeleted, isha, backbiting, scale, counted, deletedEntry,
      underDeletedItem, scaleEntry, friendToMe, meToFriend, removed, granted, received, merit, meritOfDeletedDeed, target,
    };
  }

  it('exports everything the viewer owns, deleted records included by default, and audits it', async () => {
    const w = await populatedAccount();
    const before = Date.now();
    const res = await app.gql(EXPORT, { input: {} }, { token: w.me.token, headers: { 'user-agent': 'exporter/2' } });
    expect(res.errors).toBeUndefined();
    const { data, generatedAt } = res.data!.exportMyData;
    expect(Date.parse(generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.generatedAt).toBe(generatedAt);
    expect(data).toMatchObject({ formatVersion: 1, includeDeleted: true });
    expect(data.profile).toMatchObject({
      id: w.me.gid,
      email: w.me.email,
      emailVerified: false,
      fullName: 'Exporter',
      timezone: 'Asia/Karachi',
      preferences: { locale: 'en', theme: 'SYSTEM', weekStartsOn: 'MONDAY', defaultDashboardDays: 30 },
    });
    expect(JSON.stringify(data)).not.toContain('argon2');

    expect(data.deeds.map((deed: any) => [deed.name, deed.items.map((item: any) => item.name)])).toEqual([
      ['Prayer', ['Fajr', 'Isha', 'Sunnah', 'Two rakah']],
      ['Speech', ['Backbiting']],
    ]);
    expect(data.deeds[1]).toMatchObject({ id: w.speech.id.toString(), deletedAt: '2025-02-01T10:00:00.000Z', measureType: 'SCALE' });
    expect(data.deeds[1].scales).toEqual([
      {
        id: w.scale.id.toString(),
        version: 1,
        name: null,
        isActive: true,
        createdAt: w.scale.createdAt.toISOString(),
        values: w.scale.values.map((value) => ({ id: value.id.toString(), label: value.label, order: value.order, description: null })),
      },
    ]);

    expect(data.entries.map((entry: any) => entry.id)).toEqual(
      [w.counted, w.deletedEntry, w.underDeletedItem, w.scaleEntry].map((entry) => entry.id.toString()),
    );
    expect(data.entries[0]).toMatchObject({
      deedItemId: w.fajr.id.toString(),
      entryDate: '2025-03-01',
      count: '2.50',
      scaleValueId: null,
      notes: 'on time',
      createdById: w.me.gid,
      deletedAt: null,
    });
    expect(data.entries[0].history.map((h: any) => [h.action, h.changedById, h.oldCount, h.newCount])).toEqual([
      ['CREATED', w.me.gid, null, '2.00'],
      ['UPDATED', w.friend.gid, '2.00', '2.50'],
    ]);
    expect(data.entries[3]).toMatchObject({ scaleId: w.scale.id.toString(), scaleValueId: w.scale.values[0]!.id.toString(), count: null });

    expect(data.relations.map((r: any) => [r.id, r.direction, r.status, r.otherUser.fullName])).toEqual([
      [w.friendToMe.id.toString(), 'INCOMING', 'ACCEPTED', 'Friend'],
      [w.meToFriend.id.toString(), 'OUTGOING', 'ACCEPTED', 'Friend'],
      [w.removed.id.toString(), 'INCOMING', 'ACCEPTED', 'Blocker'],
    ]);
    expect(data.permissions.granted.map((p: any) => [p.id, p.deedItemId, p.type, p.isActive])).toEqual([
      [w.granted.id.toString(), w.fajr.id.toString(), 'READ', true],
    ]);
    expect(data.permissions.received.map((p: any) => [p.id, p.type])).toEqual([[w.received.id.toString(), 'WRITE']]);

    expect(data.merits.map((m: any) => m.name)).toEqual(['Fajr streak', 'Guard the tongue']);
    expect(data.merits[0]).toMatchObject({ startDate: '2025-03-01', durationDays: 30, completionLogic: 'ALL' });
    expect(data.merits[0].items).toEqual([
      { id: expect.any(String), deedItemId: w.fajr.id.toString(), scaleValueId: null, required: '30.00' },
    ]);
    expect(data.targets).toHaveLength(1);
    expect(data.targets[0]).toMatchObject({ name: 'March', startDate: '2025-03-01', endDate: '2025-03-31', completionLogic: 'ANY' });
    expect(data.targets[0].items[0]).toMatchObject({ deedItemId: w.isha.id.toString(), required: '25.50' });
    expect(data.reflections.map((r: any) => [r.date, r.type, r.content])).toEqual([
      ['2025-03-01', 'GRATITUDE', 'Alhamdulillah'],
      ['2025-03-02', 'DAILY', 'gone'],
    ]);
    expect(data.messages.map((m: any) => [m.sender, m.content])).toEqual([
      ['USER', 'How do scales work?'],
      ['SUPPORT', 'Like this.'],
    ]);
    expect(data.reminders).toEqual([
      expect.objectContaining({ time: '21:30', timezone: 'Asia/Karachi', isActive: true, lastSentOn: null }),
    ]);

    // Audit events about me: my own with my ip, others' without theirs.
    const actions = data.auditEvents.map((event: any) => event.action);
    expect(actions).toEqual(['CREATED', 'WRITTEN_ON_BEHALF']);
    expect(data.auditEvents[0]).toMatchObject({ actorId: w.me.gid, ipAddress: '127.0.0.1' });
    expect(data.auditEvents[1]).toMatchObject({ actorId: w.friend.gid, subjectUserId: w.me.gid, ipAddress: null, userAgent: null });

    const exported = await auditRows(app, { action: 'DATA_EXPORTED', entityId: w.me.id });
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ userId: w.me.id, userAgent: 'exporter/2', newValues: { includeDeleted: true } });
  });

  it('includeDeleted: false leaves out deleted and effectively deleted records', async () => {
    const w = await populatedAccount();
    const res = await app.gql(EXPORT, { input: { includeDeleted: false } }, { token: w.me.token });
    const { data } = res.data!.exportMyData;
    expect(data.includeDeleted).toBe(false);
    expect(data.deeds.map((deed: any) => [deed.name, deed.items.map((item: any) => item.name)])).toEqual([['Prayer', ['Fajr', 'Isha']]]);
    expect(data.entries.map((entry: any) => entry.id)).toEqual([w.counted.id.toString()]);
    expect(data.relations.map((r: any) => r.id)).toEqual([w.friendToMe.id.toString(), w.meToFriend.id.toString()]);
    expect(data.merits.map((m: any) => m.name)).toEqual(['Fajr streak']);
    expect(data.reflections.map((r: any) => r.content)).toEqual(['Alhamdulillah']);
    expect(data.messages.map((m: any) => m.content)).toEqual(['How do scales work?']);
    expect((await auditRows(app, { action: 'DATA_EXPORTED', entityId: w.me.id }))[0]!.newValues).toEqual({ includeDeleted: false });
  });

  it('needs a token', async () => {
    expect(errorCode(await app.gql(EXPORT, { input: {} }))).toBe('UNAUTHENTICATED');
  });
});
