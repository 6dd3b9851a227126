import { Prisma } from '../generated/prisma/client';

/** A `bigint[]` parameter for `= ANY(...)` in raw SQL (ids are sent as decimal strings). */
export function bigintArray(ids: readonly bigint[]): Prisma.Sql {
  return Prisma.sql`${ids.map(String)}::bigint[]`;
}
