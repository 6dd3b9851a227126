import { DateTime } from 'luxon';
import type { LocalDate } from './scalars';

/** Today's calendar date in `timeZone` (an IANA name), as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new Error(`Unknown time zone ${timeZone}`);
  return local.toISODate();
}
