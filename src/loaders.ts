import type { PrismaClient } from './generated/prisma/client';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers. Modules add theirs here (e.g. `deedsById`) and resolve relation fields
 * through them: never a query per parent row.
 */
export interface Loaders {}

export function createLoaders(_prisma: PrismaClient): Loaders {
  return {};
}
