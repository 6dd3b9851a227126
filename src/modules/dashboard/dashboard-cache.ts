import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Cache } from '../../cache';
import type { Logger } from '../../lib/logger';
import type { DashboardRecord } from './types';

/** Cached dashboards live this long at most (CONTRACT.md section 7). */
export const DASHBOARD_TTL_SECONDS = 5 * 60;

// Outlives every dashboard cached under it by far: a generation that expires can only turn a
// hit into a miss, never serve an older value.
const GENERATION_TTL_SECONDS = 24 * 60 * 60;

/** What one cached dashboard is keyed by, besides its owner's generation. */
export interface DashboardKey {
  ownerId: bigint;
  /** 'owner', or a digest of the grantee's readable items. */
  scope: string;
  days: number;
  /** Part of the key so a new day or timezone never reads yesterday's window. */
  timezone: string;
  dateTo: string;
}

/** Called after a commit that changes what some owners' dashboards show. */
export interface DashboardInvalidator {
  invalidateOwner(ownerId: bigint): Promise<void>;
  invalidateOwners(ownerIds: readonly bigint[]): Promise<void>;
}

/** The texts of the views kept parsed, in characters (about bytes; the parsed values take a few times more). */
const PARSED_VIEWS_MAX_CHARACTERS = 4 * 1024 * 1024;

// An owner nobody invalidated yet.
const INITIAL = 'initial';

// The generation used when the cache cannot be asked: the read computes and stores nothing.
const UNAVAILABLE = 'unavailable-';

const ownerTag = (ownerId: bigint) => `dashboard:${ownerId}`;
const generationKey = (ownerId: bigint) => `dashboard-generation:${ownerId}`;

/**
 * Dashboards in the shared cache (Redis, or in-process without REDIS_URL). Every key of an
 * owner carries the owner's tag, and invalidation drops the tag. It also moves the owner to
 * a new generation that is part of every key: a read that computed its numbers before a
 * write committed and stores them after the invalidation writes under the old generation,
 * which the next read no longer looks at. The cache is optional: when it fails, reads
 * compute and invalidation is logged.
 */
export class DashboardCache implements DashboardInvalidator {
  /**
   * The view last parsed for each view key, with its stored text: the same text (same bytes
   * from the cache) is the same view, so a cached dashboard read again is not parsed again
   * (parsing and collecting the ~260 values was a tenth of a cached read's CPU). Keyed by the
   * short view key and compared by text: hashing each read's 6 kB text cost half of what
   * parsing it did. Frozen: every request that reads the text shares the object.
   */
  private readonly views = new LRUCache<string, { text: string; view: StoredView }>({
    maxSize: PARSED_VIEWS_MAX_CHARACTERS,
    sizeCalculation: ({ text }) => text.length,
  });

  constructor(
    private readonly cache: Cache,
    private readonly logger: Logger,
  ) {}

  private parsed(key: string, text: string): StoredView {
    const known = this.views.get(key);
    if (known?.text === text) return known.view;
    const view = deepFreeze(JSON.parse(text) as StoredView);
    this.views.set(key, { text, view });
    return view;
  }

  /** The owner's current generation; read BEFORE computing, and pass it to `store`. */
  async generation(ownerId: bigint): Promise<string> {
    try {
      return (await this.cache.get<string>(generationKey(ownerId))) ?? INITIAL;
    } catch (error) {
      this.logger.warn({ err: error }, 'dashboard cache unavailable (generation)');
      // A fresh value: nothing stored under it can be read back by anyone else.
      return `${UNAVAILABLE}${randomUUID()}`;
    }
  }

  async load(key: DashboardKey, generation: string): Promise<DashboardRecord | undefined> {
    if (generation.startsWith(UNAVAILABLE)) return undefined;
    try {
      return current(await this.cache.get<StoredView>(viewKey(key)), generation);
    } catch (error) {
      this.logger.warn({ err: error }, 'dashboard cache unavailable (read)');
      return undefined;
    }
  }

  /**
   * The owner's generation and the view cached under it, in one round trip: the value keeps
   * the generation it was computed under, so its key does not depend on the generation.
   */
  async lookup(key: DashboardKey): Promise<{ generation: string; cached: DashboardRecord | undefined }> {
    try {
      const viewId = viewKey(key);
      const [generation, stored] = await this.cache.getManyText([generationKey(key.ownerId), viewId]);
      const parsedGeneration: unknown = generation === undefined ? undefined : JSON.parse(generation);
      const ownerGeneration = typeof parsedGeneration === 'string' ? parsedGeneration : INITIAL;
      return { generation: ownerGeneration, cached: current(stored === undefined ? undefined : this.parsed(viewId, stored), ownerGeneration) };
    } catch (error) {
      this.logger.warn({ err: error }, 'dashboard cache unavailable (lookup)');
      return { generation: `${UNAVAILABLE}${randomUUID()}`, cached: undefined };
    }
  }

  async store(key: DashboardKey, generation: string, dashboard: DashboardRecord): Promise<void> {
    if (generation.startsWith(UNAVAILABLE)) return;
    try {
      const stored: StoredView = { generation, dashboard };
      await this.cache.set(viewKey(key), stored, {
        ttlSeconds: DASHBOARD_TTL_SECONDS,
        tags: [ownerTag(key.ownerId)],
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'dashboard cache unavailable (write)');
    }
  }

  async invalidateOwners(ownerIds: readonly bigint[]): Promise<void> {
    const owners = [...new Set(ownerIds)];
    if (owners.length === 0) return;
    try {
      await Promise.all([
        ...owners.map((ownerId) =>
          this.cache.set(generationKey(ownerId), randomUUID(), { ttlSeconds: GENERATION_TTL_SECONDS }),
        ),
        this.cache.invalidateTags(owners.map(ownerTag)),
      ]);
    } catch (error) {
      this.logger.error({ err: error, ownerIds: owners.map(String) }, 'dashboard cache invalidation failed');
    }
  }

  invalidateOwner(ownerId: bigint): Promise<void> {
    return this.invalidateOwners([ownerId]);
  }
}

/** Where a view is cached (whatever its generation). */
export function viewKey(key: DashboardKey): string {
  return ['dashboard', key.ownerId, key.scope, key.days, key.timezone, key.dateTo].join(':');
}

/** A cached view with the owner's generation it was computed under. */
interface StoredView {
  generation: string;
  dashboard: DashboardRecord;
}

/** The stored view only if it was computed under the owner's current generation. */
function current(stored: StoredView | undefined, generation: string): DashboardRecord | undefined {
  return stored?.generation === generation ? stored.dashboard : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
