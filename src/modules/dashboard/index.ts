import { defineModule, none, type ServicesOf } from '../module';
import { DashboardResolver } from './resolver';
import { DashboardService } from './service';

/** The owner's dashboard aggregates (its cache is a shared service: writers drop it). */
export const dashboardModule = defineModule({
  resolvers: [DashboardResolver],
  createServices: ({ prisma, dashboardCache }) => ({ dashboards: new DashboardService(prisma, dashboardCache) }),
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof dashboardModule> {}
}
