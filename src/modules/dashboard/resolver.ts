import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { UserProfile } from '../users/types';
import { DashboardArgs, DEFAULT_DASHBOARD_DAYS } from './inputs';
import { Dashboard, dashboardFromRecord } from './types';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, { description: 'Dashboard over the last `days` days for the viewer or a user who granted READ.' })
  async dashboard(@Ctx() ctx: Context, @Args(() => DashboardArgs) { days, ownerId }: DashboardArgs): Promise<Dashboard> {
    const record = await ctx.services.dashboards.dashboard(
      ctx.actor,
      // An explicit null means "the default", like an omitted argument.
      { days: days ?? DEFAULT_DASHBOARD_DAYS, ownerId: ownerId ?? null },
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
