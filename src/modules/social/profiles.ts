import type { Context } from '../context-types';
import type { UserProfile } from '../users/types';

/** An embedded profile (requester, grantor, ...): always resolves, the row is guaranteed by a foreign key. */
export async function loadProfile(ctx: Context, userId: bigint): Promise<UserProfile> {
  const profile = await ctx.loaders.userProfiles.load(userId);
  if (!profile) throw new Error(`User ${userId} referenced by a relation does not exist`);
  return profile;
}
