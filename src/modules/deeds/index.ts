import { defineModule } from '../module';
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
  createServices: ({ prisma, dashboardCache }) => ({
    deeds: new DeedService(prisma, dashboardCache),
    deedItems: new DeedItemService(prisma, dashboardCache),
    deedItemMoves: new ItemMoveService(prisma, dashboardCache),
    scales: new ScaleService(prisma),
  }),
  createLoaders: createDeedLoaders,
});
