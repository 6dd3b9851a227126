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

/**
 * A timestamp column as JSON: milliseconds since the epoch, truncated as Prisma's `Date` is.
 * A `Date` built from a number costs a quarter of one parsed from ISO text.
 */
export function epochMillis(column: string): string {
  return `floor(extract(epoch FROM ${column}) * 1000)::bigint`;
}

/** A column of `rowsOf`: its name, its PostgreSQL type, and its value in a row. */
export type RowColumn<Row> = readonly [name: string, type: 'bigint' | 'date', value: (row: Row) => unknown];

/**
 * `rows` as the SELECT of a FROM item with these columns: one row as scalar parameters (a
 * prepared statement keeps its generic plan, as with `idIn`), more as arrays through unnest.
 */
export function rowsOf<Row>(rows: readonly Row[], columns: ReadonlyArray<RowColumn<Row>>): Prisma.Sql {
  if (rows.length === 1) {
    const [row] = rows as [Row];
    return Prisma.sql`SELECT ${Prisma.join(
      columns.map(([name, type, value]) => Prisma.sql`${value(row)}::${Prisma.raw(type)} AS ${Prisma.raw(name)}`),
    )}`;
  }
  const arrays = columns.map(
    ([, type, value]) => Prisma.sql`${rows.map((row) => arrayElement(value(row)))}::${Prisma.raw(type)}[]`,
  );
  return Prisma.sql`SELECT * FROM unnest(${Prisma.join(arrays)}) AS r(${Prisma.raw(columns.map(([name]) => name).join(', '))})`;
}

/** Array parameters carry ids as decimal strings (as `bigintArray`). */
const arrayElement = (value: unknown) => (typeof value === 'bigint' ? String(value) : value);
