import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { notFound } from '../../lib/errors';
import { BigIntID } from '../../lib/id';
import { User, UserProfile, userFromRecord } from './types';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when the request is not authenticated.' })
  me(@Ctx() ctx: Context): User | null {
    // The viewer's row was loaded (and checked live) when the token was verified.
    return ctx.viewer ? userFromRecord(ctx.viewer.user) : null;
  }

  @Query(() => UserProfile, {
    nullable: true,
    description: 'Public profile of the viewer or a user they have a relation with; otherwise NOT_FOUND.',
  })
  async user(
    @Arg('id', () => BigIntID, { description: 'User id.' }) id: bigint,
    @Ctx() ctx: Context,
  ): Promise<UserProfile> {
    const profile = (await ctx.actor.authority.canSeeUser(id)) ? await ctx.loaders.userProfiles.load(id) : null;
    if (!profile) throw notFound('User');
    return profile;
  }

  @FieldResolver(() => Int)
  unreadSupportMessageCount(@Root() user: User, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.unreadSupportMessageCounts.load(user.id);
  }
}
