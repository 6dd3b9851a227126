import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import { userFromRecord } from '../users/types';
import { MarkMessageReadInput, SendSupportMessageInput, SupportMessagesArgs } from './inputs';
import { MarkMessageReadPayload, SendSupportMessagePayload, SupportMessage, SupportMessageConnection } from './types';

@Resolver(() => SupportMessage)
export class SupportMessageResolver {
  @Query(() => SupportMessageConnection, { description: "The viewer's support conversation, newest first." })
  supportMessages(
    @Ctx() ctx: Context,
    @Args(() => SupportMessagesArgs) { filter, first, after }: SupportMessagesArgs,
  ): Promise<SupportMessageConnection> {
    return ctx.services.support.list(ctx.actor, filter, { first, after });
  }

  @Mutation(() => SendSupportMessagePayload, { description: 'Send a message to support.' })
  async sendSupportMessage(
    @Ctx() ctx: Context,
    @Arg('input', () => SendSupportMessageInput, { description: 'The mutation input.' }) input: SendSupportMessageInput,
  ): Promise<SendSupportMessagePayload> {
    return { message: await ctx.services.support.send(ctx.actor, input) };
  }

  @Mutation(() => MarkMessageReadPayload, { description: 'Mark a message from support as read (idempotent).' })
  async markMessageRead(
    @Ctx() ctx: Context,
    @Arg('input', () => MarkMessageReadInput, { description: 'The mutation input.' }) input: MarkMessageReadInput,
  ): Promise<MarkMessageReadPayload> {
    const { actor } = ctx;
    const message = await ctx.services.support.markRead(actor, input.messageId);
    return { message, me: userFromRecord(actor.viewer.user) };
  }
}
