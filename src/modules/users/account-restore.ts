import type { GraphQLError } from 'graphql';
import { verifyPassword } from '../../auth/passwords';
import type { PrismaClient, User as UserRecord } from '../../generated/prisma/client';
import { conflict, forbidden, unauthenticated } from '../../lib/errors';
import { bigintArray } from '../../lib/sql';
import { relationsSeenBy } from '../access/audit-visibility';
import { writeAudit, type RequestOrigin } from '../audit/audit-log';

/**
 * The grace period of a deleted account (CONTRACT.md section 4): until users.purge_after the
 * owner may sign in only to learn that the account is scheduled for deletion (login answers
 * FORBIDDEN with reason ACCOUNT_DELETION_SCHEDULED and `purgeAfter`), and may cancel it with
 * restoreAccount. Everything deleteAccount ended at its instant comes back: the relations in
 * both directions (where the other party is still live) and the grants of those relations.
 * The reminder stays off (set it again). Once purge_after has passed, the account is the
 * purge job's (src/ops/account-purge.ts) and behaves as unknown.
 */

export const ACCOUNT_DELETION_SCHEDULED = 'ACCOUNT_DELETION_SCHEDULED';

const SCHEDULED_MESSAGE = 'This account is scheduled for deletion: restoreAccount cancels that';

/** The account in its grace period with this (normalised) email whose password is `password`. */
export async function scheduledAccountFor(prisma: PrismaClient, email: string, password: string): Promise<UserRecord | null> {
  const account = await prisma.user.findFirst({
    where: { email, deletedAt: { not: null }, purgeAfter: { gt: new Date() } },
    orderBy: { deletedAt: 'desc' },
  });
  if (!account || !(await verifyPassword(account.passwordHash, password))) return null;
  return account;
}

export function deletionScheduled(purgeAfter: Date): GraphQLError {
  const error = forbidden(SCHEDULED_MESSAGE, ACCOUNT_DELETION_SCHEDULED);
  error.extensions.purgeAfter = purgeAfter.toISOString();
  return error;
}

/**
 * Cancels the scheduled deletion of `account` (found by scheduledAccountFor) in one
 * transaction. UNAUTHENTICATED (`failedMessage`) if the grace period ended meanwhile;
 * CONFLICT EMAIL_TAKEN if a new account took the address in the meantime.
 */
export async function restoreScheduledAccount(
  prisma: PrismaClient,
  account: UserRecord,
  origin: RequestOrigin,
  failedMessage: string,
): Promise<UserRecord> {
  return prisma.$transaction(async (tx) => {
    // Locked, and judged by the database clock: the purge starts only once purge_after has passed.
    const [current] = await tx.$queryRaw<Array<{ deletedAt: Date }>>`
      SELECT deleted_at AS "deletedAt" FROM users
      WHERE user_id = ${account.id} AND deleted_at IS NOT NULL AND purge_after > clock_timestamp() FOR UPDATE`;
    if (!current) throw unauthenticated(failedMessage);
    const taken = await tx.user.findFirst({ where: { email: account.email, deletedAt: null }, select: { id: true } });
    if (taken) throw conflict('An account with this email address already exists', 'EMAIL_TAKEN');

    const userId = account.id;
    const relations = await tx.$queryRaw<Array<{ id: bigint; requesterId: bigint; status: string }>>`
      UPDATE relations r SET deleted_at = NULL, updated_at = now()
      WHERE r.deleted_at = ${current.deletedAt} AND (r.requester_id = ${userId} OR r.requestee_id = ${userId})
        AND EXISTS (SELECT 1 FROM users o WHERE o.deleted_at IS NULL
                    AND o.user_id = CASE WHEN r.requester_id = ${userId} THEN r.requestee_id ELSE r.requester_id END)
        AND NOT EXISTS (SELECT 1 FROM relations l WHERE l.deleted_at IS NULL
                        AND l.requester_id = r.requester_id AND l.requestee_id = r.requestee_id)
      RETURNING r.relation_id AS id, r.requester_id AS "requesterId", r.status::text AS status`;
    const relationIds = relations.map((relation) => relation.id).sort((a, b) => (a < b ? -1 : 1));
    const grants = await tx.$queryRaw<Array<{ id: bigint }>>`
      UPDATE permissions SET is_active = true, revoked_at = NULL, updated_at = now()
      WHERE relation_id = ANY(${bigintArray(relationIds)}) AND revoked_at = ${current.deletedAt} AND NOT is_active
      RETURNING permission_id AS id`;
    const restored = await tx.user.update({
      where: { id: userId },
      data: { deletedAt: null, purgeAfter: null, isActive: true, deletionReason: null },
    });
    await writeAudit(tx, origin, {
      action: 'RESTORED',
      entityType: 'USER',
      entityId: userId,
      actorId: userId,
      newValues: {
        // All of them come back; the row lists those the user can see (not a block of them).
        restoredRelationIds: relationsSeenBy(userId, relations).sort((a, b) => (a < b ? -1 : 1)),
        restoredPermissionIds: grants.map((grant) => grant.id).sort((a, b) => (a < b ? -1 : 1)),
      },
    });
    return restored;
  });
}
