import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context-types';
import { BigIntID } from '../../../lib/id';
import type { UserProfile } from '../../users/types';
import { RelationDirection } from '../enums';
import { loadProfile } from '../profiles';
import { type PermissionRecord, Relation, RelationConnection, type RelationRecord } from '../types';
import {
  BlockUserInput,
  RelationsArgs,
  RemoveConnectionInput,
  RespondToConnectionRequestInput,
  SendConnectionRequestInput,
} from './inputs';
import {
  BlockUserPayload,
  RemoveConnectionPayload,
  RespondToConnectionRequestPayload,
  SendConnectionRequestPayload,
} from './payloads';

@Resolver(() => Relation)
export class RelationResolver {
  @Query(() => RelationConnection, { description: "The viewer's relations, newest first." })
  relations(@Args(() => RelationsArgs) { filter, first, after }: RelationsArgs, @Ctx() ctx: Context): Promise<RelationConnection> {
    return ctx.services.relations.list(ctx.actor.authority, filter, { first, after });
  }

  @Query(() => Relation, { nullable: true, description: 'A relation by id, if the viewer is a party to it.' })
  relation(@Arg('id', () => BigIntID, { description: 'Relation id.' }) id: bigint, @Ctx() ctx: Context): Promise<RelationRecord> {
    return ctx.services.relations.findVisible(ctx.actor.authority, id);
  }

  @Mutation(() => SendConnectionRequestPayload, { description: 'Ask a user (by email) to connect; the viewer becomes the requester.' })
  async sendConnectionRequest(
    @Arg('input', () => SendConnectionRequestInput, { description: 'The mutation input.' }) input: SendConnectionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<SendConnectionRequestPayload> {
    return { relation: await ctx.services.relations.sendRequest(ctx.actor, input.email) };
  }

  @Mutation(() => RespondToConnectionRequestPayload, { description: 'Accept or reject a pending incoming request.' })
  async respondToConnectionRequest(
    @Arg('input', () => RespondToConnectionRequestInput, { description: 'The mutation input.' })
    input: RespondToConnectionRequestInput,
    @Ctx() ctx: Context,
  ): Promise<RespondToConnectionRequestPayload> {
    return { relation: await ctx.services.relations.respond(ctx.actor, input.relationId, input.decision) };
  }

  @Mutation(() => BlockUserPayload, { description: 'Block a user: ends relations with them and stops their requests.' })
  async blockUser(
    @Arg('input', () => BlockUserInput, { description: 'The mutation input.' }) input: BlockUserInput,
    @Ctx() ctx: Context,
  ): Promise<BlockUserPayload> {
    return ctx.services.relations.block(ctx.actor, input.userId);
  }

  @Mutation(() => RemoveConnectionPayload, { description: 'End a relation (or unblock); its permissions are revoked.' })
  async removeConnection(
    @Arg('input', () => RemoveConnectionInput, { description: 'The mutation input.' }) input: RemoveConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveConnectionPayload> {
    return ctx.services.relations.remove(ctx.actor, input.relationId);
  }

  @FieldResolver()
  requester(@Root() relation: RelationRecord, @Ctx() ctx: Context): Promise<UserProfile> {
    return loadProfile(ctx, relation.requesterId);
  }

  @FieldResolver()
  requestee(@Root() relation: RelationRecord, @Ctx() ctx: Context): Promise<UserProfile> {
    return loadProfile(ctx, relation.requesteeId);
  }

  @FieldResolver()
  direction(@Root() relation: RelationRecord, @Ctx() ctx: Context): RelationDirection {
    return relation.requesterId === ctx.viewer?.id ? RelationDirection.OUTGOING : RelationDirection.INCOMING;
  }

  @FieldResolver()
  permissions(@Root() relation: RelationRecord, @Ctx() ctx: Context): Promise<PermissionRecord[]> {
    return ctx.loaders.activePermissionsByRelation.load(relation.id);
  }
}
