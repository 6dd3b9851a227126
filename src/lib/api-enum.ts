import { registerEnumType } from 'type-graphql';

/** An enum object as TypeScript and Prisma spell one: each value's key is its GraphQL name. */
export type EnumObject = Readonly<Record<string, string>>;

/** The union of an enum object's values. */
export type EnumValue<E extends EnumObject> = E[keyof E];

/** What the API says of each value of an enum: every value is described, and nothing else. */
export type ValueDescriptions<E extends EnumObject> = { readonly [K in keyof E]: string };

/**
 * Registers an enum that exists outside the API (a Prisma enum, the authority's access levels)
 * as the GraphQL enum `name`. Every API enum is declared through here or `apiEnum`, so each
 * one and each of its values carries a description.
 */
export function registerApiEnum<E extends EnumObject>(
  enumObject: E,
  name: string,
  description: string,
  valueDescriptions: ValueDescriptions<E>,
): void {
  const valuesConfig = Object.fromEntries(
    Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text }]),
  ) as { [K in keyof E]: { description: string } };
  registerEnumType(enumObject, { name, description, valuesConfig });
}

/**
 * Declares an enum that exists only in the API: its values are the keys of `valueDescriptions`,
 * each spelled as itself and in that order, so a value is named once, beside what it means.
 */
export function apiEnum<const D extends Readonly<Record<string, string>>>(
  name: string,
  description: string,
  valueDescriptions: D,
): { readonly [K in keyof D & string]: K } {
  const enumObject = Object.fromEntries(Object.keys(valueDescriptions).map((value) => [value, value])) as {
    readonly [K in keyof D & string]: K;
  };
  registerApiEnum(enumObject, name, description, valueDescriptions as ValueDescriptions<typeof enumObject>);
  return enumObject;
}
