import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Actor, Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import type { Connection } from '../../lib/pagination';
import { UserProfile } from '../users/types';
import { ReplyToSupportMessageInput, SupportInboxArgs, SupportThreadInput, SupportThreadMessagesArgs } from './desk-inputs';
import {
  ReplyToSupportMessagePayload,
  SupportThread,
  SupportThreadConnection,
  SupportThreadPayload,
  SupportThreadStatus,
  type SupportThreadRecord,
} from './desk-types';
import { SupportMessage, SupportMessageConnection, type SupportMessageRecord } from './types';

/** The viewer as the one who acts, once the authority agreed they are support staff. */
async function requireStaff(ctx: Context): Promise<Actor> {
  const { actor } = ctx;
  await actor.authority.requireSupportStaff();
  return actor;
}

/** The support desk: SUPPORT accounts answer users' support conversations (FORBIDDEN for anyone else). */
@Resolver(() => SupportThread)
export class SupportDeskResolver {
  @Query(() => SupportThreadConnection, { description: 'Support staff only: support threads, newest message first.' })
  async supportInbox(@Ctx() ctx: Context, @Args(() => SupportInboxArgs) { filter, first, after }: SupportInboxArgs): Promise<Connection<SupportThreadRecord>> {
    await requireStaff(ctx);
    return ctx.services.supportDesk.inbox(filter, { first, after });
  }

  @Query(() => SupportThread, { nullable: true, description: "Support staff only: one user's thread (its id is the user's id)." })
  async supportThread(
    @Ctx() ctx: Context,
    @Arg('id', () => BigIntID, { description: 'Thread id.' }) id: bigint,
  ): Promise<SupportThreadRecord> {
    await requireStaff(ctx);
    return ctx.services.supportDesk.thread(id);
  }

  @FieldResolver(() => UserProfile, { description: 'Whose conversation it is.' })
  async user(@Ctx() ctx: Context, @Root() thread: SupportThreadRecord): Promise<UserProfile> {
    return (await ctx.loaders.userProfiles.load(thread.id))!;
  }

  @FieldResolver(() => SupportMessageConnection, { description: 'The messages, newest first (reading them is audited).' })
  async messages(
    @Ctx() ctx: Context,
    @Root() thread: SupportThreadRecord,
    @Args(() => SupportThreadMessagesArgs) { first, after }: SupportThreadMessagesArgs,
  ): Promise<Connection<SupportMessageRecord>> {
    const staff = await requireStaff(ctx);
    const page = await ctx.services.support.listFor(thread.id, null, { first, after });
    await ctx.services.supportDesk.recordView(staff, thread.id);
    return page;
  }

  @Mutation(() => ReplyToSupportMessagePayload, {
    description: "Support staff only: reply in a user's thread. The user gets it in supportMessages, an email and a supportMessageReceived event.",
  })
  async replyToSupportMessage(
    @Ctx() ctx: Context,
    @Arg('input', () => ReplyToSupportMessageInput, { description: 'The mutation input.' }) input: ReplyToSupportMessageInput,
  ): Promise<ReplyToSupportMessagePayload> {
    const staff = await requireStaff(ctx);
    return ctx.services.supportDesk.reply(staff, input);
  }

  @Mutation(() => SupportThreadPayload, { description: 'Support staff only: mark a thread resolved (idempotent).' })
  async resolveSupportThread(
    @Ctx() ctx: Context,
    @Arg('input', () => SupportThreadInput, { description: 'The mutation input.' }) input: SupportThreadInput,
  ): Promise<SupportThreadPayload> {
    const staff = await requireStaff(ctx);
    return { thread: await ctx.services.supportDesk.setStatus(staff, input.threadId, SupportThreadStatus.RESOLVED) };
  }

  @Mutation(() => SupportThreadPayload, { description: 'Support staff only: reopen a resolved thread (idempotent).' })
  async reopenSupportThread(
    @Ctx() ctx: Context,
    @Arg('input', () => SupportThreadInput, { description: 'The mutation input.' }) input: SupportThreadInput,
  ): Promise<SupportThreadPayload> {
    const staff = await requireStaff(ctx);
    return { thread: await ctx.services.supportDesk.setStatus(staff, input.threadId, SupportThreadStatus.OPEN) };
  }
}

@Resolver()
export class SupportReceivedResolver {
  @Subscription(() => SupportMessage, {
    description: "Replies from support to the viewer, as they are sent (also in supportMessages; unreadSupportMessageCount goes up).",
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => context.services.supportEvents.received(context.actor, context.logger),
  })
  supportMessageReceived(@Root() message: SupportMessageRecord): SupportMessageRecord {
    return message;
  }
}
