import type { PrismaClient } from '../../generated/prisma/client';
import { UserRole } from '../../generated/prisma/enums';
import { SYSTEM_ORIGIN, writeAudit } from '../audit/audit-log';

export { UserRole };

export class UserRoleError extends Error {}

/**
 * Gives a live account a role (SUPPORT accounts answer the support desk). Only the command
 * line does this (`npm run user:role`), never the API. Audited as ROLE_CHANGED by the system,
 * about the user, in the same transaction; setting the role it already has changes nothing.
 */
export async function setUserRole(
  prisma: PrismaClient,
  email: string,
  role: string,
): Promise<{ userId: bigint; from: UserRole; to: UserRole; changed: boolean }> {
  if (!Object.values(UserRole).includes(role as UserRole)) {
    throw new UserRoleError(`role must be one of ${Object.values(UserRole).join(', ')}`);
  }
  const to = role as UserRole;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { email: email.trim().toLowerCase(), deletedAt: null }, select: { id: true, role: true } });
    if (!user) throw new UserRoleError(`no live account with email ${email}`);
    if (user.role === to) return { userId: user.id, from: user.role, to, changed: false };
    await tx.user.update({ where: { id: user.id }, data: { role: to } });
    await writeAudit(tx, SYSTEM_ORIGIN, {
      action: 'ROLE_CHANGED',
      entityType: 'USER',
      entityId: user.id,
      actorId: null,
      subjectUserId: user.id,
      oldValues: { role: user.role },
      newValues: { role: to },
    });
    return { userId: user.id, from: user.role, to, changed: true };
  });
}
