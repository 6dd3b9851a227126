import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { validateArgument } from './lib/argument-validation';
import { callFieldResolversDirectly } from './lib/direct-field-resolvers';
import { BigIntID } from './lib/id';
import { DateTimeScalar } from './lib/scalars';
import { appModules } from './modules/registered';
import { subscribeOnlyPubSub } from './modules/subscriptions/resolver';

/** Every resolver class of the API, from the registered modules (src/modules/registry.ts). */
export const resolvers = appModules.flatMap((module) => module.resolvers) as NonEmptyArray<Function>;

/** The executable schema, built from the decorated classes (code-first). */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    // TS types that map to a scalar without naming it: `bigint` ids and `Date` instants.
    scalarsMap: [
      { type: BigInt, scalar: BigIntID },
      { type: Date, scalar: DateTimeScalar },
    ],
    validate: true,
    validateFn: validateArgument,
    // Unused: each subscription has its own `subscribe` (modules/subscriptions).
    pubSub: subscribeOnlyPubSub,
    // The committed schema.graphql is written by `npm run schema:emit`, never at runtime.
    emitSchemaFile: false,
  });
  callFieldResolversDirectly(schema, resolvers);
  return schema;
}
