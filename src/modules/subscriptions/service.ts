import type { EventBus, EventMessage } from '../../events';
import type { PrismaClient } from '../../generated/prisma/client';
import { EventQueue, mapAsyncIterable, SKIP } from '../../lib/async-iterables';
import type { Logger } from '../../lib/logger';
import type { Actor } from '../context-types';
import type { EntriesCommitted } from '../entries/entry-events';
import { historyFromRow, type EntryHistoryRow } from '../entries/entry-store';
import { EntryChangeAction } from '../entries/enums';
import type { EntryHistoryRecord } from '../entries/types';
import type { MeritRecord } from '../progress/types';

/**
 * The events behind `Subscription` (CONTRACT.md section 10). Writers publish ids after their
 * transaction committed; each subscriber re-reads the row on delivery and sees it only if
 * its access at that moment allows, so a grant revoked mid-subscription stops the events.
 */

/** A subscriber this many events behind loses the oldest ones. */
const MAX_UNDELIVERED_EVENTS = 1_000;

const PUBLISHED_ACTIONS: ReadonlySet<EntryChangeAction> = new Set([
  EntryChangeAction.CREATED,
  EntryChangeAction.UPDATED,
  EntryChangeAction.DELETED,
  EntryChangeAction.RESTORED,
]);

export const entryTopic = (ownerId: bigint): string => `entryRecorded:${ownerId}`;
export const meritTopic = (ownerId: bigint): string => `meritCompleted:${ownerId}`;

export class SubscriptionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly events: EventBus,
  ) {}

  /** After-commit listener of every entry write. */
  publishEntryChanges(committed: EntriesCommitted): void {
    for (const { entry, change } of committed.changes) {
      if (!PUBLISHED_ACTIONS.has(change.action)) continue;
      this.events.publish(entryTopic(entry.userId), { historyId: change.id.toString(), deedItemId: entry.deedItemId.toString() });
    }
  }

  /**
   * `entryRecorded(ownerId)`: the owner's committed changes on items the subscriber can read
   * when each one is delivered. Another owner with nothing readable: NOT_FOUND, as for
   * `entries(filter: { ownerId })`.
   */
  async entryChanges(actor: Actor, logger: Logger, ownerId: bigint | null): Promise<AsyncIterableIterator<EntryHistoryRecord>> {
    const owner = ownerId ?? actor.viewerId;
    // The subscription's own authority; per-event checks ask it for conditions read fresh.
    const { authority } = actor;
    const readScope = await authority.requireReadScopeOf(owner);

    // The owner reads every change of theirs (writes to deleted items are refused), so only a
    // grantee's events need the access check. It is asked afresh for each event, inside the
    // one statement that reads the event's row: a revoke committed before it wins, and the
    // check costs no statement of its own.
    const ownChanges = readScope.owner;
    return mapAsyncIterable(this.listen(entryTopic(owner), logger), async (message) => {
      const historyId = BigInt(message.historyId!);
      if (ownChanges) return (await this.prisma.entryHistory.findUnique({ where: { id: historyId } })) ?? SKIP;
      const deedItemId = BigInt(message.deedItemId!);
      const [row] = await this.prisma.$queryRaw<EntryHistoryRow[]>`
        SELECT h.* FROM entry_history h JOIN entries e ON e.entry_id = h.entry_id
        WHERE h.entry_history_id = ${historyId} AND e.deed_item_id = ${deedItemId}
          AND ${authority.readableItemCondition(deedItemId)}`;
      return row ? historyFromRow(row) : SKIP;
    });
  }

  /** After-commit listener of goal completion (entry writes, goal writes, the backstop job). */
  publishMeritCompleted(merit: MeritRecord): void {
    this.events.publish(meritTopic(merit.userId), { meritId: merit.id.toString() });
  }

  /** `meritCompleted`: the viewer's own merits only; one deleted before delivery is left out. */
  async meritCompletions(actor: Actor, logger: Logger): Promise<AsyncIterableIterator<MeritRecord>> {
    const { viewerId } = actor;
    return mapAsyncIterable(this.listen(meritTopic(viewerId), logger), async (message) => {
      const merit = await this.prisma.merit.findUnique({ where: { id: BigInt(message.meritId!) } });
      return merit && merit.userId === viewerId && !merit.deletedAt ? merit : SKIP;
    });
  }

  private listen(topic: string, logger: Logger): EventQueue<EventMessage> {
    let unsubscribe = (): void => {};
    const queue = new EventQueue<EventMessage>(
      () => unsubscribe(),
      MAX_UNDELIVERED_EVENTS,
      () => logger.warn({ topic }, 'subscriber too far behind: oldest event dropped'),
    );
    unsubscribe = this.events.subscribe(topic, (message) => queue.push(message));
    return queue;
  }
}
