import type { EventBus } from '../../events';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { notFound } from '../../lib/errors';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor } from '../../lib/keyset-cursor';
import type { Logger } from '../../lib/logger';
import { connectionFromRows, pageSize, type Connection } from '../../lib/pagination';
import type { Mailer } from '../../mail';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import type { SupportInboxFilter, ReplyToSupportMessageInput } from './desk-inputs';
import { SupportThreadStatus, type SupportThreadRecord } from './desk-types';
import { SupportMessageSender } from './enums';
import { MESSAGE_FIELDS } from './service';
import { supportReplyTopic } from './support-events';
import type { SupportMessageRecord } from './types';

interface ThreadRow {
  id: bigint;
  lastMessageAt: Date;
  unreadCount: number;
  resolvedAt: Date | null;
  cursorTime: string;
}

/**
 * The support staff's side of support conversations. Callers have asked the authority
 * (`requireSupportStaff`) first. Threads are users with live messages; deleted accounts'
 * threads are gone. Audit rows name the thread by id only (never message text) and have no
 * subject user, so the user's own audit list does not show staff activity.
 */
export class SupportDeskService {
  constructor(
    private readonly deps: { prisma: PrismaClient; mailer: Mailer; events: EventBus; logger: Logger; afterWrite: AfterWrite },
  ) {}

  /** Threads, newest message first (then user id). */
  async inbox(filter: SupportInboxFilter | null | undefined, args: { first?: number | null; after?: string | null }): Promise<Connection<SupportThreadRecord>> {
    const first = pageSize(args.first);
    const position = args.after != null ? decodeTimeIdCursor(args.after) : null;
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (filter?.status === SupportThreadStatus.RESOLVED) conditions.push(Prisma.sql`t."resolvedAt" IS NOT NULL`);
    if (filter?.status === SupportThreadStatus.OPEN) conditions.push(Prisma.sql`t."resolvedAt" IS NULL`);
    if (filter?.unreadOnly) conditions.push(Prisma.sql`t."unreadCount" > 0`);
    const where = Prisma.join(conditions, ' AND ');
    const rows = await this.deps.prisma.$queryRaw<Array<ThreadRow & { total: number }>>`
      WITH t AS (${this.threads(null)})
      SELECT counted.total, p.* FROM (SELECT count(*)::int AS total FROM t WHERE ${where}) counted
      LEFT JOIN LATERAL (
        SELECT t.*, ${cursorTimeOf(Prisma.raw('t."lastMessageAt"'))} AS "cursorTime" FROM t
        WHERE ${where} ${afterTimeIdCursor(Prisma.raw('t."lastMessageAt"'), Prisma.raw('t.id'), position)}
        ORDER BY t."lastMessageAt" DESC, t.id DESC
        LIMIT ${first + 1}
      ) p ON TRUE`;
    const page = rows.filter((row) => row.id !== null);
    return connectionFromRows(page.map(threadFromRow), {
      first,
      after: args.after,
      totalCount: rows[0]?.total ?? 0,
      cursorOf: (thread) => encodeTimeIdCursor({ time: page.find((row) => row.id === thread.id)!.cursorTime, id: thread.id }),
    });
  }

  /** One thread, or NOT_FOUND when the user has no live messages (or no live account). */
  async thread(userId: bigint): Promise<SupportThreadRecord> {
    const rows = await this.deps.prisma.$queryRaw<ThreadRow[]>`${this.threads(userId)}`;
    if (!rows[0]) throw notFound('Support thread');
    return threadFromRow(rows[0]);
  }

  /** Support reads a thread's messages: audited, once per request. */
  async recordView(staff: Actor, userId: bigint): Promise<void> {
    await writeAudit(this.deps.prisma, staff.origin, {
      action: 'SUPPORT_THREAD_VIEWED',
      entityType: 'SUPPORT_THREAD',
      entityId: userId,
      actorId: staff.viewerId,
    });
  }

