import DataLoader from 'dataloader';
import { recordsById, type RecordLoader } from '../../lib/record-loader';
import type { PrismaClient } from '../../generated/prisma/client';
import type { UserProfile } from './types';

/**
 * Public profiles by user id, live or deleted: embedded profiles (owner, createdBy,
 * changedBy, requester, grantor, ...) always resolve (CONTRACT.md section 3), so a deleted
 * author still has a name. One query per batch. Resolves null only for ids that never existed.
 */
export function createUserProfileLoader(prisma: PrismaClient): RecordLoader<UserProfile> {
  return recordsById((ids) => prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, timezone: true } }));
}

/** `User.unreadSupportMessageCount` by user id: live SUPPORT messages not yet read. */
export function createUnreadSupportMessageCountLoader(prisma: PrismaClient): DataLoader<bigint, number> {
  return new DataLoader<bigint, number>(async (userIds) => {
    const groups = await prisma.message.groupBy({
      by: ['userId'],
      where: { userId: { in: [...userIds] }, sender: 'SUPPORT', readAt: null, deletedAt: null },
      _count: { _all: true },
    });
    const counts = new Map(groups.map((group) => [group.userId, group._count._all]));
    return userIds.map((userId) => counts.get(userId) ?? 0);
  });
}
