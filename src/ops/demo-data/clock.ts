/**
 * Demo data never reads the wall clock: every date and timestamp is derived from one anchor
 * day, so the same options always write the same rows. Days are whole days since 1970-01-01
 * and instants whole seconds since the epoch, formatted for COPY (UTC).
 */

const SECONDS_PER_DAY = 86_400;
const dayStrings = new Map<number, string>();

export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(ms)) throw new Error(`not a date: ${isoDate}`);
  return ms / 1000 / SECONDS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day number (memoised: a year of entries formats 365 distinct days). */
export function formatDay(day: number): string {
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
    dayStrings.set(day, text);
  }
  return text;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A timestamptz literal in UTC for an instant in seconds. */
export function formatInstant(seconds: number): string {
  const day = Math.floor(seconds / SECONDS_PER_DAY);
  const rest = seconds - day * SECONDS_PER_DAY;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return `${formatDay(day)} ${pad(h)}:${pad(m)}:${pad(s)}+00`;
}

/** The instant `secondOfDay` seconds into `day` (UTC). */
export function instantOn(day: number, secondOfDay: number): number {
  return day * SECONDS_PER_DAY + Math.floor(secondOfDay);
}

/** An `HH:MM:00` TIME literal. */
export function formatTime(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}:00`;
}

/**
 * The default anchor: today at UTC−12, the earliest calendar date anywhere on Earth right now,
 * so no demo entry is dated after "today in the owner's timezone" whatever that timezone is.
 */
export function earliestTodayOnEarth(now: Date = new Date()): string {
  return new Date(now.getTime() - 12 * 3600 * 1000).toISOString().slice(0, 10);
}
