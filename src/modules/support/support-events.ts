import type { EventBus, EventMessage } from '../../events';
import type { PrismaClient } from '../../generated/prisma/client';
import { EventQueue, mapAsyncIterable, SKIP } from '../../lib/async-iterables';
import type { Logger } from '../../lib/logger';
import type { Actor } from '../context-types';
import { SupportMessageSender } from './enums';
import { MESSAGE_FIELDS } from './service';
import type { SupportMessageRecord } from './types';

/** The event bus topic of support replies to one user (`supportMessageReceived`). */
export const supportReplyTopic = (userId: bigint): string => `supportMessageReceived:${userId}`;

/** A subscriber this many events behind loses the oldest ones. */
const MAX_UNDELIVERED_EVENTS = 1_000;

/**
 * `supportMessageReceived`: replies from support to the viewer, as they are committed. Each
 * event carries the message id only; the row is re-read on delivery and must still be the
 * viewer's live SUPPORT message.
 */
export class SupportEvents {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly events: EventBus,
  ) {}

  received(actor: Actor, logger: Logger): AsyncIterableIterator<SupportMessageRecord> {
    const own = actor.authority.ownRowsWhere();
    const topic = supportReplyTopic(own.userId);
    let unsubscribe = (): void => {};
    const queue = new EventQueue<EventMessage>(
      () => unsubscribe(),
      MAX_UNDELIVERED_EVENTS,
      () => logger.warn({ topic }, 'subscriber too far behind: oldest event dropped'),
    );
    unsubscribe = this.events.subscribe(topic, (message) => queue.push(message));
    return mapAsyncIterable(queue, async (message) => {
      const row = await this.prisma.message.findFirst({
        where: { id: BigInt(message.messageId!), ...own, sender: SupportMessageSender.SUPPORT, deletedAt: null },
        select: MESSAGE_FIELDS,
      });
      return row ?? SKIP;
    });
  }
}
