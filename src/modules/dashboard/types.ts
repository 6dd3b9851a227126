import { Field, Float, Int } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, type LocalDate, TimeZoneScalar } from '../../lib/scalars';
import { DeedCategory } from '../deeds/enums';
import { UserProfile } from '../users/types';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * The dashboard is a computed value object (CONTRACT.md sections 1 and 7). Its records are
 * plain JSON (decimals as strings, instants as ISO strings) because they are cached as-is;
 * the Decimal and DateTime scalars serialise those strings.
 */

export interface DailyStatRecord {
  date: LocalDate;
  entryCount: number;
  /** Decimal with 2 places, e.g. "12.50". */
  countSum: string;
  averageScaleScore: number | null;
}

export interface CategoryStatsRecord {
  category: DeedCategory;
  entryCount: number;
  scaleEntryCount: number;
  countEntryCount: number;
  countSum: string;
  activeDays: number;
  averageEntriesPerDay: string;
  averageCountPerDay: string;
  averageScaleScore: number | null;
  series: DailyStatRecord[];
}

export interface DashboardRecord {
  /** Decimal string: bigint does not survive JSON. */
  ownerId: string;
  days: number;
  dateFrom: LocalDate;
  dateTo: LocalDate;
  timezone: string;
  /** ISO instant. */
  generatedAt: string;
  categories: CategoryStatsRecord[];
}

@ApiObjectType('DailyStat', { description: "One day of a category's time series." })
export class DailyStat {
  @Field(() => DateScalar, { description: 'The day.' })
  date!: LocalDate;

  @Field(() => Int, { description: 'Number of entries that day.' })
  entryCount!: number;

  @Field(() => DecimalScalar, { description: 'SUM of count values that day.' })
  countSum!: string;

  @Field(() => Float, { nullable: true, description: 'Mean normalised scale score (0–1) that day; null if no scale entries.' })
  averageScaleScore!: number | null;
}

@ApiObjectType('CategoryStats', { description: 'Totals, averages and daily series for one category.' })
export class CategoryStats {
  @Field(() => DeedCategory, { description: 'The category.' })
  category!: DeedCategory;

  @Field(() => Int, { description: 'Number of entries in the window.' })
  entryCount!: number;

  @Field(() => Int, { description: 'Number of scale-based entries.' })
  scaleEntryCount!: number;

  @Field(() => Int, { description: 'Number of count-based entries.' })
  countEntryCount!: number;

  @Field(() => DecimalScalar, { description: 'SUM of count values of count-based entries.' })
  countSum!: string;

  @Field(() => Int, { description: 'Number of days with at least one entry.' })
  activeDays!: number;

  @Field(() => DecimalScalar, { description: 'entryCount / days.' })
  averageEntriesPerDay!: string;

  @Field(() => DecimalScalar, { description: 'countSum / days.' })
  averageCountPerDay!: string;

  @Field(() => Float, { nullable: true, description: 'Mean normalised scale score (0–1) of scale entries; null if none.' })
  averageScaleScore!: number | null;

  @Field(() => [DailyStat], { description: 'One point per day from dateFrom to dateTo, zero-filled.' })
  series!: DailyStat[];
}

@ApiObjectType('Dashboard', { description: "Aggregates of the owner's live entries over the last N days (a computed value, no id)." })
export class Dashboard {
  /** Resolved from `ownerId` through the userProfiles loader (see the resolver). */
  @Field(() => UserProfile, { description: 'Whose entries are aggregated.' })
  owner?: UserProfile;

  ownerId!: bigint;

  @Field(() => Int, { description: 'Window length in days, including today.' })
  days!: number;

  @Field(() => DateScalar, { description: "First day of the window (owner's timezone)." })
  dateFrom!: LocalDate;

  @Field(() => DateScalar, { description: "Last day of the window: today in the owner's timezone." })
  dateTo!: LocalDate;

  @Field(() => TimeZoneScalar, { description: 'Timezone used to compute the window.' })
  timezone!: string;

  @Field(() => DateTimeScalar, { description: 'When the aggregate was computed (may be up to 5 minutes old).' })
  generatedAt!: Date;

  @Field(() => [CategoryStats], { description: 'One block per category: HASANAAT then SAIYYIAAT, always both.' })
  categories!: CategoryStats[];
}

export function dashboardFromRecord(record: DashboardRecord): Dashboard {
  return {
    ownerId: BigInt(record.ownerId),
    days: record.days,
    dateFrom: record.dateFrom,
    dateTo: record.dateTo,
    timezone: record.timezone,
    generatedAt: new Date(record.generatedAt),
    categories: record.categories,
  };
}
