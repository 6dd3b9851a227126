import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { User, userFromRecord } from './types';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when the request is not authenticated.' })
  me(@Ctx() ctx: Context): User | null {
    // The viewer's row was loaded (and checked live) when the token was verified.
    return ctx.viewer ? userFromRecord(ctx.viewer.user) : null;
  }
}
