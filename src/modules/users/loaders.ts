import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import type { UserProfile } from './types';

/**
 * Public profiles by user id, live or deleted: embedded profiles (owner, createdBy,
 * changedBy, requester, grantor, ...) always resolve (CONTRACT.md section 3), so a deleted
 * author still has a name. One query per batch. Resolves null only for ids that never existed.
 */
export function createUserProfileLoader(prisma: PrismaClient): DataLoader<bigint, UserProfile | null> {
  return new DataLoader<bigint, UserProfile | null>(
    async (ids) => {
      const rows = await prisma.user.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, fullName: true, timezone: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  );
}
