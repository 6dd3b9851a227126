import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { withDirectRawReads } from './direct-raw-reads';
import { observeStatements, type StatementEvent } from './observed-adapter';
import { isPoolWaitExceeded } from './pool-wait';
import { isStatementTimeout } from './statement-timeout';

/**
 * The direct `$queryRaw` must answer exactly what Prisma's own answers: the same rows, keys
 * and JavaScript types for every column type the schema and our statements use, from the same
 * parameters. Each statement runs both ways on one database and the answers are compared.
 */

let database: TestDatabase;
let pool: Pool;
let prisma: PrismaClient;
let direct: PrismaClient;
const statements: StatementEvent[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // A session time zone other than UTC: a parameter's instant must mean the same both ways.
  pool = new Pool({ connectionString: database.url, max: 2, connectionTimeoutMillis: 300, statement_timeout: 500, options: '-c TimeZone=Asia/Karachi' });
  const adapter = observeStatements(new PrismaPg(pool), (event) => statements.push(event));
  prisma = new PrismaClient({ adapter });
  direct = withDirectRawReads(prisma, adapter);
});

afterAll(async () => {
  await direct.$disconnect();
  await pool.end();
  await database.drop();
});

async function bothWays(query: Prisma.Sql): Promise<unknown> {
  const viaPrisma = await prisma.$queryRaw(query);
  const viaDirect = await direct.$queryRaw(query);
  expect(viaDirect).toEqual(viaPrisma);
  // toEqual does not tell a BigInt from a number in every nesting, nor a Decimal from a string.
  expect(typesOf(viaDirect)).toEqual(typesOf(viaPrisma));
  return viaDirect;
}

function typesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typesOf);
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as object).constructor?.name;
  if (name !== 'Object') return name;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, typesOf(inner)]));
}

