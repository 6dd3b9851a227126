import { Arg, Resolver, Root, Subscription, type PubSub, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { EntryChange, type EntryHistoryRecord } from '../entries/types';
import { Merit, type MeritRecord } from '../progress/types';

/**
 * type-graphql insists on a `pubSub` once a schema has subscriptions, even when every one
 * brings its own `subscribe` (ours read the per-process event bus, src/events). Never called.
 */
export const subscribeOnlyPubSub: PubSub = {
  publish() {
    throw new Error('subscriptions publish through services.subscriptions, not type-graphql topics');
  },
  subscribe() {
    throw new Error('every subscription declares its own `subscribe`');
  },
};

interface EntryRecordedArgs {
  ownerId?: bigint | null;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => EntryChange, {
    description: 'Entry changes for an owner (default: the viewer); READ grantees only get changes on items they can read.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, EntryRecordedArgs, Context>) =>
      context.services.subscriptions.entryChanges(context.actor, context.logger, args.ownerId ?? null),
  })
  entryRecorded(
    @Root() change: EntryHistoryRecord,
    // Read by `subscribe` above; declared here so it is part of the schema.
    @Arg('ownerId', () => BigIntID, { nullable: true, description: 'Owner whose entries to watch; defaults to the viewer.' })
    _ownerId: bigint | null,
  ): EntryHistoryRecord {
    return change;
  }

  @Subscription(() => Merit, {
    description: "The viewer's merits as they become completed.",
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) =>
      context.services.subscriptions.meritCompletions(context.actor, context.logger),
  })
  meritCompleted(@Root() merit: MeritRecord): MeritRecord {
    return merit;
  }
}
