import type { Prisma } from '../../../generated/prisma/client';
import { type RequestOrigin, writeAudit } from '../../audit/audit-log';
import { REVOKED_BY_BLOCK } from '../../access/audit-visibility';
import type { PermissionRecord, RelationRecord } from '../types';

/**
 * Ending a relation (remove, block) revokes all its active grants (CONTRACT.md section 3).
 * These run inside the caller's transaction and audit what they do.
 */

type Tx = Prisma.TransactionClient;

/** The party of `relation` who is not `userId`. */
export function otherParty(relation: Pick<RelationRecord, 'requesterId' | 'requesteeId'>, userId: bigint): bigint {
  return relation.requesterId === userId ? relation.requesteeId : relation.requesterId;
}

/** Why a relation's grants ended, as the PERMISSION_REVOKED rows record it. */
export type GrantsEndedReason = 'RELATION_ENDED' | typeof REVOKED_BY_BLOCK;

/**
 * Ends every active grant made through `relation`; one PERMISSION_REVOKED audit row each.
 * A block's revocations say so (`REVOKED_BY_BLOCK`): only the blocker sees those rows, since
 * for the blocked user the BLOCKED relation does not exist (access/audit-visibility.ts).
 */
export async function revokeActiveGrants(
  tx: Tx,
  origin: RequestOrigin,
  actorId: bigint,
  relation: RelationRecord,
  now: Date,
  reason: GrantsEndedReason = 'RELATION_ENDED',
): Promise<PermissionRecord[]> {
  const revoked = await tx.permission.updateManyAndReturn({
    where: { relationId: relation.id, isActive: true },
    data: { isActive: false, revokedAt: now },
  });
  for (const permission of revoked) {
    await writeAudit(tx, origin, {
      action: 'PERMISSION_REVOKED',
      entityType: 'PERMISSION',
      entityId: permission.id,
      actorId,
      subjectUserId: otherParty(relation, actorId),
      oldValues: { isActive: true, type: permission.type, version: permission.version },
      newValues: { isActive: false, relationId: relation.id, deedItemId: permission.deedItemId, reason },
    });
  }
  return revoked;
}

/** Soft-deletes a live relation (gone for both parties) and revokes its grants. */
export async function removeRelation(
  tx: Tx,
  origin: RequestOrigin,
  actorId: bigint,
  relation: RelationRecord,
  now: Date,
): Promise<PermissionRecord[]> {
  await tx.relation.update({ where: { id: relation.id }, data: { deletedAt: now } });
  await writeAudit(tx, origin, {
    action: 'DELETED',
    entityType: 'RELATION',
    entityId: relation.id,
    actorId,
    subjectUserId: otherParty(relation, actorId),
    oldValues: { status: relation.status, requesterId: relation.requesterId, requesteeId: relation.requesteeId },
  });
  return revokeActiveGrants(tx, origin, actorId, relation, now);
}
