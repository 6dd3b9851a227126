import type { PrismaClient, User as UserRecord } from '../../generated/prisma/client';

/** Reads and rules for user accounts. */
export class UserService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The user unless missing or soft-deleted (deleted accounts cannot act or be seen). */
  findLiveById(id: bigint): Promise<UserRecord | null> {
    return this.prisma.user.findFirst({ where: { id, deletedAt: null } });
  }
}
