import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { validateArgument } from './lib/argument-validation';
import { BigIntID } from './lib/id';
import { DateTimeScalar } from './lib/scalars';
import { DeedResolver } from './modules/deeds/deed-resolver';
import { DeedItemResolver } from './modules/deeds/item-resolver';
import { ScaleResolver, ScaleValueResolver } from './modules/deeds/scale-resolver';
import { AuditEventResolver } from './modules/audit/resolver';
import { DashboardResolver } from './modules/dashboard/resolver';
import { EntryChangeFieldResolver, EntryFieldResolver, EntrySnapshotFieldResolver } from './modules/entries/field-resolvers';
import { EntryResolver } from './modules/entries/resolver';
import { MeritItemResolver, TargetItemResolver } from './modules/progress/item-resolvers';
import { MeritResolver } from './modules/progress/merit-resolver';
import { TargetResolver } from './modules/progress/target-resolver';
import { ReflectionResolver } from './modules/reflections/resolver';
import { ReminderResolver } from './modules/reminders/resolver';
import { PermissionResolver } from './modules/social/permissions/resolver';
import { RelationResolver } from './modules/social/relations/resolver';
import { SubscriptionResolver, subscribeOnlyPubSub } from './modules/subscriptions/resolver';
import { SupportMessageResolver } from './modules/support/resolver';
import { AccountResolver } from './modules/users/account-resolver';
import { UserResolver } from './modules/users/resolver';

/** Every resolver class of the API. A module joins the schema by adding its resolver here. */
export const resolvers: NonEmptyArray<Function> = [UserResolver, AccountResolver, RelationResolver, PermissionResolver, EntryResolver, EntryFieldResolver, EntryChangeFieldResolver, EntrySnapshotFieldResolver, DeedResolver, DeedItemResolver, ScaleResolver, ScaleValueResolver, ReflectionResolver, SupportMessageResolver, ReminderResolver, AuditEventResolver, MeritResolver, MeritItemResolver, TargetResolver, TargetItemResolver, DashboardResolver, SubscriptionResolver];

/** The executable schema, built from the decorated classes (code-first). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
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
}
