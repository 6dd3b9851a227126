import type DataLoader from 'dataloader';
import type { PrismaClient } from './generated/prisma/client';
import { createUserProfileLoader } from './modules/users/loaders';
import type { UserProfile } from './modules/users/types';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers. Modules add theirs here (e.g. `deedsById`) and resolve relation fields
 * through them: never a query per parent row.
 */
export interface Loaders {
  /** Public profiles of live or deleted users, for embedded `owner`, `createdBy`, ... fields. */
  userProfiles: DataLoader<bigint, UserProfile | null>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    userProfiles: createUserProfileLoader(prisma),
  };
}
