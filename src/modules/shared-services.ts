import { createMailer } from '../mail';
import { AfterWrite } from './after-write';
import { DashboardCache } from './dashboard/dashboard-cache';
import { EntryEvents } from './entries/entry-events';
import type { ServiceDependencies, SharedServices } from './module';
import { GoalEvents } from './progress/goal-events';
import { LiveUsers } from './users/live-users';

/**
 * Builds the hooks several modules share. Listeners of the events (subscriptions) subscribe
 * in their own module's services factory.
 */
export function createSharedServices(deps: ServiceDependencies): SharedServices {
  const entryEvents = new EntryEvents(deps.logger);
  const dashboardCache = new DashboardCache(deps.cache, deps.logger);
  const liveUsers = new LiveUsers(deps.prisma, deps.events, { ttlSeconds: deps.config.viewerCacheSeconds });
  return {
    mailer: createMailer(deps.config),
    entryEvents,
    goalEvents: new GoalEvents(deps.logger),
    dashboardCache,
    liveUsers,
    afterWrite: new AfterWrite(dashboardCache, liveUsers),
  };
}
