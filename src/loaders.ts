import type DataLoader from 'dataloader';
import type { PrismaClient } from './generated/prisma/client';
import { createDeedRecordLoaders } from './modules/deeds/loaders';
import type { DeedItemRecord, DeedRecord, ScaleRecord, ScaleValueRecord } from './modules/deeds/types';
import { createUnreadSupportMessageCountLoader, createUserProfileLoader } from './modules/users/loaders';
import type { UserProfile } from './modules/users/types';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers. Modules add theirs here (e.g. `deedsById`) and resolve relation fields
 * through them: never a query per parent row.
 */
export interface Loaders {
  /** Public profiles of live or deleted users, for embedded `owner`, `createdBy`, ... fields. */
  userProfiles: DataLoader<bigint, UserProfile | null>;
  /** `User.unreadSupportMessageCount` by user id. */
  unreadSupportMessageCounts: DataLoader<bigint, number>;
  /** Deed, item, scale and scale value rows by id, deleted ones included, NOT visibility-checked. */
  deeds: DataLoader<bigint, DeedRecord | null>;
  deedItems: DataLoader<bigint, DeedItemRecord | null>;
  scales: DataLoader<bigint, ScaleRecord | null>;
  scaleValues: DataLoader<bigint, ScaleValueRecord | null>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    userProfiles: createUserProfileLoader(prisma),
    unreadSupportMessageCounts: createUnreadSupportMessageCountLoader(prisma),
    ...createDeedRecordLoaders(prisma),
  };
}
