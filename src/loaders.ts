import type { PrismaClient } from './generated/prisma/client';
import { appModules, mergeMembers, type ModuleLoaders } from './modules/registered';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers: what each registered module's manifest builds (e.g. `deeds`, `userProfiles`).
 * Relation fields resolve through them: never a query per parent row.
 */
export type Loaders = ModuleLoaders;

export function createLoaders(prisma: PrismaClient): Loaders {
  return mergeMembers<Loaders>(
    appModules.map((module) => module.createLoaders(prisma)),
    'a loader',
  );
}
