import { Prisma } from '../generated/prisma/client';

/** A `bigint[]` parameter for `= ANY(...)` in raw SQL (ids are sent as decimal strings). */
export function bigintArray(ids: readonly bigint[]): Prisma.Sql {
  return Prisma.sql`${ids.map(String)}::bigint[]`;
}

/**
 * `column = $1` for one id, `column = ANY($1::bigint[])` for more. A prepared statement
 * (`PREPARED`) with a scalar parameter gets PostgreSQL's cached generic plan; with an array
 * parameter it is planned again on every call (the array's length changes the estimates), and
 * for the one id of an entry write that planning cost more than running the statement.
 */
export function idIn(column: string, ids: readonly bigint[]): Prisma.Sql {
  return ids.length === 1
    ? Prisma.sql`${Prisma.raw(column)} = ${ids[0]}`
    : Prisma.sql`${Prisma.raw(column)} = ANY(${bigintArray(ids)})`;
}
