import { defineModule, none, type ServicesOf } from '../module';
import { SubscriptionResolver } from './resolver';
import { SubscriptionService } from './service';

/** GraphQL subscriptions, fed after commits by the entry and goal hooks. */
export const subscriptionsModule = defineModule({
  resolvers: [SubscriptionResolver],
  createServices: ({ prisma, events, entryEvents, goalEvents }) => {
    const subscriptions = new SubscriptionService(prisma, events);
    entryEvents.on((committed) => subscriptions.publishEntryChanges(committed));
    goalEvents.onMeritCompleted((merit) => subscriptions.publishMeritCompleted(merit));
    return { subscriptions };
  },
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof subscriptionsModule> {}
}
