import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { DeedResolver } from './deed-resolver';
import { DeedService } from './deed-service';
import { DeedItemResolver } from './item-resolver';
import { ItemMoveService } from './item-move';
import { DeedItemService } from './item-service';
import { createDeedLoaders } from './loaders';
import { ScaleResolver, ScaleValueResolver } from './scale-resolver';
import { ScaleService } from './scale-service';

/** Deeds, their item trees and their scales. */
export const deedsModule = defineModule({
  resolvers: [DeedResolver, DeedItemResolver, ScaleResolver, ScaleValueResolver],
  createServices: ({ prisma, afterWrite }) => ({
    deeds: new DeedService(prisma, afterWrite),
    deedItems: new DeedItemService(prisma, afterWrite),
    deedItemMoves: new ItemMoveService(prisma, afterWrite),
    scales: new ScaleService(prisma, afterWrite),
  }),
  createLoaders: createDeedLoaders,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof deedsModule> {}
  interface ContextLoaders extends LoadersOf<typeof deedsModule> {}
}
