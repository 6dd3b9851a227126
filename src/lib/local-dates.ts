import { DateTime } from 'luxon';
import type { LocalDate, LocalTimeString } from './scalars';

/** Today's calendar date in `timeZone` (an IANA name), as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`Unknown time zone ${timeZone}`);
  return local.toISODate();
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2025-03-01 → 2025-03-02 is 1. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
}

/** The value Prisma writes to a DATE column for a calendar day: UTC midnight of that day. */
export function dateColumnValue(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The value Prisma writes to a TIME column for a wall-clock `HH:MM`: that time on 1970-01-01 UTC. */
export function timeColumnValue(time: LocalTimeString): Date {
  return new Date(`1970-01-01T${time}:00.000Z`);
}

/** The calendar day `days` after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}
