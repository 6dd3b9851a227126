import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startTestApp, type TestApp } from '../../test/helpers/test-app';
import { openDatabase, type Database } from '../db/client';
import { FileOutboxMailer, type OutboxFile } from '../mail/file-outbox';
import type { Mailer } from '../mail';
import { Metrics } from '../observability/metrics';
import { REMINDER_SUBJECT, ReminderJob, reminderMessage } from './reminders';

/**
 * The reminder job against the real database with a fake clock. Reminders are inserted
 * directly: the job reads the notifications table whatever wrote it.
 */

const silent = pino({ level: 'silent' });

// Hundreds of runs against a real database: generous on a loaded CI machine.
jest.setTimeout(120_000);

let app: TestApp;
let outboxDir: string;
let mailer: FileOutboxMailer;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.stop();
});

beforeEach(async () => {
  // Each test starts from no reminders and an empty outbox of its own.
  await app.prisma.notification.deleteMany({});
  await app.prisma.auditLog.deleteMany({ where: { action: 'REMINDER_SENT' } });
  outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-reminders-'));
  mailer = new FileOutboxMailer(outboxDir);
});

afterEach(async () => {
  await fs.rm(outboxDir, { recursive: true, force: true });
});

function job(options: { mailer?: Mailer; metrics?: Metrics; database?: Database } = {}): ReminderJob {
  return new ReminderJob({
    prisma: options.database?.prisma ?? app.prisma,
    mailer: options.mailer ?? mailer,
    logger: silent,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}

async function reminderFor(
  timezone: string,
  time: string,
  options: { isActive?: boolean; emailVerified?: boolean } = {},
): Promise<{ id: bigint; userId: bigint; email: string }> {
  const user = await app.createUser({ timezone, emailVerified: options.emailVerified ?? true });
  const reminder = await app.prisma.notification.create({
    data: {
      userId: user.id,
      notificationTime: new Date(`1970-01-01T${time}Z`),
      timezone,
      isActive: options.isActive ?? true,
    },
  });
  return { id: reminder.id, userId: user.id, email: user.email };
}

async function outbox(): Promise<OutboxFile[]> {
  const names = (await fs.readdir(outboxDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await fs.readFile(path.join(outboxDir, name), 'utf8')) as OutboxFile));
}

async function lastSentOn(id: bigint): Promise<string | null> {
  const row = await app.prisma.notification.findUniqueOrThrow({ where: { id } });
  return row.lastSentOn ? row.lastSentOn.toISOString().slice(0, 10) : null;
}

/** Runs the job at each instant; returns the instants at which something was sent. */
async function runAt(reminders: ReminderJob, instants: readonly string[]): Promise<string[]> {
  const sentAt: string[] = [];
  for (const instant of instants) {
    const { sent } = await reminders.runOnce(new Date(instant));
    for (let i = 0; i < sent; i += 1) sentAt.push(instant);
  }
  return sentAt;
}

/** Every `stepMinutes` from `from` (inclusive) to `to` (exclusive), as ISO strings. */
function every(stepMinutes: number, from: string, to: string): string[] {
  const instants: string[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += stepMinutes * 60_000) instants.push(new Date(t).toISOString());
  return instants;
}

describe('reminders across timezones', () => {
  test('UTC+14 (Pacific/Kiritimati): due at 08:00 local, a UTC day earlier; once per local day', async () => {
    const reminder = await reminderFor('Pacific/Kiritimati', '08:00:00');
    const reminders = job();

    // 2025-06-14T17:59Z is 07:59 on 2025-06-15 in Kiritimati.
    expect(await runAt(reminders, ['2025-06-14T17:59:00.000Z'])).toEqual([]);
    expect(await runAt(reminders, every(1, '2025-06-14T18:00:00.000Z', '2025-06-14T18:10:00.000Z'))).toEqual([
      '2025-06-14T18:00:00.000Z',
    ]);
    expect(await lastSentOn(reminder.id)).toBe('2025-06-15');

    // The next local day starts at 10:00Z; its 08:00 is at 18:00Z.
    expect(await runAt(reminders, every(30, '2025-06-14T18:30:00.000Z', '2025-06-15T18:00:00.000Z'))).toEqual([]);
    expect(await runAt(reminders, ['2025-06-15T18:00:00.000Z', '2025-06-15T18:01:00.000Z'])).toEqual([
      '2025-06-15T18:00:00.000Z',
    ]);
    expect(await lastSentOn(reminder.id)).toBe('2025-06-16');

    const mails = await outbox();
    expect(mails.map((mail) => [mail.kind, mail.to, mail.subject])).toEqual([
      ['REMINDER', reminder.email, REMINDER_SUBJECT],
      ['REMINDER', reminder.email, REMINDER_SUBJECT],
    ]);
    expect(mails[0]?.text).toContain('2025-06-15');
    expect(mails[1]?.text).toContain('2025-06-16');
    expect(mails[0]).not.toHaveProperty('token');
  });

  test('UTC−11 (Pacific/Pago_Pago): due at 20:00 local, on the previous UTC date', async () => {
    const reminder = await reminderFor('Pacific/Pago_Pago', '20:00:00');
    const reminders = job();

    // 2025-06-15T07:00Z is 20:00 on 2025-06-14 in Pago Pago.
    expect(await runAt(reminders, ['2025-06-15T06:59:00.000Z'])).toEqual([]);
    expect(await runAt(reminders, ['2025-06-15T07:00:00.000Z'])).toEqual(['2025-06-15T07:00:00.000Z']);
    expect(await lastSentOn(reminder.id)).toBe('2025-06-14');

    // Local midnight (11:00Z) starts 2025-06-15, whose 20:00 is 2025-06-16T07:00Z.
    expect(await runAt(reminders, every(30, '2025-06-15T07:30:00.000Z', '2025-06-16T07:00:00.000Z'))).toEqual([]);
    expect(await runAt(reminders, ['2025-06-16T07:00:00.000Z'])).toEqual(['2025-06-16T07:00:00.000Z']);
    expect(await lastSentOn(reminder.id)).toBe('2025-06-15');
    expect(await outbox()).toHaveLength(2);
  });

  test('spring forward (America/New_York, 2025-03-09): a 02:30 reminder, a time that does not exist that day, fires once at 03:00', async () => {
    const reminder = await reminderFor('America/New_York', '02:30:00');
    const reminders = job();

    // 06:59Z is 01:59 EST; one minute later the clocks read 03:00 EDT.
    expect(await runAt(reminders, every(15, '2025-03-09T05:00:00.000Z', '2025-03-09T06:45:00.000Z'))).toEqual([]);
    const sentAt = await runAt(reminders, every(1, '2025-03-09T06:45:00.000Z', '2025-03-09T07:15:00.000Z'));
    expect(sentAt).toEqual(['2025-03-09T07:00:00.000Z']);
    // The rest of the local day (until 04:00Z the next UTC day) sends nothing more.
    expect(await runAt(reminders, every(20, '2025-03-09T07:15:00.000Z', '2025-03-10T04:00:00.000Z'))).toEqual([]);
    expect(await lastSentOn(reminder.id)).toBe('2025-03-09');
    // The next day is an ordinary one again: 02:30 EDT = 06:30Z.
    expect(await runAt(reminders, every(1, '2025-03-10T06:25:00.000Z', '2025-03-10T06:35:00.000Z'))).toEqual([
      '2025-03-10T06:30:00.000Z',
    ]);
  });

  test('fall back (America/New_York, 2025-11-02): a 01:30 reminder, a time that happens twice, fires once', async () => {
    const reminder = await reminderFor('America/New_York', '01:30:00');
    const reminders = job();

    // 01:30 EDT is 05:30Z; 01:30 EST, an hour later, is 06:30Z.
    expect(await runAt(reminders, every(15, '2025-11-02T04:00:00.000Z', '2025-11-02T05:15:00.000Z'))).toEqual([]);
    expect(await runAt(reminders, every(1, '2025-11-02T05:15:00.000Z', '2025-11-02T05:45:00.000Z'))).toEqual([
      '2025-11-02T05:30:00.000Z',
    ]);
    expect(await runAt(reminders, every(1, '2025-11-02T06:15:00.000Z', '2025-11-02T06:45:00.000Z'))).toEqual([]);
    // The rest of the local day (until 05:00Z the next UTC day, EST now) sends nothing more.
    expect(await runAt(reminders, every(20, '2025-11-02T06:45:00.000Z', '2025-11-03T05:00:00.000Z'))).toEqual([]);
    expect(await lastSentOn(reminder.id)).toBe('2025-11-02');
  });
});

describe('reminder delivery rules', () => {
  test('missed minutes and a restart: a reminder whose time passed while no run happened goes out at the next run, once', async () => {
    const reminder = await reminderFor('Europe/Berlin', '09:00:00');

    // 09:00 in Berlin (CEST) is 07:00Z; the first run after the outage is at 11:17Z.
    expect(await runAt(job(), ['2025-07-01T06:59:00.000Z'])).toEqual([]);
    expect(await runAt(job(), ['2025-07-01T11:17:00.000Z'])).toEqual(['2025-07-01T11:17:00.000Z']);
    // A "restarted" instance (a new job) the same local day sends nothing.
    expect(await runAt(job(), ['2025-07-01T11:18:00.000Z', '2025-07-01T21:59:00.000Z'])).toEqual([]);
    expect(await lastSentOn(reminder.id)).toBe('2025-07-01');

    // A day with no run at all is not sent later: only the current local day counts.
    expect(await runAt(job(), ['2025-07-03T07:05:00.000Z'])).toEqual(['2025-07-03T07:05:00.000Z']);
    expect(await lastSentOn(reminder.id)).toBe('2025-07-03');
    expect(await outbox()).toHaveLength(2);
  });

  test('disabled reminders, deleted or unverified accounts and reminders later today are not sent', async () => {
    const disabled = await reminderFor('UTC', '08:00:00', { isActive: false });
    const unverified = await reminderFor('UTC', '08:00:00', { emailVerified: false });
    const deleted = await reminderFor('UTC', '08:00:00');
    await app.updateUser(deleted.userId, { deletedAt: new Date('2025-01-01T00:00:00Z') });
    const later = await reminderFor('UTC', '18:00:00');
    const due = await reminderFor('UTC', '08:00:00');

    expect(await job().runOnce(new Date('2025-05-05T12:00:00.000Z'))).toEqual({ sent: 1, claimedElsewhere: 0, failed: 0 });
    expect(await lastSentOn(due.id)).toBe('2025-05-05');
    for (const reminder of [disabled, unverified, deleted, later]) expect(await lastSentOn(reminder.id)).toBeNull();
    expect((await outbox()).map((mail) => mail.to)).toEqual([due.email]);
  });

  test('each delivery is audited as REMINDER_SENT by the system, about the user', async () => {
    const reminder = await reminderFor('Asia/Karachi', '05:15:00');
    await job().runOnce(new Date('2025-08-10T00:15:00.000Z'));

    const audit = await app.prisma.auditLog.findMany({ where: { action: 'REMINDER_SENT' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'REMINDER_SENT',
      entityType: 'REMINDER_SETTING',
      entityId: reminder.id,
      userId: null,
      subjectUserId: reminder.userId,
      requestId: null,
      newValues: { localDate: '2025-08-10', time: '05:15:00', timezone: 'Asia/Karachi' },
    });
    const row = await app.prisma.notification.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(row.lastSentAt?.toISOString()).toBe('2025-08-10T00:15:00.000Z');
  });

  test('a failed delivery is released: nothing is marked sent and the next run delivers it', async () => {
    const reminder = await reminderFor('UTC', '07:00:00');
    const failing: Mailer = {
      kind: 'outbox',
      send: async () => {
        throw new Error('SMTP is down');
      },
      close: async () => {},
    };

    expect(await job({ mailer: failing }).runOnce(new Date('2025-04-01T07:01:00.000Z'))).toEqual({
      sent: 0,
      claimedElsewhere: 0,
      failed: 1,
    });
    expect(await lastSentOn(reminder.id)).toBeNull();
    expect(await app.prisma.auditLog.count({ where: { action: 'REMINDER_SENT' } })).toBe(0);

    expect((await job().runOnce(new Date('2025-04-01T07:02:00.000Z'))).sent).toBe(1);
    expect(await lastSentOn(reminder.id)).toBe('2025-04-01');
  });

  test('runs and sends are counted in the metrics', async () => {
    await reminderFor('UTC', '06:00:00');
    await reminderFor('UTC', '06:30:00');
    const metrics = new Metrics();
    const reminders = job({ metrics });
    await reminders.runOnce(new Date('2025-09-09T07:00:00.000Z'));
    await reminders.runOnce(new Date('2025-09-09T07:01:00.000Z'));

    const text = await metrics.render();
    expect(text).toContain('kitaab_reminder_job_runs_total{outcome="success"} 2');
    expect(text).toContain('kitaab_reminders_sent_total 2');
  });
});

describe('with the reminder set through the API', () => {
  test('setReminder, the job, then reminderSetting.lastSentOn; disableReminder stops it', async () => {
    const user = await app.createUser({ timezone: 'Pacific/Kiritimati' });
    const set = await app.gql(
      'mutation Set($input: SetReminderInput!) { setReminder(input: $input) { reminderSetting { id time timezone } } }',
      { input: { time: '06:45' } },
      { token: user.token },
    );
    expect(set.errors).toBeUndefined();
    const setting = (set.data as { setReminder: { reminderSetting: { id: string; time: string; timezone: string } } })
      .setReminder.reminderSetting;
    expect(setting).toMatchObject({ time: '06:45', timezone: 'Pacific/Kiritimati' });

    // 06:45 on 2025-12-01 in Kiritimati is 16:45Z on 2025-11-30.
    expect(await runAt(job(), ['2025-11-30T16:44:00.000Z', '2025-11-30T16:45:00.000Z', '2025-11-30T20:00:00.000Z'])).toEqual([
      '2025-11-30T16:45:00.000Z',
    ]);
    const read = await app.gql('query { reminderSetting { lastSentOn } }', {}, { token: user.token });
    expect(read.data).toEqual({ reminderSetting: { lastSentOn: '2025-12-01' } });
    expect((await outbox()).map((mail) => [mail.kind, mail.to])).toEqual([['REMINDER', user.email]]);

    const disable = await app.gql(
      'mutation Off($input: DisableReminderInput!) { disableReminder(input: $input) { reminderSetting { isActive } } }',
      { input: { id: setting.id } },
      { token: user.token },
    );
    expect(disable.data).toEqual({ disableReminder: { reminderSetting: { isActive: false } } });
    expect(await runAt(job(), ['2025-12-01T16:45:00.000Z', '2025-12-01T20:00:00.000Z'])).toEqual([]);
    expect(await outbox()).toHaveLength(1);
  });
});

describe('two instances on one database', () => {
  test('racing runs never send a reminder twice (40 local days, 12 reminders)', async () => {
    const second = await openDatabase(
      { databaseUrl: app.database.url, dataDir: os.tmpdir(), dbPoolMax: 4, dbStatementTimeoutMs: 0 },
      silent,
    );
    try {
      const reminders = await Promise.all(
        Array.from({ length: 12 }, (_, i) => reminderFor(i % 2 ? 'Asia/Tokyo' : 'UTC', `0${i % 4}:15:00`)),
      );
      // Separate mailers and connection pools, one outbox: like two servers.
      const instanceA = job();
      const instanceB = job({ mailer: new FileOutboxMailer(outboxDir), database: second });
      const totals = { sent: 0, claimedElsewhere: 0 };
      for (let day = 0; day < 40; day += 1) {
        const now = new Date(Date.UTC(2025, 0, 1 + day, 12, 0, 0));
        const results = await Promise.all([instanceA.runOnce(now), instanceB.runOnce(now), instanceA.runOnce(now)]);
        const sentToday = results.reduce((sum, r) => sum + r.sent, 0);
        expect(sentToday).toBe(reminders.length);
        totals.sent += sentToday;
        totals.claimedElsewhere += results.reduce((sum, r) => sum + r.claimedElsewhere, 0);
      }

      const mails = await outbox();
      expect(mails).toHaveLength(12 * 40);
      const perRecipientDay = new Set(mails.map((mail) => `${mail.to} ${mail.text}`));
      expect(perRecipientDay.size).toBe(12 * 40);
      expect(await app.prisma.auditLog.count({ where: { action: 'REMINDER_SENT' } })).toBe(12 * 40);
      // The race really happened: some claims were lost to the other instance.
      expect(totals.claimedElsewhere).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});

describe('the message', () => {
  test('names the user and the local date it is for, and carries no token', () => {
    expect(reminderMessage({ email: 'amina@example.test', fullName: 'Amina', localDate: '2025-06-15' })).toEqual({
      kind: 'REMINDER',
      to: 'amina@example.test',
      subject: REMINDER_SUBJECT,
      text:
        'Hello Amina,\n\nThis is your daily reminder to record your deeds for 2025-06-15.\n\n' +
        'You can change the time or turn the reminder off in your settings.\n',
    });
  });
});
