import { Prisma } from '../../generated/prisma/client';
import type { AuditAction } from '../audit/audit-log';

/**
 * Who may read an audit row (CONTRACT.md section 3, "Audit events"): the one rule behind
 * `auditEvents` and the `auditEvents` of `exportMyData`, asked through the permission
 * authority (`PermissionAuthority.visibleAuditCondition`).
 *
 * - `ACTOR_AND_SUBJECT`: the user who acted, and the user whose data it touched (the other
 *   party of a relation or grant, the owner a grantee wrote for, the account of a failed login
 *   or a sent reminder). The subject never sees a row about a BLOCKED relation: for the
 *   blocked user that relation does not exist (section 3), so neither does its unblocking or
 *   the revocations the block made.
 * - `ACTOR_ONLY`: the subject, if any, never learns of it (a block; support staff reading or
 *   answering a thread).
 * - `GOAL_OWNER`: goals are never shared, so a completion is the goal owner's alone. The owner
 *   is the subject when the row names one (a grantee's entry or the backstop job completed
 *   it; older rows named the grantee as actor), else the actor.
 *
 * An action missing here (a value stored by a newer server) is shown to nobody.
 */
export type AuditAudience = 'ACTOR_AND_SUBJECT' | 'ACTOR_ONLY' | 'GOAL_OWNER';

export const AUDIT_AUDIENCE: { readonly [A in AuditAction]: AuditAudience } = {
  CREATED: 'ACTOR_AND_SUBJECT',
  UPDATED: 'ACTOR_AND_SUBJECT',
  DELETED: 'ACTOR_AND_SUBJECT',
  RESTORED: 'ACTOR_AND_SUBJECT',
  LOGGED_IN: 'ACTOR_AND_SUBJECT',
  LOGIN_FAILED: 'ACTOR_AND_SUBJECT',
  EMAIL_VERIFIED: 'ACTOR_AND_SUBJECT',
  PASSWORD_CHANGED: 'ACTOR_AND_SUBJECT',
  PASSWORD_RESET: 'ACTOR_AND_SUBJECT',
  DATA_EXPORTED: 'ACTOR_AND_SUBJECT',
  PERMISSION_GRANTED: 'ACTOR_AND_SUBJECT',
  PERMISSION_REVOKED: 'ACTOR_AND_SUBJECT',
  USER_BLOCKED: 'ACTOR_ONLY',
  WRITTEN_ON_BEHALF: 'ACTOR_AND_SUBJECT',
  REMINDER_SENT: 'ACTOR_AND_SUBJECT',
  COMPLETED: 'GOAL_OWNER',
  ROLE_CHANGED: 'ACTOR_AND_SUBJECT',
  SUPPORT_THREAD_VIEWED: 'ACTOR_ONLY',
  SUPPORT_REPLIED: 'ACTOR_ONLY',
  SUPPORT_THREAD_RESOLVED: 'ACTOR_ONLY',
  SUPPORT_THREAD_REOPENED: 'ACTOR_ONLY',
};

/** `reason` of the PERMISSION_REVOKED rows a block writes for the blocked user's grants. */
export const REVOKED_BY_BLOCK = 'USER_BLOCKED';

const actionsOf = (audience: AuditAudience): string[] =>
  (Object.keys(AUDIT_AUDIENCE) as AuditAction[]).filter((action) => AUDIT_AUDIENCE[action] === audience);

/**
 * SQL condition on an `audit_log` row aliased `alias`: `viewerId` may read it. Rows that
 * carry the status BLOCKED (the block, the unblocking) or were revoked by a block are about
 * a BLOCKED relation.
 */
export function auditVisibleTo(viewerId: bigint, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const aboutBlockedRelation = Prisma.sql`COALESCE(${a}.old_values->>'status' = 'BLOCKED'
    OR ${a}.new_values->>'status' = 'BLOCKED' OR ${a}.new_values->>'reason' = ${REVOKED_BY_BLOCK}, FALSE)`;
  return Prisma.sql`(
    (${a}.action_type = ANY(${actionsOf('ACTOR_AND_SUBJECT')}::text[])
      AND (${a}.user_id = ${viewerId} OR (${a}.subject_user_id = ${viewerId} AND NOT ${aboutBlockedRelation})))
    OR (${a}.action_type = ANY(${actionsOf('ACTOR_ONLY')}::text[]) AND ${a}.user_id = ${viewerId})
    OR (${a}.action_type = ANY(${actionsOf('GOAL_OWNER')}::text[])
      AND (${a}.subject_user_id = ${viewerId} OR (${a}.subject_user_id IS NULL AND ${a}.user_id = ${viewerId}))))`;
}

/**
 * For the blocked user (the requester of a BLOCKED relation) that relation does not exist
 * (CONTRACT.md section 3): rows they can read list only the relations they can see, the way
 * `PermissionAuthority.visibleRelationCondition` filters lists.
 */
export function relationsSeenBy<R extends { id: bigint; requesterId: bigint; status: string }>(
  userId: bigint,
  relations: readonly R[],
): bigint[] {
  return relations.filter((r) => !(r.status === 'BLOCKED' && r.requesterId === userId)).map((r) => r.id);
}
