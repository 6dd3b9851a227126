import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/require-viewer';
import type { Context } from '../../context';
import { BigIntID } from '../../lib/id';
import { UserProfile } from '../users/types';
import { Dashboard, dashboardFromRecord } from './types';

const DEFAULT_DAYS = 30;

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, { description: 'Dashboard over the last `days` days for the viewer or a user who granted READ.' })
  async dashboard(
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { nullable: true, defaultValue: DEFAULT_DAYS, description: 'Window length including today (1–365).' })
    days: number | null,
    @Arg('ownerId', () => BigIntID, { nullable: true, description: 'Whose entries; defaults to the viewer.' })
    ownerId: bigint | null,
  ): Promise<Dashboard> {
    const viewer = requireViewer(ctx);
    const record = await ctx.services.dashboards.dashboard(
      { viewerId: viewer.id, authority: ctx.authority, userProfiles: ctx.loaders.userProfiles },
      // An explicit null means "the default", like an omitted argument.
      { days: days ?? DEFAULT_DAYS, ownerId: ownerId ?? null },
    );
    return dashboardFromRecord(record);
  }

  @FieldResolver(() => UserProfile, { description: 'Whose entries are aggregated.' })
  async owner(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<UserProfile> {
    const profile = await ctx.loaders.userProfiles.load(dashboard.ownerId);
    // The service loaded this very profile before answering.
    return profile!;
  }
}
