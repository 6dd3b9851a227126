import { LRUCache } from 'lru-cache';
import type { EventBus } from '../../events';
import type { PrismaClient, User as UserRecord } from '../../generated/prisma/client';

/** The event every instance hears when a user row changed (profile, password, deletion, role...). */
export const USER_CHANGED_TOPIC = 'user.changed';

export interface LiveUsersOptions {
  /** VIEWER_CACHE_SECONDS: how long a row may serve without being read again; 0 turns the cache off. */
  ttlSeconds: number;
  /** How many users' rows are kept at most (least recently used leave first). */
  max?: number;
}

interface CachedRow {
  row: UserRecord;
  /** The event bus' receivingSince() when the row was read. */
  receivingSince: number;
}

/**
 * Live user rows by id, kept across requests: every authenticated request looks its viewer
 * up, and that database round trip was over half of the CPU of a request like `me` (the
 * statement's socket write, Prisma and pg). A row is dropped the moment a change is
 * announced on the event bus (`changed`, called by every writer of the users table once its
 * transaction committed): at once in the writing instance, and in the others as soon as
 * Redis delivers the message. While messages from other instances are not arriving (Redis
 * unreachable) nothing is served from here, and rows read before a reconnect are not
 * trusted after it, so a change missed during an outage cannot keep a revoked token alive.
 * The TTL bounds how long a change made outside the server (SQL by hand) goes unseen.
 */
export class LiveUsers {
  private readonly rows: LRUCache<bigint, CachedRow> | null;
  /** Counts changes heard, so a read that raced with one is not kept (it may predate the commit). */
  private changesHeard = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly events: EventBus,
    options: LiveUsersOptions,
  ) {
    this.rows = options.ttlSeconds > 0 ? new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlSeconds * 1000 }) : null;
    events.subscribe(USER_CHANGED_TOPIC, (message) => {
      this.changesHeard += 1;
      const { userId } = message as { userId?: unknown };
      if (typeof userId === 'string' && /^\d+$/.test(userId)) this.rows?.delete(BigInt(userId));
      else this.rows?.clear();
    });
  }

  /**
   * The user unless missing or soft-deleted (deleted accounts cannot act or be seen). The row
   * is shared by every request that finds it here: frozen, so nobody changes it for the rest.
   */
  async find(id: bigint): Promise<UserRecord | null> {
    const receivingSince = this.events.receivingSince();
    if (this.rows && receivingSince !== null) {
      const cached = this.rows.get(id);
      if (cached && cached.receivingSince === receivingSince) return cached.row;
    }
    const changesBefore = this.changesHeard;
    const row = await this.read(id);
    if (row && this.rows && receivingSince !== null && this.changesHeard === changesBefore && this.events.receivingSince() === receivingSince) {
      this.rows.set(id, { row: Object.freeze(row), receivingSince });
    }
    return row;
  }

  /**
   * Announces a committed change to a user's row. This instance forgets the row at once; the
   * promise resolves when every other instance has forgotten it too (publishAcknowledged), so
   * a client that got the writer's answer finds no instance still trusting the old row.
   */
  changed(userId: bigint): Promise<void> {
    return this.events.publishAcknowledged(USER_CHANGED_TOPIC, { userId: String(userId) });
  }

  /**
   * findUnique, not findFirst: Prisma batches the findUnique calls of one tick into one
   * statement (requests whose viewers are not remembered), and plans it for less CPU.
   */
  private read(id: bigint): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id, deletedAt: null } });
  }
}
