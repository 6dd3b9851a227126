import type { FieldError } from '../lib/errors';

/**
 * graphql-js reports a variable that fails coercion (a bad scalar, a wrong type, a missing
 * required field) only in its message:
 *   Variable "$input" got invalid value "Mars" at "input.preferences.timezone"; <reason>
 * This recovers the contract's `fieldErrors` from it, so such errors carry a path like the
 * ones class-validator produces. The first segment is the variable's name, which is the
 * argument's name under the usual `field(input: $input)` convention.
 */

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
// With a path: greedy, so a value that itself contains ` at "…"; ` cannot end it early.
const NESTED_VALUE_ERROR = new RegExp(
  `^Variable "\\$(${NAME})" got invalid value [\\s\\S]* at "\\1((?:\\.${NAME}|\\[\\d+\\])+)"; ([\\s\\S]*)$`,
);
const WHOLE_VALUE_ERROR = new RegExp(`^Variable "\\$(${NAME})" got invalid value [\\s\\S]*?; ([\\s\\S]*)$`);
const MISSING_FIELD = new RegExp(`^Field "(${NAME})" of required type "[^"]+" was not provided\\.$`);
const UNKNOWN_FIELD = new RegExp(`^Field "(${NAME})" is not defined by type "[^"]+"\\.`);

function parsePath(variable: string, printed: string): Array<string | number> {
  const path: Array<string | number> = [variable];
  for (const [, name, index] of printed.matchAll(new RegExp(`\\.(${NAME})|\\[(\\d+)\\]`, 'g'))) {
    path.push(name ?? Number(index));
  }
  return path;
}

export function fieldErrorsFromVariableError(message: string): FieldError[] | undefined {
  const nested = NESTED_VALUE_ERROR.exec(message);
  const whole = nested ? undefined : WHOLE_VALUE_ERROR.exec(message);
  if (!nested && !whole) return undefined;
  const [variable = '', printedPath = '', reason = ''] = nested ? nested.slice(1) : [whole![1], '', whole![2]];
  const path = parsePath(variable, printedPath);

  const missing = MISSING_FIELD.exec(reason);
  if (missing) return [{ path: [...path, missing[1]!], message: 'is required', constraint: 'required' }];
  const unknown = UNKNOWN_FIELD.exec(reason);
  if (unknown) return [{ path: [...path, unknown[1]!], message: reason, constraint: 'unknownField' }];
  return [{ path, message: reason, constraint: 'type' }];
}
