import type { Prisma } from '../../../generated/prisma/client';
import type { PermissionAuthority, RelationRole } from '../../access/authority';
import type { RelationRecord } from '../types';

export interface LockedRelation {
  relation: RelationRecord;
  role: RelationRole;
}

/**
 * Inside a mutation's transaction: the relation row, locked until commit, if the viewer may
 * see it (the authority's own condition); null otherwise. Locking serialises every change
 * to one relation and its grants, so a grant cannot slip in beside a concurrent remove or
 * block, and the visibility check cannot go stale before the write.
 */
export async function lockVisibleRelation(
  tx: Prisma.TransactionClient,
  authority: PermissionAuthority,
  relationId: bigint,
): Promise<LockedRelation | null> {
  const [relation] = await tx.$queryRaw<RelationRecord[]>`
    SELECT r.relation_id AS "id", r.requester_id AS "requesterId", r.requestee_id AS "requesteeId",
           r.status::text AS "status", r.responded_at AS "respondedAt", r.created_at AS "createdAt",
           r.updated_at AS "updatedAt", r.deleted_at AS "deletedAt"
    FROM relations r
    WHERE r.relation_id = ${relationId} AND ${authority.visibleRelationCondition('r')}
    FOR UPDATE`;
  if (!relation) return null;
  return { relation, role: relation.requesterId === authority.viewerId ? 'REQUESTER' : 'REQUESTEE' };
}
