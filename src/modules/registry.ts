/**
 * Every domain module of the API: src/schema.ts, src/services.ts and src/loaders.ts are built
 * from this list. Adding a domain is one line here, naming the AppModule its
 * `src/modules/<domain>/index.ts` exports. Modules load in this order, which is the code order
 * schema.graphql is printed in: add new ones at the end. Nothing else depends on the order
 * (cross-module hooks come from shared-services.ts).
 */
export { deedsModule } from './deeds';
export { auditModule } from './audit';
export { dashboardModule } from './dashboard';
export { entriesModule } from './entries';
export { progressModule } from './progress';
export { reflectionsModule } from './reflections';
export { remindersModule } from './reminders';
export { socialModule } from './social';
export { subscriptionsModule } from './subscriptions';
export { supportModule } from './support';
export { usersModule } from './users';
export { searchModule } from './search';
