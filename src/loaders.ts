import type DataLoader from 'dataloader';
import type { PrismaClient } from './generated/prisma/client';
import { createDeedLoaders } from './modules/deeds/loaders';
import type { DeedItemRecord, DeedRecord, ScaleRecord, ScaleValueRecord } from './modules/deeds/types';
import { createEntryLoaders, type EntryLoaders } from './modules/entries/loaders';
import { createProgressLoaders, type ProgressLoaders } from './modules/progress/loaders';
import { createSocialLoaders, type SocialLoaders } from './modules/social/loaders';
import { createUnreadSupportMessageCountLoader, createUserProfileLoader } from './modules/users/loaders';
import type { UserProfile } from './modules/users/types';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers. Modules add theirs here (e.g. `deedsById`) and resolve relation fields
 * through them: never a query per parent row.
 */
export interface Loaders extends SocialLoaders, EntryLoaders, ProgressLoaders {
  /** Public profiles of live or deleted users, for embedded `owner`, `createdBy`, ... fields. */
  userProfiles: DataLoader<bigint, UserProfile | null>;
  /** `User.unreadSupportMessageCount` by user id. */
  unreadSupportMessageCounts: DataLoader<bigint, number>;
  /** Deed, item, scale and scale value rows by id, deleted ones included, NOT visibility-checked. */
  deeds: DataLoader<bigint, DeedRecord | null>;
  deedItems: DataLoader<bigint, DeedItemRecord | null>;
  scales: DataLoader<bigint, ScaleRecord | null>;
  scaleValues: DataLoader<bigint, ScaleValueRecord | null>;
  /** Deeds-domain relation loaders (rows, NOT visibility-checked; see modules/deeds/loaders.ts). */
  itemsByDeed: DataLoader<bigint, DeedItemRecord[]>;
  childItems: DataLoader<bigint, DeedItemRecord[]>;
  itemAncestors: DataLoader<bigint, DeedItemRecord[]>;
  itemDescendants: DataLoader<bigint, DeedItemRecord[]>;
  scalesByDeed: DataLoader<bigint, ScaleRecord[]>;
  activeScaleByDeed: DataLoader<bigint, ScaleRecord | null>;
  scaleValuesByScale: DataLoader<bigint, ScaleValueRecord[]>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    userProfiles: createUserProfileLoader(prisma),
    unreadSupportMessageCounts: createUnreadSupportMessageCountLoader(prisma),
    ...createSocialLoaders(prisma),
    ...createDeedLoaders(prisma),
    ...createEntryLoaders(prisma),
    ...createProgressLoaders(prisma),
  };
}
