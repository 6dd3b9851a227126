import { getMetadataStorage, type ValidationError, validate } from 'class-validator';
import { getNamedType, isInputObjectType, type GraphQLArgument } from 'graphql';
import type { ValidatorFn } from 'type-graphql';
import { badUserInput, type FieldError } from './errors';

/**
 * type-graphql's argument validation (class-validator decorators on input classes),
 * reporting failures the contract's way: BAD_USER_INPUT with
 * `fieldErrors: [{ path: ['input', 'entries', 3, 'count'], message, constraint }]`.
 */

// Omitted fields are legal in update inputs (omitted = unchanged); GraphQL itself
// enforces required ones.
type ArgumentType = Parameters<ValidatorFn>[1];

const VALIDATOR_OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false } as const;

function collectFieldErrors(errors: ValidationError[], parentPath: ReadonlyArray<string | number>): FieldError[] {
  return errors.flatMap((error) => {
    const segment = /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const path = [...parentPath, segment];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ path, message, constraint }));
    return [...own, ...collectFieldErrors(error.children ?? [], path)];
  });
}

/** The argument a class-typed value was given for: by input type name, else the only input-object argument. */
function argumentName(argType: ArgumentType, args: readonly GraphQLArgument[]): string | undefined {
  const objectArgs = args.filter((arg) => isInputObjectType(getNamedType(arg.type)));
  const typeName = typeof argType === 'function' ? argType.name : undefined;
  const byName = objectArgs.find((arg) => getNamedType(arg.type).name === typeName);
  return (byName ?? (objectArgs.length === 1 ? objectArgs[0] : undefined))?.name;
}

/** Classes with or without any class-validator decorator (their own or inherited). */
const constrainedClasses = new WeakMap<object, boolean>();

/**
 * Whether class-validator has anything to check on `item`. Without a decorator it finds
 * nothing (unknown values are allowed), but looking that up walks every registered class on
 * each call: most argument classes (a dashboard's `days`, a page's `first`) have none.
 * Decorators register when their class is defined, before any request.
 */
function hasConstraints(item: object): boolean {
  const target = item.constructor;
  let known = constrainedClasses.get(target);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false).length > 0;
    constrainedClasses.set(target, known);
  }
  return known;
}

export const validateArgument: ValidatorFn<object> = async (argValue, argType, resolverData) => {
  if (argValue === null || typeof argValue !== 'object') return;
  const { info } = resolverData;
  const fieldArgs = info.parentType.getFields()[info.fieldName]?.args ?? [];
  const name = argumentName(argType, fieldArgs);
  const base: Array<string | number> = name ? [name] : [];

  const items = Array.isArray(argValue) ? argValue.map((item, index) => ({ item, path: [...base, index] })) : [{ item: argValue, path: base }];
  const fieldErrors: FieldError[] = [];
  for (const { item, path } of items) {
    if (item === null || typeof item !== 'object' || !hasConstraints(item)) continue;
    fieldErrors.push(...collectFieldErrors(await validate(item as object, VALIDATOR_OPTIONS), path));
  }
  const [first] = fieldErrors;
  if (first) throw badUserInput(first.message, { fieldErrors });
};
