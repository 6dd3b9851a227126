import { ObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * type-graphql's `@ObjectType` with `simpleResolvers`: a plain property is read by graphql-js'
 * default resolver. Otherwise type-graphql wraps every property in a resolver that builds its
 * own argument object and runs the middleware chain, and this API has no middlewares or auth
 * checker: an entries page paid for a thousand such wrappers. Fields with a `@FieldResolver`
 * keep theirs. Every object type of the API is declared through here.
 */
export function ApiObjectType(name: string, options: ObjectTypeOptions = {}): ClassDecorator {
  return ObjectType(name, { ...options, simpleResolvers: true });
}
