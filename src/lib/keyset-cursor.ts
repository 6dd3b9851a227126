import { DateTime } from 'luxon';
import { Prisma } from '../generated/prisma/client';
import { parseId } from './id';
import { decodeCursor, encodeCursor, invalidCursor } from './pagination';

/**
 * Cursors for lists ordered newest first by (timestamp, id). The timestamp travels to the
 * microsecond as PostgreSQL stores it: a JS Date would round it to the millisecond and make
 * a page skip or repeat rows written in the same millisecond.
 */

export interface TimeIdPosition {
  /** UTC instant with microseconds, e.g. `2025-03-01T18:30:00.123456Z`. */
  time: string;
  id: bigint;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** SELECT expression rendering a TIMESTAMPTZ column in the cursor's format. */
export function cursorTimeOf(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeTimeIdCursor(position: TimeIdPosition): string {
  return encodeCursor([position.time, position.id.toString()]);
}

/** BAD_USER_INPUT (path `after`) for anything this server did not issue. */
export function decodeTimeIdCursor(after: string): TimeIdPosition {
  const [time, rawId] = decodeCursor(after, 2) as [string, string];
  const id = parseId(rawId);
  if (!CURSOR_TIME.test(time) || !DateTime.fromISO(time, { zone: 'utc' }).isValid || id === null) throw invalidCursor();
  return { time, id };
}

/** `AND (time, id) < (cursor)`: the rows after the cursor in newest-first order; nothing without a cursor. */
export function afterTimeIdCursor(
  timeColumn: Prisma.Sql,
  idColumn: Prisma.Sql,
  position: TimeIdPosition | null,
): Prisma.Sql {
  if (!position) return Prisma.empty;
  return Prisma.sql`AND (${timeColumn}, ${idColumn}) < (${position.time}::timestamptz, ${position.id})`;
}
