import { Decimal } from '@prisma/client/runtime/client';
import { MeasureType } from '../../generated/prisma/enums';
import { conflict, invalidField, type FieldError } from '../../lib/errors';
import { todayIn } from '../../lib/local-dates';
import type { LocalDate } from '../../lib/scalars';

/**
 * The value rules of CONTRACT.md section 5, as pure functions over facts loaded beforehand:
 * the value must match the deed's measure type, a scale value must come from the deed's
 * active scale (or, on update, from the scale the entry already uses), and the date must
 * lie between 1900-01-01 and today in the OWNER's timezone.
 */

export const EARLIEST_ENTRY_DATE = '1900-01-01';
/** DECIMAL(10,2); the Decimal scalar already refuses more digits, this guards the service. */
const MAX_COUNT = new Decimal('99999999.99');

/** What an entry write needs to know about its deed item. */
export interface SlotFacts {
  deedItemId: bigint;
  deedId: bigint;
  ownerId: bigint;
  ownerTimezone: string;
  measureType: MeasureType;
  /** The deed's active scale version; null for COUNT deeds or when none is active. */
  activeScaleId: bigint | null;
}

/** The stored value of an entry: exactly one of scaleValueId (with its scale) or count. */
export interface EntryValue {
  scaleId: bigint | null;
  scaleValueId: bigint | null;
  count: Decimal | null;
}

export interface ValueInput {
  scaleValueId?: bigint | null;
  count?: Decimal | null;
}

type Path = ReadonlyArray<string | number>;

export function checkEntryDate(entryDate: LocalDate, ownerTimezone: string, path: Path, now = new Date()): void {
  if (entryDate < EARLIEST_ENTRY_DATE) {
    throw invalidField([...path, 'entryDate'], `entryDate must not be before ${EARLIEST_ENTRY_DATE}`, 'minDate');
  }
  const today = todayIn(ownerTimezone, now);
  if (entryDate > today) {
    throw invalidField(
      [...path, 'entryDate'],
      `entryDate must not be after today (${today}) in the owner's timezone`,
      'maxDate',
    );
  }
}

function valueError(path: Path, field: 'scaleValueId' | 'count', message: string, constraint: string): FieldError {
  return { path: [...path, field], message, constraint };
}

/** Shape errors (wrong field for the measure type, missing value), before any scale lookup. */
function shapeErrors(input: ValueInput, measureType: MeasureType, path: Path, required: boolean): FieldError[] {
  const hasScaleValue = input.scaleValueId !== undefined && input.scaleValueId !== null;
  const hasCount = input.count !== undefined && input.count !== null;
  const errors: FieldError[] = [];
  if (measureType === MeasureType.SCALE) {
    if (hasCount) errors.push(valueError(path, 'count', 'count is not allowed on a SCALE deed', 'measureType'));
    if (required && !hasScaleValue) {
      errors.push(valueError(path, 'scaleValueId', 'scaleValueId is required on a SCALE deed', 'required'));
    }
  } else {
    if (hasScaleValue) {
      errors.push(valueError(path, 'scaleValueId', 'scaleValueId is not allowed on a COUNT deed', 'measureType'));
    }
    if (required && !hasCount) errors.push(valueError(path, 'count', 'count is required on a COUNT deed', 'required'));
    if (hasCount && (input.count!.isNegative() || input.count!.greaterThan(MAX_COUNT) || input.count!.decimalPlaces() > 2)) {
      errors.push(valueError(path, 'count', 'count must be between 0 and 99999999.99 with at most 2 decimals', 'range'));
    }
  }
  return errors;
}

function throwFirst(errors: FieldError[]): void {
  const [first] = errors;
  if (first) throw invalidField(first.path, first.message, first.constraint);
}

/**
 * The value recordEntry stores. `scaleOfValue` maps the given scale value id to its scale
 * (undefined when no such value exists).
 */
export function recordValue(
  input: ValueInput,
  facts: SlotFacts,
  scaleOfValue: (scaleValueId: bigint) => bigint | undefined,
  path: Path,
): EntryValue {
  throwFirst(shapeErrors(input, facts.measureType, path, true));
  if (facts.measureType === MeasureType.COUNT) return { scaleId: null, scaleValueId: null, count: input.count! };
  if (facts.activeScaleId === null) throw conflict('The deed has no active scale: define or activate one first');
  const scaleValueId = input.scaleValueId!;
  if (scaleOfValue(scaleValueId) !== facts.activeScaleId) {
    throw invalidField([...path, 'scaleValueId'], "scaleValueId is not a value of the deed's active scale", 'activeScale');
  }
  return { scaleId: facts.activeScaleId, scaleValueId, count: null };
}

/**
 * The value updateEntry stores, or null when the input leaves the value unchanged. A scale
 * value may come from the active scale or from the scale the entry already references, so
 * old entries can be corrected inside their own version.
 */
export function updatedValue(
  input: ValueInput,
  facts: SlotFacts,
  current: EntryValue,
  scaleOfValue: (scaleValueId: bigint) => bigint | undefined,
  path: Path,
): EntryValue | null {
  if (input.scaleValueId === null) {
    throw invalidField([...path, 'scaleValueId'], 'scaleValueId cannot be cleared', 'notNull');
  }
  if (input.count === null) throw invalidField([...path, 'count'], 'count cannot be cleared', 'notNull');
  throwFirst(shapeErrors(input, facts.measureType, path, false));
  if (facts.measureType === MeasureType.COUNT) {
    return input.count === undefined ? null : { scaleId: null, scaleValueId: null, count: input.count };
  }
  if (input.scaleValueId === undefined) return null;
  const scaleId = scaleOfValue(input.scaleValueId);
  if (scaleId !== undefined && scaleId === current.scaleId) {
    return { scaleId, scaleValueId: input.scaleValueId, count: null };
  }
  if (facts.activeScaleId === null) throw conflict('The deed has no active scale: define or activate one first');
  if (scaleId !== facts.activeScaleId) {
    throw invalidField(
      [...path, 'scaleValueId'],
      "scaleValueId is neither a value of the deed's active scale nor of the entry's own scale",
      'activeScale',
    );
  }
  return { scaleId, scaleValueId: input.scaleValueId, count: null };
}

function sameDecimal(a: Decimal | null, b: Decimal | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

export function sameValue(a: EntryValue, b: EntryValue): boolean {
  return a.scaleValueId === b.scaleValueId && sameDecimal(a.count, b.count);
}
