import { Prisma, type PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import { bigintArray } from '../lib/sql';
import type { Mailer, MailMessage } from '../mail';
import { SYSTEM_ORIGIN, writeAudit } from '../modules/audit/audit-log';
import type { Metrics } from '../observability/metrics';

/**
 * The daily reminder (seed: "Notification Scheduling Flow"), run every minute by the
 * scheduler. A reminder is due when its local time of day has come today in its own timezone
 * and it was not sent for that local date yet — "has come", not "is this minute", so a restart
 * or a skipped tick still sends today's reminder later the same local day. Each one is claimed
 * with one conditional UPDATE, so however many instances run the job, one sends it.
 */

export interface ReminderJobDependencies {
  prisma: PrismaClient;
  mailer: Mailer;
  logger: Logger;
  metrics?: Metrics;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** Reminders read per query; a run keeps reading until none is due. */
  batchSize?: number;
}

export interface ReminderRunResult {
  sent: number;
  /** Claimed by another instance between our read and our claim. */
  claimedElsewhere: number;
  failed: number;
}

interface DueReminder {
  id: bigint;
  userId: bigint;
  email: string;
  fullName: string;
  timezone: string;
  /** `HH:MM:SS`, the configured local time. */
  time: string;
  /** `YYYY-MM-DD`, today in `timezone`: the day this delivery is for. */
  localDate: string;
  previousSentOn: string | null;
  previousSentAt: Date | null;
}

const DEFAULT_BATCH_SIZE = 200;
// Deliveries in flight at once: SMTP round trips dominate, the database work is tiny.
const SEND_CONCURRENCY = 8;

export const REMINDER_SUBJECT = 'Your daily Kitaab reminder';

export function reminderMessage(reminder: Pick<DueReminder, 'email' | 'fullName' | 'localDate'>): MailMessage {
  return {
    kind: 'REMINDER',
    to: reminder.email,
    subject: REMINDER_SUBJECT,
    text:
      `Hello ${reminder.fullName},\n\n` +
      `This is your daily reminder to record your deeds for ${reminder.localDate}.\n\n` +
      'You can change the time or turn the reminder off in your settings.\n',
  };
}

export class ReminderJob {
  private readonly now: () => Date;
  private readonly batchSize: number;
  private timeZones: Promise<string[]> | undefined;

  constructor(private readonly deps: ReminderJobDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Sends every reminder due at `now` that no instance has sent for its local day yet. */
  async runOnce(now: Date = this.now()): Promise<ReminderRunResult> {
    const result: ReminderRunResult = { sent: 0, claimedElsewhere: 0, failed: 0 };
    // A failed delivery is released for the next run; this run does not retry it in a loop.
    const failedIds: bigint[] = [];
    try {
      for (;;) {
        const due = await this.findDue(now, failedIds);
        for (let start = 0; start < due.length; start += SEND_CONCURRENCY) {
          const outcomes = await Promise.all(due.slice(start, start + SEND_CONCURRENCY).map((r) => this.deliver(r, now)));
          outcomes.forEach((outcome, index) => {
            if (outcome === 'sent') result.sent += 1;
            else if (outcome === 'claimed-elsewhere') result.claimedElsewhere += 1;
            else {
              result.failed += 1;
              failedIds.push(due[start + index]!.id);
            }
          });
        }
        if (due.length < this.batchSize) break;
      }
    } catch (error) {
      this.deps.metrics?.reminderJobRuns.inc({ outcome: 'failure' });
      throw error;
    }
    this.deps.metrics?.reminderJobRuns.inc({ outcome: 'success' });
    if (result.sent + result.failed > 0) this.deps.logger.info({ ...result, at: now.toISOString() }, 'reminder run finished');
    return result;
  }

  /**
   * Local date and time are computed by PostgreSQL (`AT TIME ZONE` follows the zone's rules,
   * DST included): on a spring-forward day a 02:30 reminder is due from 03:00, the first local
   * time at or past it; on a fall-back day the repeated hour cannot send twice, as the local
   * date is already marked. Zones PostgreSQL does not know are left out rather than failing
   * the whole run. Deleted, deactivated and unverified accounts get no email.
   */
  private async findDue(now: Date, excludedIds: readonly bigint[]): Promise<DueReminder[]> {
    const rows = await this.deps.prisma.$queryRaw<
      Array<{
        id: bigint;
        user_id: bigint;
        email: string;
        full_name: string;
        timezone: string;
        time: string;
        local_date: string;
        previous_sent_on: string | null;
        previous_sent_at: Date | null;
      }>
    >(Prisma.sql`
      WITH candidates AS (
        SELECT n.notification_id, n.user_id, n.timezone, n.notification_time, n.last_sent_on, n.last_sent_at,
               u.email, u.full_name,
               (${now.toISOString()}::timestamptz AT TIME ZONE n.timezone) AS local_now
        FROM notifications n
        JOIN users u ON u.user_id = n.user_id
        WHERE n.is_active
          AND u.deleted_at IS NULL AND u.is_active AND u.email_verified
          AND n.timezone = ANY(${await this.knownTimeZones()}::text[])
          AND n.notification_id <> ALL(${bigintArray(excludedIds)})
      )
      SELECT notification_id AS id, user_id, email, full_name, timezone,
             to_char(notification_time, 'HH24:MI:SS') AS time,
             to_char(local_now, 'YYYY-MM-DD') AS local_date,
             to_char(last_sent_on, 'YYYY-MM-DD') AS previous_sent_on,
             last_sent_at AS previous_sent_at
      FROM candidates
      WHERE local_now::time >= notification_time
        AND (last_sent_on IS NULL OR last_sent_on < local_now::date)
      ORDER BY notification_time, notification_id
      LIMIT ${this.batchSize}
    `);
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      email: row.email,
      fullName: row.full_name,
      timezone: row.timezone,
      time: row.time,
      localDate: row.local_date,
      previousSentOn: row.previous_sent_on,
      previousSentAt: row.previous_sent_at,
    }));
  }

  /**
   * The zone names PostgreSQL knows, read once: `AT TIME ZONE` with an unknown one would fail
   * the whole query, and reading pg_timezone_names costs tens of milliseconds every time.
   */
  private knownTimeZones(): Promise<string[]> {
    this.timeZones ??= this.deps.prisma
      .$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_timezone_names`
      .then((rows) => rows.map((row) => row.name))
      .catch((error: unknown) => {
        this.timeZones = undefined;
        throw error;
      });
    return this.timeZones;
  }

  private async deliver(reminder: DueReminder, now: Date): Promise<'sent' | 'claimed-elsewhere' | 'failed'> {
    if (!(await this.claim(reminder, now))) return 'claimed-elsewhere';
    try {
      await this.deps.mailer.send(reminderMessage(reminder));
    } catch (error) {
      this.deps.logger.error({ err: error, reminderId: reminder.id.toString() }, 'reminder delivery failed: released for a retry');
      await this.release(reminder, now).catch((releaseError: unknown) =>
        this.deps.logger.error({ err: releaseError, reminderId: reminder.id.toString() }, 'could not release a failed reminder'),
      );
      return 'failed';
    }
    this.deps.metrics?.remindersSent.inc();
    // The email is out: a failing audit write must not make the reminder look unsent.
    await writeAudit(this.deps.prisma, SYSTEM_ORIGIN, {
      action: 'REMINDER_SENT',
      entityType: 'REMINDER_SETTING',
      entityId: reminder.id,
      actorId: null,
      subjectUserId: reminder.userId,
      newValues: { localDate: reminder.localDate, time: reminder.time, timezone: reminder.timezone },
    }).catch((error: unknown) =>
      this.deps.logger.error({ err: error, reminderId: reminder.id.toString() }, 'could not audit a sent reminder'),
    );
    return 'sent';
  }

  /**
   * The claim: one statement, so PostgreSQL's row lock decides between racing instances (the
   * loser's UPDATE re-checks the condition after the winner commits and matches nothing).
   */
  private async claim(reminder: DueReminder, now: Date): Promise<boolean> {
    const claimed = await this.deps.prisma.$executeRaw`
      UPDATE notifications
      SET last_sent_on = ${reminder.localDate}::date, last_sent_at = ${now.toISOString()}::timestamptz
      WHERE notification_id = ${reminder.id} AND is_active
        AND (last_sent_on IS NULL OR last_sent_on < ${reminder.localDate}::date)`;
    return claimed === 1;
  }

  /** Undoes our own claim after a failed delivery, so a later run tries again the same day. */
  private async release(reminder: DueReminder, now: Date): Promise<void> {
    await this.deps.prisma.$executeRaw`
      UPDATE notifications
      SET last_sent_on = ${reminder.previousSentOn}::date,
          last_sent_at = ${reminder.previousSentAt?.toISOString() ?? null}::timestamptz
      WHERE notification_id = ${reminder.id}
        AND last_sent_on = ${reminder.localDate}::date AND last_sent_at = ${now.toISOString()}::timestamptz`;
  }
}