  /**
   * A SUPPORT message in the user's thread. In one transaction: the reply, the user's unread
   * messages marked read by support, the audit row. After commit: the SUPPORT_REPLY email and
   * the `supportMessageReceived` event.
   */
  async reply(staff: Actor, input: ReplyToSupportMessageInput, now = new Date()): Promise<{ message: SupportMessageRecord; thread: SupportThreadRecord }> {
    const user = await this.deps.prisma.user.findFirst({
      where: { id: input.threadId, deletedAt: null },
      select: { id: true, email: true, fullName: true },
    });
    await this.thread(input.threadId);
    if (!user) throw notFound('Support thread');
    const message = await this.deps.prisma.$transaction(async (tx) => {
      const created = await tx.message.create({
        data: { userId: user.id, sender: SupportMessageSender.SUPPORT, subject: input.subject?.trim() ?? null, content: input.content.trim() },
        select: MESSAGE_FIELDS,
      });
      await tx.message.updateMany({
        where: { userId: user.id, sender: SupportMessageSender.USER, readAt: null, deletedAt: null },
        data: { readAt: now },
      });
      await writeAudit(tx, staff.origin, {
        action: 'SUPPORT_REPLIED',
        entityType: 'SUPPORT_THREAD',
        entityId: user.id,
        actorId: staff.viewerId,
        newValues: { messageId: created.id },
      });
      return created;
    });
    await this.deps.afterWrite.forget(staff, { supportThreadsOf: [user.id] });
    this.deps.events.publish(supportReplyTopic(user.id), { messageId: message.id.toString() });
    await this.deps.mailer
      .send({
        kind: 'SUPPORT_REPLY',
        to: user.email,
        subject: message.subject ? `Kitaab support: ${message.subject}` : 'Kitaab support replied',
        text: `Assalamu alaikum ${user.fullName},\n\nKitaab support replied to your message:\n\n${message.content}\n\nOpen the app to answer.`,
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error, messageId: message.id.toString() }, 'support reply email failed'));
    return { message, thread: await this.thread(user.id) };
  }

  /** Marks the thread resolved (RESOLVED) or open again; idempotent, audited when the state changes. */
  async setStatus(staff: Actor, userId: bigint, status: SupportThreadStatus, now = new Date()): Promise<SupportThreadRecord> {
    const before = await this.thread(userId);
    if (before.status === status) return before;
    const resolved = status === SupportThreadStatus.RESOLVED;
    await this.deps.prisma.$transaction(async (tx) => {
      const state = { resolvedAt: resolved ? now : null, resolvedByUserId: resolved ? staff.viewerId : null };
      await tx.supportThread.upsert({ where: { userId }, create: { userId, ...state }, update: state });
      await writeAudit(tx, staff.origin, {
        action: resolved ? 'SUPPORT_THREAD_RESOLVED' : 'SUPPORT_THREAD_REOPENED',
        entityType: 'SUPPORT_THREAD',
        entityId: userId,
        actorId: staff.viewerId,
        oldValues: { status: before.status },
        newValues: { status },
      });
    });
    return this.thread(userId);
  }

  /** Every thread (or one user's): users with live messages and a live account. */
  private threads(userId: bigint | null): Prisma.Sql {
    const one = userId === null ? Prisma.empty : Prisma.sql`AND m.user_id = ${userId}`;
    return Prisma.sql`
      SELECT m.user_id AS id, max(m.created_at) AS "lastMessageAt",
             (count(*) FILTER (WHERE m.sender = 'USER' AND m.read_at IS NULL))::int AS "unreadCount",
             st.resolved_at AS "resolvedAt"
      FROM messages m
      JOIN users u ON u.user_id = m.user_id AND u.deleted_at IS NULL
      LEFT JOIN support_threads st ON st.user_id = m.user_id
      WHERE m.deleted_at IS NULL ${one}
      GROUP BY m.user_id, st.resolved_at`;
  }
}

function threadFromRow(row: ThreadRow): SupportThreadRecord {
  return {
    id: row.id,
    status: row.resolvedAt ? SupportThreadStatus.RESOLVED : SupportThreadStatus.OPEN,
    resolvedAt: row.resolvedAt,
    lastMessageAt: row.lastMessageAt,
    unreadCount: row.unreadCount,
  };
}
