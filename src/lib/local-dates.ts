/** Internal form of a `Date` scalar: the calendar day as `YYYY-MM-DD`. */
export type LocalDate = string;
/** Internal form of a `LocalTime` scalar: `HH:MM`. */
export type LocalTimeString = string;

const DAY_MS = 86_400_000;

/**
 * One formatter per time zone: building an Intl.DateTimeFormat is the expensive part of
 * reading a wall-clock date, and every dashboard, entry and reminder asks for one. Only
 * zones the runtime accepts are kept, so the map is bounded by the IANA database.
 */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new Error(`Unknown time zone ${timeZone}`);
    }
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The last answer per time zone, by UTC minute: every zone's offset is a whole number of
 * minutes, so a zone's date cannot change within one, and formatToParts is the expensive
 * part of `me`, dashboards and entry checks.
 */
const MINUTE_MS = 60_000;
const todayByZone = new Map<string, { minute: number; date: LocalDate }>();

/** Today's calendar date in `timeZone` (an IANA name), as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  const known = todayByZone.get(timeZone);
  if (known?.minute === minute) return known.date;
  const date = formatLocalDate(timeZone, now);
  todayByZone.set(timeZone, { minute, date });
  return date;
}

function formatLocalDate(timeZone: string, now: Date): LocalDate {
  let year = '';
  let month = '';
  let day = '';
  for (const part of dateFormatter(timeZone).formatToParts(now)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2025-03-01 → 2025-03-02 is 1. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateColumnValue(to).getTime() - dateColumnValue(from).getTime()) / DAY_MS);
}

/** The value Prisma writes to a DATE column for a calendar day: UTC midnight of that day. */
export function dateColumnValue(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

// Days formatted before, by time value: a page of entries names a handful of days a hundred
// times, and a lookup costs a sixth of formatting, with nothing allocated.
const formattedDays = new Map<number, LocalDate>();
const FORMATTED_DAYS_MAX = 4096;

/**
 * The calendar day of a DATE column value (Prisma reads it as UTC midnight), `YYYY-MM-DD`:
 * from the UTC fields, a sixth of toISOString's cost (a page of entries formats hundreds).
 */
export function localDateOf(value: Date): LocalDate {
  const time = value.getTime();
  let day = formattedDays.get(time);
  if (day === undefined) {
    day = formatDay(value);
    if (formattedDays.size >= FORMATTED_DAYS_MAX) formattedDays.clear();
    formattedDays.set(time, day);
  }
  return day;
}

function formatDay(value: Date): LocalDate {
  const year = value.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return value.toISOString().slice(0, 10);
  return `${year}-${twoDigits(value.getUTCMonth() + 1)}-${twoDigits(value.getUTCDate())}`;
}

/** The value Prisma writes to a TIME column for a wall-clock `HH:MM`: that time on 1970-01-01 UTC. */
export function timeColumnValue(time: LocalTimeString): Date {
  return new Date(`1970-01-01T${time}:00.000Z`);
}

/** `count` calendar days from `date` on, `date` first (one parse for all: a dashboard's series). */
export function consecutiveDays(date: LocalDate, count: number): LocalDate[] {
  const first = dateColumnValue(date).getTime();
  return Array.from({ length: count }, (_, i) => localDateOf(new Date(first + i * DAY_MS)));
}

/** The calendar day `days` after `date` (before it when negative). UTC days have no DST gaps. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(new Date(dateColumnValue(date).getTime() + days * DAY_MS));
}
