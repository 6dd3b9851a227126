import { Decimal } from '@prisma/client/runtime/client';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DateTime as LuxonDateTime } from 'luxon';
import { localDateOf, type LocalDate, type LocalTimeString } from './local-dates';

/**
 * The contract's custom scalars (contract.graphql "Scalars", CONTRACT.md section 1).
 * Inputs that do not fit throw `ScalarInputError`; the server reports those as
 * BAD_USER_INPUT whether they came in a variable or inline in the document.
 */

export class ScalarInputError extends TypeError {
  override name = 'ScalarInputError';
}

// The scalars' internal forms live with the date helpers (local-dates imports nothing back).
export type { LocalDate, LocalTimeString } from './local-dates';

function stringLiteral(scalar: string, node: ValueNode): string {
  if (node.kind !== Kind.STRING) throw new ScalarInputError(`${scalar} must be given as a string`);
  return node.value;
}

function requireString(scalar: string, value: unknown): string {
  if (typeof value !== 'string') throw new ScalarInputError(`${scalar} must be given as a string`);
  return value;
}

function describedScalar<TInternal, TExternal>(config: {
  name: string;
  description: string;
  serialize: (value: unknown) => TExternal;
  parse: (value: string) => TInternal;
}): GraphQLScalarType<TInternal, TExternal> {
  return new GraphQLScalarType<TInternal, TExternal>({
    name: config.name,
    description: config.description,
    serialize: config.serialize,
    parseValue: (value) => config.parse(requireString(config.name, value)),
    parseLiteral: (node) => config.parse(stringLiteral(config.name, node)),
  });
}

// ─── DateTime ───────────────────────────────────────────────────────────────

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseDateTime(value: string): Date {
  if (!ISO_WITH_OFFSET.test(value)) {
    throw new ScalarInputError('DateTime must be ISO-8601 with an offset, e.g. 2025-03-01T18:30:00+03:00');
  }
  const parsed = LuxonDateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw new ScalarInputError(`DateTime is not a real instant: ${parsed.invalidExplanation ?? value}`);
  return parsed.toJSDate();
}

export const DateTimeScalar = describedScalar<Date, string>({
  name: 'DateTime',
  description:
    'An instant as ISO-8601 with offset, e.g. `2025-03-01T18:30:00+03:00`; the server always emits UTC (`Z`).',
  serialize: (value) => {
    const date = value instanceof Date ? value : typeof value === 'string' ? parseDateTime(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot serialize ${String(value)}`);
    return date.toISOString();
  },
  parse: parseDateTime,
});

// ─── Date ───────────────────────────────────────────────────────────────────

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseLocalDate(value: string): LocalDate {
  if (!ISO_DATE.test(value) || !LuxonDateTime.fromISO(value, { zone: 'utc' }).isValid) {
    throw new ScalarInputError('Date must be a real calendar date YYYY-MM-DD');
  }
  return value;
}

export const DateScalar = describedScalar<LocalDate, string>({
  name: 'Date',
  description:
    "A calendar date `YYYY-MM-DD` with no time or zone; entry dates are days in the entry owner's timezone.",
  serialize: (value) => {
    // Prisma reads a DATE column as a JS Date at UTC midnight of that day.
    if (value instanceof Date) return localDateOf(value);
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    throw new TypeError(`Date cannot serialize ${String(value)}`);
  },
  parse: parseLocalDate,
});

// ─── TimeZone ───────────────────────────────────────────────────────────────

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The canonical spelling of an IANA zone name, or undefined when it is not one. */
export function canonicalTimeZone(value: string): string | undefined {
  if (!IANA_NAME.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function parseTimeZone(value: string): string {
  const zone = canonicalTimeZone(value);
  if (!zone) throw new ScalarInputError('TimeZone must be an IANA time zone name, e.g. Asia/Karachi');
  return zone;
}

export const TimeZoneScalar = describedScalar<string, string>({
  name: 'TimeZone',
  description: 'An IANA time zone name, e.g. `Asia/Karachi` or `Europe/London`.',
  serialize: (value) => {
    if (typeof value !== 'string') throw new TypeError(`TimeZone cannot serialize ${String(value)}`);
    return value;
  },
  parse: parseTimeZone,
});

// ─── Decimal ────────────────────────────────────────────────────────────────

const DECIMAL_INPUT = /^\d{1,8}(\.\d{1,2})?$/;
const TWO_DECIMALS = /^-?(0|[1-9]\d*)\.\d\d$/;

export function parseDecimal(value: string): Decimal {
  if (!DECIMAL_INPUT.test(value)) {
    throw new ScalarInputError('Decimal must be a string with up to 8 digits and 2 decimals, e.g. "12.50"');
  }
  return new Decimal(value);
}

export const DecimalScalar = describedScalar<Decimal, string>({
  name: 'Decimal',
  description:
    'A fixed-point number as a string matching DECIMAL(10,2), e.g. `"12.50"`: up to 8 integer digits and 2 decimals; emitted with exactly 2 decimals.',
  serialize: (value) => {
    if (Decimal.isDecimal(value)) return (value as Decimal).toFixed(2);
    // Already in the output form (PostgreSQL's numeric(10,2) as text, a cached dashboard):
    // as is, without a Decimal built and formatted for each of a dashboard's 60-odd sums.
    if (typeof value === 'string' && TWO_DECIMALS.test(value)) return value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      return new Decimal(value.toString()).toFixed(2);
    }
    throw new TypeError(`Decimal cannot serialize ${String(value)}`);
  },
  parse: parseDecimal,
});

// ─── LocalTime ──────────────────────────────────────────────────────────────

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseLocalTime(value: string): LocalTimeString {
  if (!LOCAL_TIME.test(value)) throw new ScalarInputError('LocalTime must be HH:MM between 00:00 and 23:59');
  return value;
}

export const LocalTimeScalar = describedScalar<LocalTimeString, string>({
  name: 'LocalTime',
  description: 'A wall-clock time `HH:MM` (24-hour, 00:00–23:59) with no date or zone.',
  serialize: (value) => {
    // Prisma reads a TIME column as a JS Date on 1970-01-01 UTC.
    if (value instanceof Date) return value.toISOString().slice(11, 16);
    if (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/.test(value)) return value.slice(0, 5);
    throw new TypeError(`LocalTime cannot serialize ${String(value)}`);
  },
  parse: parseLocalTime,
});

// ─── JSON ───────────────────────────────────────────────────────────────────

export const JSONScalar = new GraphQLScalarType({
  ...GraphQLJSON.toConfig(),
  description: 'Arbitrary JSON; used only for free-form audit old/new values.',
});