describe('withDirectRawReads', () => {
  it('answers every column type as Prisma does', async () => {
    const rows = await bothWays(Prisma.sql`
      SELECT 1::int AS int4, 2::smallint AS int2, 9007199254740993::bigint AS int8, 12.50::numeric(10,2) AS decimal,
        1.5::float8 AS float8, 2.5::real AS float4, 'text'::text AS text, 'x'::varchar(4) AS varchar, 'c'::char(2) AS char,
        true AS bool, false AS bool_false,
        '2026-12-03 10:11:12.345+03'::timestamptz AS timestamptz, '2026-12-03 10:11:12'::timestamp AS timestamp,
        '2026-02-28'::date AS date, '10:11:12'::time AS time,
        '{"a": [1, {"b": null}], "n": 1.5}'::jsonb AS jsonb, '[1, "two"]'::json AS json,
        ARRAY[1, 2]::int[] AS int_array, ARRAY[1, 2]::bigint[] AS bigint_array, ARRAY[1.5, NULL]::numeric[] AS decimal_array,
        ARRAY['a', 'b'] AS text_array, ARRAY['2026-12-03'::date] AS date_array, ARRAY[true, false] AS bool_array,
        ARRAY['{"a":1}'::jsonb] AS jsonb_array, '\\xdeadbeef'::bytea AS bytes,
        'ab8d3a1c-0f3e-4c8a-9c1e-6f4c2b1a9e7d'::uuid AS uuid, NULL::bigint AS null_bigint, NULL::text AS null_text,
        'HASANAAT'::deed_category_type AS enum, count(*) AS count, 1 AS dup, 2 AS dup`);
    expect(rows).toHaveLength(1);
    const [row] = rows as Array<Record<string, unknown>>;
    expect(row!.int8).toBe(9007199254740993n);
    expect(row!.decimal).toBeInstanceOf(Prisma.Decimal);
    // (Its timestamptz is whatever Prisma's adapter makes of this session's zone: the same both ways.)
    expect(row!.date).toEqual(new Date('2026-02-28T00:00:00.000Z'));
    expect(row!.jsonb).toEqual({ a: [1, { b: null }], n: 1.5 });
    expect(row!.dup).toBe(2);
  });

  it('answers many rows, no rows and empty statements as Prisma does', async () => {
    await bothWays(Prisma.sql`SELECT g AS n, g::text AS t FROM generate_series(1, 50) g`);
    await bothWays(Prisma.sql`SELECT 1 AS n WHERE false`);
    await bothWays(Prisma.sql`SELECT`);
  });

  it('sends parameters as Prisma does', async () => {
    const instant = new Date('2026-12-03T07:11:12.345Z');
    const midnight = new Date('2026-02-28T00:00:00.000Z');
    await bothWays(Prisma.sql`
      SELECT ${12n}::bigint AS bigint, ${42}::int AS int, ${1.25}::float8 AS float, ${"it's"}::text AS text, ${true}::bool AS bool,
        ${null}::text AS null_text, ${instant}::timestamptz AS instant, ${midnight}::date AS day, ${instant}::date AS instant_day,
        ${new Prisma.Decimal('10.05')}::numeric AS decimal, ${[1n, 2n, 3n]}::bigint[] AS bigints, ${['a', 'b']}::text[] AS texts,
        ${[instant, midnight]}::timestamptz[] AS instants, ${{ a: 1, b: [true] }}::jsonb AS json,
        ${Buffer.from('kitaab')}::bytea AS bytes, ${new Uint8Array([1, 2])}::bytea AS uint8,
        ${Number.NaN}::float8 AS not_a_number, ${Prisma.raw("'raw'")} AS raw, (${Prisma.join([1, 2], '::int + ')}::int) AS joined`);
  });

  it('takes a tagged template with nested fragments as Prisma does', async () => {
    const where = Prisma.join([Prisma.sql`g > ${2}`, Prisma.sql`g < ${6}`], ' AND ');
    const viaPrisma = await prisma.$queryRaw`SELECT g FROM generate_series(1, 9) g WHERE ${where} ORDER BY g`;
    const viaDirect = await direct.$queryRaw`SELECT g FROM generate_series(1, 9) g WHERE ${where} ORDER BY g`;
    expect(viaDirect).toEqual(viaPrisma);
    expect(viaDirect).toEqual([{ g: 3 }, { g: 4 }, { g: 5 }]);
  });

  it('refuses an invalid Date as Prisma does', async () => {
    const invalid = new Date(Number.NaN);
    await expect(prisma.$queryRaw`SELECT ${invalid}::timestamptz`).rejects.toThrow('Provided Date object is invalid');
    await expect(direct.$queryRaw`SELECT ${invalid}::timestamptz`).rejects.toThrow('Provided Date object is invalid');
  });

  it('reports each statement to the observer, once', async () => {
    statements.length = 0;
    await direct.$queryRaw`SELECT 1 AS one`;
    expect(statements.map((event) => event.sql)).toEqual(['SELECT 1 AS one']);
  });

  it('keeps what a transaction reads on its connection', async () => {
    await direct.$executeRaw`CREATE TABLE direct_read_probe (n int)`;
    await direct.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO direct_read_probe VALUES (7)`;
      expect(await tx.$queryRaw`SELECT n FROM direct_read_probe`).toEqual([{ n: 7 }]);
      // Outside the transaction the uncommitted row is not there.
      expect(await direct.$queryRaw`SELECT n FROM direct_read_probe`).toEqual([]);
    });
    expect(await direct.$queryRaw`SELECT n FROM direct_read_probe`).toEqual([{ n: 7 }]);
  });

  it('fails as the classifiers expect: a cancelled statement, a pool that ran out', async () => {
    const cancelled = await direct.$queryRaw`SELECT pg_sleep(2)`.catch((error: unknown) => error);
    expect(isStatementTimeout(cancelled)).toBe(true);

    const holders = [pool.connect(), pool.connect()];
    const held = await Promise.all(holders);
    try {
      const waited = await direct.$queryRaw`SELECT 1`.catch((error: unknown) => error);
      expect(isPoolWaitExceeded(waited)).toBe(true);
    } finally {
      for (const client of held) client.release();
    }
  });
});
