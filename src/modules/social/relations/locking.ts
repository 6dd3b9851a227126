import type { Prisma } from '../../../generated/prisma/client';
import type { PermissionAuthority, RelationRole } from '../../access/authority';
import type { RelationRecord } from '../types';
import { RELATION_COLUMNS } from './columns';

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
    SELECT ${RELATION_COLUMNS} FROM relations r
    WHERE r.relation_id = ${relationId} AND ${authority.visibleRelationCondition('r')}
    FOR UPDATE`;
  if (!relation) return null;
  return { relation, role: relation.requesterId === authority.viewerId ? 'REQUESTER' : 'REQUESTEE' };
}

/**
 * Inside a mutation's transaction: the live relations between two users in both directions,
 * locked in id order (two users blocking each other at once cannot deadlock). A row ended by
 * a concurrent transaction is not returned once that transaction commits.
 */
export async function lockLivePair(
  tx: Prisma.TransactionClient,
  userA: bigint,
  userB: bigint,
): Promise<{ fromA: RelationRecord | null; fromB: RelationRecord | null }> {
  const rows = await tx.$queryRaw<RelationRecord[]>`
    SELECT ${RELATION_COLUMNS} FROM relations r
    WHERE r.deleted_at IS NULL
      AND ((r.requester_id = ${userA} AND r.requestee_id = ${userB}) OR (r.requester_id = ${userB} AND r.requestee_id = ${userA}))
    ORDER BY r.relation_id
    FOR UPDATE`;
  return {
    fromA: rows.find((r) => r.requesterId === userA) ?? null,
    fromB: rows.find((r) => r.requesterId === userB) ?? null,
  };
}
