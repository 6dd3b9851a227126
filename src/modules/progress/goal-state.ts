import { Decimal } from '@prisma/client/runtime/client';
import { addDays, localDateOf, todayIn } from '../../lib/local-dates';
import type { LocalDate } from '../../lib/scalars';
import { CompletionLogic, GoalStatus } from './enums';
import type { GoalProgress, ItemProgress, MeritRecord, TargetRecord } from './types';

/**
 * The arithmetic of CONTRACT.md section 6 over amounts PostgreSQL already aggregated
 * (progress-sql.ts): item and goal progress, windows and the derived status. Pure functions,
 * shared by the read path, the completion checker and the backstop job.
 */

const HUNDRED = new Decimal(100);

/** Percents are rounded half-up to 2 decimals, like every other derived number of the API. */
function roundPercent(value: Decimal): number {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export function itemProgress(required: Decimal, achieved: Decimal): ItemProgress {
  const ratio = achieved.div(required).mul(HUNDRED);
  return {
    achieved,
    required,
    percent: roundPercent(Decimal.min(HUNDRED, ratio)),
    complete: achieved.gte(required),
  };
}

/**
 * ALL: complete when every item is, percent = mean of the item percents; ANY: complete when
 * one is, percent = the highest. The mean is taken over the item percents as reported, so a
 * client can reproduce it from the items.
 */
export function goalProgress(logic: CompletionLogic, items: readonly ItemProgress[]): GoalProgress {
  const completedItemCount = items.filter((item) => item.complete).length;
  const itemCount = items.length;
  if (itemCount === 0) return { complete: false, completedItemCount, itemCount, percent: 0 };
  const percents = items.map((item) => new Decimal(item.percent));
  if (logic === CompletionLogic.ALL) {
    const sum = percents.reduce((a, b) => a.add(b), new Decimal(0));
    return { complete: completedItemCount === itemCount, completedItemCount, itemCount, percent: roundPercent(sum.div(itemCount)) };
  }
  return { complete: completedItemCount > 0, completedItemCount, itemCount, percent: roundPercent(Decimal.max(...percents)) };
}

/** Last day of a merit's window: startDate + durationDays − 1; null when open-ended. */
export function meritEndDate(merit: Pick<MeritRecord, 'startDate' | 'durationDays'>): LocalDate | null {
  return merit.durationDays === null ? null : addDays(localDateOf(merit.startDate), merit.durationDays - 1);
}

export interface GoalWindow {
  first: LocalDate;
  /** null: open-ended. */
  last: LocalDate | null;
}

export function meritWindow(merit: Pick<MeritRecord, 'startDate' | 'durationDays'>): GoalWindow {
  return { first: localDateOf(merit.startDate), last: meritEndDate(merit) };
}

export function targetWindow(target: Pick<TargetRecord, 'startDate' | 'endDate'>): GoalWindow {
  return { first: localDateOf(target.startDate), last: localDateOf(target.endDate) };
}

/** Precedence as the contract lists it: completed, paused, not started, expired, in progress. */
export function goalStatus(
  goal: { completedAt: Date | null; isActive: boolean },
  window: GoalWindow,
  today: LocalDate,
): GoalStatus {
  if (goal.completedAt) return GoalStatus.COMPLETED;
  if (!goal.isActive) return GoalStatus.PAUSED;
  if (today < window.first) return GoalStatus.NOT_STARTED;
  if (window.last !== null && window.last < today) return GoalStatus.EXPIRED;
  return GoalStatus.IN_PROGRESS;
}

/** The rows whose derived status is one of `statuses` (all of them when none is given). */
export function withStatuses<Row extends { completedAt: Date | null; isActive: boolean }>(
  rows: Row[],
  statuses: readonly GoalStatus[] | null | undefined,
  timezone: string,
  windowOf: (row: Row) => GoalWindow,
): Row[] {
  if (!statuses?.length) return rows;
  const today = todayIn(timezone);
  return rows.filter((row) => statuses.includes(goalStatus(row, windowOf(row), today)));
}
