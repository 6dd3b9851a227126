import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { MeritItemResolver, TargetItemResolver } from './item-resolvers';
import { createProgressLoaders } from './loaders';
import { MeritResolver } from './merit-resolver';
import { MeritService } from './merit-service';
import { TargetResolver } from './target-resolver';
import { TargetService } from './target-service';

/** Merits and targets: goals over deed items and their completion. */
export const progressModule = defineModule({
  resolvers: [MeritResolver, MeritItemResolver, TargetResolver, TargetItemResolver],
  createServices: ({ prisma, goalEvents, afterWrite }) => ({
    merits: new MeritService(prisma, goalEvents, afterWrite),
    targets: new TargetService(prisma, afterWrite),
  }),
  createLoaders: createProgressLoaders,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof progressModule> {}
  interface ContextLoaders extends LoadersOf<typeof progressModule> {}
}
