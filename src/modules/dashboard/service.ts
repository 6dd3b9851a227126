import { createHash } from 'node:crypto';
import { primaryOf } from '../../db/read-routing';
import type { PrismaClient } from '../../generated/prisma/client';
import { createKeyedQueues } from '../../lib/bounded-queue';
import { invalidField, notFound, rateLimited } from '../../lib/errors';
import { addDays, consecutiveDays, todayIn } from '../../lib/local-dates';
import type { Actor } from '../context-types';
import { DeedCategory } from '../deeds/enums';
import { aggregateEntries, type AggregateRow } from './aggregates';
import { viewKey, type DashboardCache, type DashboardKey } from './dashboard-cache';
import type { CategoryStatsRecord, DailyStatRecord, DashboardRecord } from './types';

export const MIN_DASHBOARD_DAYS = 1;
export const MAX_DASHBOARD_DAYS = 365;
/**
 * Uncached dashboards one user may have computing at once in this process (a year's window
 * takes about half a second of a pooled connection); more wait for a slot in order.
 */
export const MAX_CONCURRENT_DASHBOARD_COMPUTATIONS = 2;
/**
 * Computations of one user waiting for a slot before more are refused: as many dashboards as
 * the per-user operations window admits in a minute (CONTRACT.md section 9: a dashboard
 * counts 10 of 300), so within the rate limits a user waits but is never refused.
 */
export const MAX_QUEUED_DASHBOARD_COMPUTATIONS = 30;

/** HASANAAT then SAIYYIAAT, always both (the SDL's order). */
const CATEGORY_ORDER: readonly DeedCategory[] = [DeedCategory.HASANAAT, DeedCategory.SAIYYIAAT];

/**
 * The dashboard query (CONTRACT.md section 7): the owner's window in the owner's timezone,
 * scoped to what the viewer may read, served from the cache when an identical view (owner,
 * viewer scope, days, window) was computed within 5 minutes and nothing invalidated it.
 */
export class DashboardService {
  /** Uncached computations running and waiting, by the viewer who asked. */
  private readonly computations = createKeyedQueues<bigint>(
    { concurrency: MAX_CONCURRENT_DASHBOARD_COMPUTATIONS, maxQueued: MAX_QUEUED_DASHBOARD_COMPUTATIONS },
    tooManyComputations,
  );
  /** Computations running now, by cache key and generation: identical views share one. */
  private readonly inFlight = new Map<string, Promise<DashboardRecord>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: DashboardCache,
  ) {}

  async dashboard(actor: Actor, args: { days: number; ownerId: bigint | null }): Promise<DashboardRecord> {
    const days = args.days;
    if (!Number.isInteger(days) || days < MIN_DASHBOARD_DAYS || days > MAX_DASHBOARD_DAYS) {
      throw invalidField(['days'], `days must be between ${MIN_DASHBOARD_DAYS} and ${MAX_DASHBOARD_DAYS}`, 'range');
    }
    const ownerId = args.ownerId ?? actor.viewerId;

    // The access check runs on every read, cached or not: the scope it yields is part of the key.
    const readScope = await actor.authority.requireReadScopeOf(ownerId);
    const itemIds = readScope.owner ? null : [...readScope.items.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const scope = itemIds ? scopeDigest(itemIds) : 'owner';
    const owner = await actor.loaders.userProfiles.load(ownerId);
    if (!owner) throw notFound('User');

    const dateTo = todayIn(owner.timezone);
    const dateFrom = addDays(dateTo, -(days - 1));
    const key: DashboardKey = { ownerId, scope, days, timezone: owner.timezone, dateTo };
    const { generation, cached } = await this.cache.lookup(key);
    if (cached) return cached;

    // The same view asked again while it is being computed waits for that computation: many
    // requests at once for one owner's dashboard (an app opening on many devices, a refresh
    // storm) cost one computation, and none of them is refused.
    const flightKey = `${viewKey(key)}@${generation}`;
    const inFlight = this.inFlight.get(flightKey);
    if (inFlight) return inFlight;
    const computed = this.compute(actor.viewerId, key, generation, { dateFrom, itemIds });
    this.inFlight.set(flightKey, computed);
    try {
      return await computed;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  private async compute(
    viewerId: bigint,
    key: DashboardKey,
    generation: string,
    { dateFrom, itemIds }: { dateFrom: string; itemIds: bigint[] | null },
  ): Promise<DashboardRecord> {
    const { ownerId, days, dateTo } = key;
    const { generatedAt, rows } = await this.computations.run(viewerId, async () => ({
      generatedAt: new Date(),
      // On the primary, never a lagging replica: what is computed here is cached, and a write
      // must show on the next read.
      rows: await aggregateEntries(primaryOf(this.prisma), { ownerId, dateFrom, dateTo, days, itemIds }),
    }));
    const dates = consecutiveDays(dateFrom, days);
    const dashboard: DashboardRecord = {
      ownerId: ownerId.toString(),
      days,
      dateFrom,
      dateTo,
      timezone: key.timezone,
      generatedAt: generatedAt.toISOString(),
      categories: CATEGORY_ORDER.map((category) => categoryStats(category, rows, dates)),
    };
    await this.cache.store(key, generation, dashboard);
    return dashboard;
  }
}

/** RATE_LIMITED like the section 9 windows, with its own scope; computations end soon. */
function tooManyComputations() {
  const error = rateLimited(
    1,
    `At most ${MAX_CONCURRENT_DASHBOARD_COMPUTATIONS + MAX_QUEUED_DASHBOARD_COMPUTATIONS} dashboards may be computing or waiting at once: try again in 1 s`,
  );
  error.extensions.scope = 'DASHBOARD_COMPUTATIONS';
  return error;
}

/** A grantee's view is keyed by exactly which items they can read (grants, moves, deletes). */
function scopeDigest(itemIds: readonly bigint[]): string {
  return createHash('sha256').update(itemIds.join(',')).digest('base64url').slice(0, 22);
}

function categoryStats(category: DeedCategory, rows: readonly AggregateRow[], dates: readonly string[]): CategoryStatsRecord {
  const mine = rows.filter((row) => row.category === category);
  const total = mine.find((row) => row.day === null);
  const byDay = new Map(mine.filter((row) => row.day !== null).map((row) => [row.day, row]));
  const series: DailyStatRecord[] = dates.map((date) => {
    const point = byDay.get(date);
    return {
      date,
      entryCount: point?.entryCount ?? 0,
      countSum: point?.countSum ?? '0.00',
      averageScaleScore: point?.averageScaleScore ?? null,
    };
  });
  return {
    category,
    entryCount: total?.entryCount ?? 0,
    scaleEntryCount: total?.scaleEntryCount ?? 0,
    countEntryCount: total?.countEntryCount ?? 0,
    countSum: total?.countSum ?? '0.00',
    activeDays: total?.activeDays ?? 0,
    averageEntriesPerDay: total?.averageEntriesPerDay ?? '0.00',
    averageCountPerDay: total?.averageCountPerDay ?? '0.00',
    averageScaleScore: total?.averageScaleScore ?? null,
    series,
  };
}
