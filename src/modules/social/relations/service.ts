import type { Prisma, PrismaClient } from '../../../generated/prisma/client';
import { requireVerifiedEmail } from '../../../auth/require-viewer';
import { conflict, forbidden, invalidField, notFound } from '../../../lib/errors';
import type { Connection } from '../../../lib/pagination';
import { isUniqueViolation } from '../../../lib/prisma-errors';
import type { PermissionAuthority } from '../../access/authority';
import { REVOKED_BY_BLOCK } from '../../access/audit-visibility';
import { writeAudit } from '../../audit/audit-log';
import type { AfterWrite } from '../../after-write';
import type { Actor } from '../../context-types';
import type { ConnectionRequestDecision } from '../enums';
import { removeRelation, revokeActiveGrants } from './ending';
import type { RelationFilter } from './inputs';
import { listVisibleRelations } from './listing';
import { lockLivePair, lockVisibleRelation } from './locking';
import type { PermissionRecord, RelationRecord } from '../types';

/** A REJECTED request may be sent again (reopening the same row) this long after the rejection. */
export const REOPEN_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** One message for unknown, deleted and blocking targets: the answer must not tell them apart. */
const USER_NOT_FOUND = 'User';

/** Relations: requests by email, answers, block, remove (CONTRACT.md section 3). */
export class RelationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  list(
    authority: PermissionAuthority,
    filter: RelationFilter | null | undefined,
    page: { first?: number | null; after?: string | null },
  ): Promise<Connection<RelationRecord>> {
    return listVisibleRelations(this.prisma, authority, filter, page);
  }

  /** A relation the viewer is a party to (not the blocked side of a BLOCKED one), else NOT_FOUND. */
  async findVisible(authority: PermissionAuthority, relationId: bigint): Promise<RelationRecord> {
    const role = await authority.relationRole(relationId);
    const relation = role ? await this.prisma.relation.findUnique({ where: { id: relationId } }) : null;
    if (!relation) throw notFound('Relation');
    return relation;
  }

  async sendRequest(actor: Actor, rawEmail: string): Promise<RelationRecord> {
    const viewer = requireVerifiedEmail(actor.viewer);
    const email = rawEmail.trim().toLowerCase();
    const target = await this.prisma.user.findFirst({ where: { email, deletedAt: null }, select: { id: true } });
    if (!target) throw notFound(USER_NOT_FOUND);
    if (target.id === viewer.id) {
      throw invalidField(['input', 'email'], 'You cannot send a connection request to yourself', 'notSelf');
    }
    try {
      return await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const { fromA: existing, fromB: reverse } = await lockLivePair(tx, viewer.id, target.id);
        // The target blocked the viewer: they must not learn that the target exists.
        if (existing?.status === 'BLOCKED') throw notFound(USER_NOT_FOUND);
        if (reverse?.status === 'BLOCKED') throw conflict('You blocked this user; unblock them first', 'BLOCKED_BY_VIEWER');
        if (existing?.status === 'PENDING' || existing?.status === 'ACCEPTED') {
          throw conflict(`A ${existing.status.toLowerCase()} relation to this user already exists`, 'RELATION_EXISTS');
        }
        if (existing) return this.reopenRejected(tx, actor, existing, now);

        const created = await tx.relation.create({
          data: { requesterId: viewer.id, requesteeId: target.id, status: 'PENDING', createdAt: now, updatedAt: now },
        });
        await writeAudit(tx, actor.origin, {
          action: 'CREATED',
          entityType: 'RELATION',
          entityId: created.id,
          actorId: viewer.id,
          subjectUserId: target.id,
          newValues: { status: 'PENDING', requesterId: viewer.id, requesteeId: target.id },
        });
        return created;
      });
    } catch (error) {
      // A concurrent request for the same pair won the live-pair unique index.
      if (isUniqueViolation(error)) throw conflict('A relation to this user already exists', 'RELATION_EXISTS');
      throw error;
    } finally {
      // Also after a refusal: a concurrent request may have changed the pair.
      await this.afterWrite.forget(actor, { relations: true });
    }
  }

  /**
   * A REJECTED relation comes back as PENDING with the same id, once 7 days have passed since
   * the rejection. `createdAt` restarts: it is when the (new) request was sent.
   */
  private async reopenRejected(
    tx: Prisma.TransactionClient,
    actor: Actor,
    rejected: RelationRecord,
    now: Date,
  ): Promise<RelationRecord> {
    const rejectedAt = rejected.respondedAt ?? rejected.updatedAt;
    if (now.getTime() - rejectedAt.getTime() < REOPEN_AFTER_MS) {
      throw conflict('This request was rejected less than 7 days ago', 'REJECTED_RECENTLY');
    }
    const reopened = await tx.relation.update({
      where: { id: rejected.id },
      data: { status: 'PENDING', respondedAt: null, createdAt: now },
    });
    await writeAudit(tx, actor.origin, {
      action: 'UPDATED',
      entityType: 'RELATION',
      entityId: rejected.id,
      actorId: actor.viewer.id,
      subjectUserId: rejected.requesteeId,
      oldValues: { status: 'REJECTED', respondedAt: rejected.respondedAt },
      newValues: { status: 'PENDING', respondedAt: null },
    });
    return reopened;
  }

  async respond(actor: Actor, relationId: bigint, decision: ConnectionRequestDecision): Promise<RelationRecord> {
    const viewer = requireVerifiedEmail(actor.viewer);
    const relation = await this.prisma.$transaction(async (tx) => {
      const locked = await lockVisibleRelation(tx, actor.authority, relationId);
      if (!locked) throw notFound('Relation');
      if (locked.role === 'REQUESTER') throw forbidden('Only the requestee can answer a connection request');
      if (locked.relation.status !== 'PENDING') {
        throw conflict(`The request is ${locked.relation.status.toLowerCase()}, not pending`, 'NOT_PENDING');
      }
      const status = decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED';
      const updated = await tx.relation.update({ where: { id: relationId }, data: { status, respondedAt: new Date() } });
      await writeAudit(tx, actor.origin, {
        action: 'UPDATED',
        entityType: 'RELATION',
        entityId: relationId,
        actorId: viewer.id,
        subjectUserId: updated.requesterId,
        oldValues: { status: 'PENDING' },
        newValues: { status, respondedAt: updated.respondedAt },
      });
      return updated;
    });
    await this.afterWrite.forget(actor, { relations: true });
    return relation;
  }

  /**
   * Block `userId`: the viewer's outgoing relation to them is removed and theirs to the
   * viewer (created if missing) becomes BLOCKED; every grant between the two ends. Blocking
   * again is a no-op. Only users the viewer can see (`user(id)` rules) can be blocked, so
   * the mutation reveals nothing about other ids, and a user who blocked the viewer cannot
   * be "blocked back" in a way that would lift their block.
   */
  async block(
    actor: Actor,
    userId: bigint,
  ): Promise<{ relation: RelationRecord; removedRelationIds: bigint[]; revokedPermissions: PermissionRecord[] }> {
    const viewerId = actor.viewer.id;
    if (userId === viewerId) throw invalidField(['input', 'userId'], 'You cannot block yourself', 'notSelf');
    if (!(await actor.authority.canSeeUser(userId))) throw notFound(USER_NOT_FOUND);
    let dashboardsOf: bigint[] = [];
    try {
      const result = await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const { fromA: outgoing, fromB: incoming } = await lockLivePair(tx, viewerId, userId);
        // The other user blocked the viewer since the visibility check above.
        if (outgoing?.status === 'BLOCKED') throw notFound(USER_NOT_FOUND);

        const revokedPermissions: PermissionRecord[] = [];
        const removedRelationIds: bigint[] = [];
        if (outgoing) {
          revokedPermissions.push(...(await removeRelation(tx, actor.origin, viewerId, outgoing, now)));
          removedRelationIds.push(outgoing.id);
        }
        if (incoming?.status === 'BLOCKED') return { relation: incoming, removedRelationIds, revokedPermissions };

        const blocked = incoming
          ? await tx.relation.update({ where: { id: incoming.id }, data: { status: 'BLOCKED' } })
          : await tx.relation.create({
              data: { requesterId: userId, requesteeId: viewerId, status: 'BLOCKED', createdAt: now, updatedAt: now },
            });
        if (incoming) revokedPermissions.push(...(await revokeActiveGrants(tx, actor.origin, viewerId, blocked, now, REVOKED_BY_BLOCK)));
        await writeAudit(tx, actor.origin, {
          action: 'USER_BLOCKED',
          entityType: 'RELATION',
          entityId: blocked.id,
          actorId: viewerId,
          subjectUserId: userId,
          oldValues: incoming ? { status: incoming.status } : null,
          newValues: {
            status: 'BLOCKED',
            removedRelationIds,
            revokedPermissionIds: revokedPermissions.map((p) => p.id),
          },
        });
        return { relation: blocked, removedRelationIds, revokedPermissions };
      });
      // Grants between the two ended in both directions.
      dashboardsOf = [viewerId, userId];
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('The relation changed concurrently; try again', 'CONCURRENT_CHANGE');
      throw error;
    } finally {
      await this.afterWrite.forget(actor, { relations: true, dashboardsOf });
    }
  }

  /** Either party ends the relation (the blocker ends a BLOCKED one: unblock). */
  async remove(actor: Actor, relationId: bigint): Promise<{ removedRelationId: bigint; revokedPermissions: PermissionRecord[] }> {
    const { relation, revokedPermissions } = await this.prisma.$transaction(async (tx) => {
      const locked = await lockVisibleRelation(tx, actor.authority, relationId);
      if (!locked) throw notFound('Relation');
      return {
        relation: locked.relation,
        revokedPermissions: await removeRelation(tx, actor.origin, actor.viewer.id, locked.relation, new Date()),
      };
    });
    // The requestee granted through this relation: their dashboards seen by the requester change.
    await this.afterWrite.forget(actor, { relations: true, dashboardsOf: [relation.requesteeId] });
    return { removedRelationId: relationId, revokedPermissions };
  }
}
