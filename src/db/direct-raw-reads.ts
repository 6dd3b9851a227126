import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { Prisma, type PrismaClient } from '../generated/prisma/client';

/**
 * `$queryRaw` handed straight to the client's driver adapter, outside transactions.
 *
 * Prisma's own `$queryRaw` serializes the parameters to JSON and parses them back, plans the
 * statement in its query interpreter and converts each value twice on the way back: ~100 µs of
 * CPU a statement on top of node-postgres' ~50 (bench/RESULTS.md, the twelfth round), paid by
 * every permission check, list page and dashboard. Here the same adapter (so the same pool,
 * prepared statement names, statement observer and driver errors) runs the statement, and
 * parameters and values are converted as Prisma converts them: the answer is the same rows of
 * the same JavaScript types (direct-raw-reads.test.ts runs every column type both ways).
 *
 * Only the client's own `$queryRaw` changes: transactions get theirs from the real client, so
 * what a transaction reads still runs on its connection. The returned promise is eager, unlike
 * Prisma's lazy one, which only matters to `$transaction([...])` batches (not used).
 */
export function withDirectRawReads(prisma: PrismaClient, factory: SqlDriverAdapterFactory): PrismaClient {
  let adapter: SqlDriverAdapter | undefined;
  let connecting: Promise<SqlDriverAdapter> | undefined;
  const connected = async (): Promise<SqlDriverAdapter> => (adapter = await (connecting ??= factory.connect()));

  const queryRaw = async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<unknown> => {
    const statement = query instanceof Prisma.Sql ? query : new Prisma.Sql(query, values);
    const args = statement.values.map(driverArg);
    const result = await (adapter ?? (await connected())).queryRaw({ sql: statement.text, args, argTypes: args.map(argTypeOf) });
    return rowsOf(result);
  };

  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(prisma, {
    get(target, property) {
      if (property === '$queryRaw') return queryRaw;
      if (property === '$disconnect') return () => target.$disconnect().finally(() => adapter?.dispose());
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (method === undefined) bound.set(property, (method = (value as (...args: unknown[]) => unknown).bind(target)));
      return method;
    },
  });
}

const SCALAR: ArgType = { scalarType: 'unknown', arity: 'scalar' };
const LIST: ArgType = { scalarType: 'unknown', arity: 'list' };

function argTypeOf(arg: unknown): ArgType {
  return Array.isArray(arg) ? LIST : SCALAR;
}

/** A parameter as Prisma's raw query path hands it to the adapter (serializeRawParameters, then mapArg). */
function driverArg(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(driverArg);
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      // JSON, which Prisma's parameters pass through, has no NaN or Infinity.
      return Number.isFinite(value) ? value : null;
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new Prisma.PrismaClientValidationError('Provided Date object is invalid', { clientVersion: Prisma.prismaVersion.client });
        return utcDateTime(value);
      }
      if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toJSON();
      if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      return JSON.stringify(value);
    default:
      return value;
  }
}

/** The adapter's text for a timestamp: UTC, without a zone (adapter-pg's formatDateTime). */
function utcDateTime(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const ms = date.getUTCMilliseconds();
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    (ms ? `.${String(ms).padStart(3, '0')}` : '')
  );
}

type Convert = (value: unknown) => unknown;

const asIs: Convert = (value) => value;
const int32: Convert = (value) => Math.trunc(typeof value === 'string' ? Number(value) : (value as number));
const int64: Convert = (value) => BigInt(typeof value === 'number' ? Math.trunc(value) : (value as string));
const decimal: Convert = (value) => new Prisma.Decimal(value as string);
const dateTime: Convert = (value) => new Date(value as string);
const time: Convert = (value) => new Date(`1970-01-01T${value as string}Z`);
const json: Convert = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
const bool: Convert = (value) => (typeof value === 'string' ? value === 'true' || value === '1' : typeof value === 'number' ? value === 1 : value);
const bytes: Convert = (value) => new Uint8Array(Buffer.from(value as Uint8Array));
const each =
  (convert: Convert): Convert =>
  (value) =>
    (value as unknown[]).map((item) => (item === null ? null : convert(item)));

/** What Prisma's client makes of a column's values (the engine's serializeRawResult, then the client's deserializeRawResult). */
function converterFor(type: ColumnType): Convert {
  switch (type) {
    case ColumnTypeEnum.Int32:
      return int32;
    case ColumnTypeEnum.Int64:
      return int64;
    case ColumnTypeEnum.Numeric:
      return decimal;
    case ColumnTypeEnum.DateTime:
    case ColumnTypeEnum.Date:
      return dateTime;
    case ColumnTypeEnum.Time:
      return time;
    case ColumnTypeEnum.Json:
      return json;
    case ColumnTypeEnum.Boolean:
      return bool;
    case ColumnTypeEnum.Bytes:
      return bytes;
    case ColumnTypeEnum.Int32Array:
      return each(int32);
    case ColumnTypeEnum.Int64Array:
      return each(int64);
    case ColumnTypeEnum.NumericArray:
      return each(decimal);
    case ColumnTypeEnum.DateTimeArray:
    case ColumnTypeEnum.DateArray:
      return each(dateTime);
    case ColumnTypeEnum.TimeArray:
      return each(time);
    case ColumnTypeEnum.JsonArray:
      return each(json);
    case ColumnTypeEnum.BooleanArray:
      return each(bool);
    case ColumnTypeEnum.BytesArray:
      return each(bytes);
    default:
      return asIs;
  }
}

function rowsOf({ columnNames, columnTypes, rows }: SqlResultSet): Array<Record<string, unknown>> {
  const converters = columnTypes.map(converterFor);
  const width = columnNames.length;
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const object: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) {
      const value = row[c];
      object[columnNames[c]!] = value === null || value === undefined ? null : converters[c]!(value);
    }
    objects[r] = object;
  }
  return objects;
}
