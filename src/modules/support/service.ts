import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { invalidField, notFound } from '../../lib/errors';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor } from '../../lib/keyset-cursor';
import { type Connection, connectionFromRows, pageSize } from '../../lib/pagination';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { SupportMessageSender } from './enums';
import type { SendSupportMessageInput, SupportMessageFilter } from './inputs';
import type { SupportMessageRecord } from './types';

export const MESSAGE_FIELDS = {
  id: true,
  sender: true,
  subject: true,
  content: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.MessageSelect;

type MessageRow = SupportMessageRecord & { cursorTime: string };

/**
 * The viewer's support conversation: never shared with other users, so every query is scoped
 * by the permission authority's owner-only rules (support staff read it through the desk,
 * once the authority agreed they are staff).
 */
export class SupportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  /** A message from the user; it reopens their thread if support had resolved it. */
  async send(actor: Actor, input: SendSupportMessageInput): Promise<SupportMessageRecord> {
    const own = actor.authority.ownRowsWhere();
    return this.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          ...own,
          sender: SupportMessageSender.USER,
          subject: input.subject?.trim() ?? null,
          content: input.content.trim(),
        },
        select: MESSAGE_FIELDS,
      });
      await tx.supportThread.updateMany({
        where: { ...own, resolvedAt: { not: null } },
        data: { resolvedAt: null, resolvedByUserId: null },
      });
      return message;
    });
  }

  /**
   * Sets readAt on a message from support, once: marking it again keeps the first time.
   * The viewer's own messages are refused as bad input (the argument must name a message
   * from support); other users' messages are not found.
   */
  async markRead(actor: Actor, messageId: bigint, now = new Date()): Promise<SupportMessageRecord> {
    const message = await this.prisma.message.findFirst({
      where: { id: messageId, ...actor.authority.ownRowsWhere(), deletedAt: null },
      select: MESSAGE_FIELDS,
    });
    if (!message) throw notFound('Support message');
    if (message.sender !== SupportMessageSender.SUPPORT) {
      throw invalidField(['input', 'messageId'], 'Only messages from support can be marked as read', 'fromSupport');
    }
    if (message.readAt) return message;
    await this.prisma.message.updateMany({ where: { id: messageId, readAt: null }, data: { readAt: now } });
    await this.afterWrite.forget(actor, { supportThreadsOf: [actor.viewerId] });
    return this.prisma.message.findUniqueOrThrow({ where: { id: messageId }, select: MESSAGE_FIELDS });
  }

  /** Newest first (created_at, then id). */
  async list(
    actor: Actor,
    filter: SupportMessageFilter | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<SupportMessageRecord>> {
    return this.listFor(actor.authority.ownDataOwnerId(), filter, args);
  }

  /** One user's conversation (the user's own view, or support staff's once the authority agreed). */
  async listFor(
    userId: bigint,
    filter: SupportMessageFilter | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<SupportMessageRecord>> {
    const first = pageSize(args.first);
    const position = args.after != null ? decodeTimeIdCursor(args.after) : null;
    const conditions = [Prisma.sql`m.user_id = ${userId}`, Prisma.sql`m.deleted_at IS NULL`];
    if (filter?.unreadOnly) {
      conditions.push(Prisma.sql`m.sender = 'SUPPORT'::message_sender_enum`, Prisma.sql`m.read_at IS NULL`);
    }
    const where = Prisma.join(conditions, ' AND ');
    const createdAt = Prisma.raw('m.created_at');
    const [rows, [count]] = await Promise.all([
      this.prisma.$queryRaw<MessageRow[]>`
        SELECT m.message_id AS "id", m.sender::text AS "sender", m.subject, m.content,
               m.read_at AS "readAt", m.created_at AS "createdAt", ${cursorTimeOf(createdAt)} AS "cursorTime"
        FROM messages m
        WHERE ${where} ${afterTimeIdCursor(createdAt, Prisma.raw('m.message_id'), position)}
        ORDER BY m.created_at DESC, m.message_id DESC
        LIMIT ${first + 1}`,
      this.prisma.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM messages m WHERE ${where}`,
    ]);
    return connectionFromRows(rows, {
      first,
      after: args.after,
      totalCount: count?.total ?? 0,
      cursorOf: (row) => encodeTimeIdCursor({ time: row.cursorTime, id: row.id }),
    });
  }
}
