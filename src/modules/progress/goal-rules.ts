import type { Prisma } from '../../generated/prisma/client';
import { invalidField } from '../../lib/errors';
import { daysBetween, localDateOf } from '../../lib/local-dates';
import type { LocalDate } from '../../lib/scalars';
import { MAX_WINDOW_DAYS } from './limits';
import type { MeritRecord, TargetRecord } from './types';

/** Window rules and write helpers shared by the merit and target services. */

type Tx = Prisma.TransactionClient;
type Path = ReadonlyArray<string | number>;

/** The Date scalar reads 4-digit years, so a window must end by then too. */
const LAST_REPRESENTABLE_DAY = '9999-12-31';

/** A merit window: its last day must still be a date the API can show. */
export function checkMeritWindow(startDate: LocalDate, durationDays: number | null, path: Path): void {
  if (durationDays !== null && durationDays - 1 > daysBetween(startDate, LAST_REPRESENTABLE_DAY)) {
    throw invalidField(path, `the window must end by ${LAST_REPRESENTABLE_DAY}`, 'max');
  }
}

/** A target range: endDate >= startDate, at most MAX_WINDOW_DAYS days inclusive. */
export function checkTargetRange(startDate: LocalDate, endDate: LocalDate, path: Path): void {
  if (endDate < startDate) throw invalidField(path, 'must not be before startDate', 'min');
  if (daysBetween(startDate, endDate) + 1 > MAX_WINDOW_DAYS) {
    throw invalidField(path, `the range must be at most ${MAX_WINDOW_DAYS} days`, 'maxRange');
  }
}

/**
 * Serialises changes to one user's goal lists (the live-count limits). Locks the user row
 * FOR NO KEY UPDATE, so rows referencing the user (entries, ...) can still be inserted.
 */
export async function lockGoalOwner(tx: Tx, userId: bigint): Promise<void> {
  await tx.$queryRaw`SELECT user_id FROM users WHERE user_id = ${userId} FOR NO KEY UPDATE`;
}

/** The fields an audit row records for a merit. */
export function auditedMerit(merit: MeritRecord) {
  const { deedId, name, description, completionLogic, durationDays, isActive } = merit;
  return { deedId, name, description, completionLogic, startDate: localDateOf(merit.startDate), durationDays, isActive };
}

/** The fields an audit row records for a target. */
export function auditedTarget(target: TargetRecord) {
  const { name, description, completionLogic, isActive } = target;
  return {
    name,
    description,
    completionLogic,
    startDate: localDateOf(target.startDate),
    endDate: localDateOf(target.endDate),
    isActive,
  };
}
