import 'reflect-metadata';

/** A field's property decorators, listed as they would stand above it in source. */
export type FieldDecorators = PropertyDecorator | readonly PropertyDecorator[];

/**
 * Decorates a class's fields in the order given, each as if its decorators stood above it in
 * source (the lowest runs first). type-graphql prints a type's fields in the order they are
 * decorated, so code that decorates shared fields around a type's own ones can keep the order
 * a schema promises, which a base class cannot: its fields always come first.
 */
export function decorateFields(type: abstract new (...args: never[]) => unknown, fields: Record<string, FieldDecorators>): void {
  for (const [name, decorators] of Object.entries(fields)) {
    Reflect.decorate(Array.isArray(decorators) ? [...decorators] : [decorators as PropertyDecorator], type.prototype, name);
  }
}
