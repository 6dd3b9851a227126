import type { Prisma, PrismaClient } from '../../../generated/prisma/client';
import { requireVerifiedEmail } from '../../../auth/require-viewer';
import { conflict, forbidden, notFound } from '../../../lib/errors';
import { parseId } from '../../../lib/id';
import { type Connection, connectionFromRows, decodeCursor, encodeCursor, invalidCursor, pageSize } from '../../../lib/pagination';
import { writeAudit } from '../../audit/audit-log';
import type { AfterWrite } from '../../after-write';
import type { Actor } from '../../context-types';
import type { PermissionType } from '../enums';
import { lockVisibleRelation } from '../relations/locking';
import type { PermissionFilter } from './inputs';
import type { PermissionRecord, RelationRecord } from '../types';

export interface GrantResult {
  permission: PermissionRecord;
  supersededPermission: PermissionRecord | null;
  relation: RelationRecord;
}

type PageArgs = { first?: number | null; after?: string | null };

/** Grants over ACCEPTED relations, versioned: rows are never deleted (CONTRACT.md section 3). */
export class PermissionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  /**
   * Grants the viewer made as owner through their live relations; the whole history with
   * `includeInactive`. Newest first by id, which is the order versions were created in.
   */
  grantedBy(actor: Actor, filter: PermissionFilter | null | undefined, page: PageArgs): Promise<Connection<PermissionRecord>> {
    return this.page(
      {
        ...(filter?.includeInactive ? {} : { isActive: true }),
        ...(filter?.deedItemId != null ? { deedItemId: filter.deedItemId } : {}),
        relation: {
          requesteeId: actor.viewer.id,
          deletedAt: null,
          ...(filter?.userId != null ? { requesterId: filter.userId } : {}),
        },
      },
      page,
    );
  }

  /** Active grants the viewer holds through their ACCEPTED relations (`includeInactive` is ignored). */
  grantedTo(actor: Actor, filter: PermissionFilter | null | undefined, page: PageArgs): Promise<Connection<PermissionRecord>> {
    return this.page(
      {
        isActive: true,
        ...(filter?.deedItemId != null ? { deedItemId: filter.deedItemId } : {}),
        relation: {
          requesterId: actor.viewer.id,
          deletedAt: null,
          status: 'ACCEPTED',
          ...(filter?.userId != null ? { requesteeId: filter.userId } : {}),
        },
      },
      page,
    );
  }

  private async page(where: Prisma.PermissionWhereInput, args: PageArgs): Promise<Connection<PermissionRecord>> {
    const first = pageSize(args.first);
    let afterId: bigint | null = null;
    if (args.after != null) {
      afterId = parseId(decodeCursor(args.after, 1)[0]);
      if (afterId === null) throw invalidCursor();
    }
    const [rows, totalCount] = await Promise.all([
      this.prisma.permission.findMany({
        where: afterId === null ? where : { AND: [where, { id: { lt: afterId } }] },
        orderBy: { id: 'desc' },
        take: first + 1,
      }),
      this.prisma.permission.count({ where }),
    ]);
    return connectionFromRows(rows, { first, after: args.after, totalCount, cursorOf: (row) => encodeCursor([row.id.toString()]) });
  }

  /**
   * Grant `type` on the viewer's item through an ACCEPTED relation where the viewer is the
   * requestee. The same type as the active version returns it unchanged; another type ends
   * the active version and creates version n+1, in one transaction.
   */
  async grant(actor: Actor, input: { relationId: bigint; deedItemId: bigint; type: PermissionType }): Promise<GrantResult> {
    const viewer = requireVerifiedEmail(actor.viewer);
    // The authority reads through its own connection: asked first, so the transaction below
    // finds the answer remembered instead of waiting for a second pooled connection while it
    // holds one (with every connection held that way, the pool would deadlock).
    await actor.authority.itemAccess(input.deedItemId);
    const result = await this.prisma.$transaction(async (tx) => {
      const locked = await lockVisibleRelation(tx, actor.authority, input.relationId);
      if (!locked) throw notFound('Relation');
      if (locked.role === 'REQUESTER') throw forbidden('Only the requestee of a relation can grant permissions through it');
      if (locked.relation.status !== 'ACCEPTED') {
        throw conflict(`The relation is ${locked.relation.status.toLowerCase()}, not accepted`, 'RELATION_NOT_ACCEPTED');
      }
      const item = await actor.authority.requireOwnedItem(input.deedItemId);
      if (item.effectivelyDeleted) throw conflict('The deed item or something above it is deleted', 'DELETED');

      const relation = locked.relation;
      const active = await tx.permission.findFirst({
        where: { relationId: relation.id, deedItemId: input.deedItemId, isActive: true },
      });
      if (active?.type === input.type) return { permission: active, supersededPermission: null, relation };

      const now = new Date();
      const supersededPermission = active
        ? await tx.permission.update({ where: { id: active.id }, data: { isActive: false, revokedAt: now } })
        : null;
      const latest = await tx.permission.aggregate({
        where: { relationId: relation.id, deedItemId: input.deedItemId },
        _max: { version: true },
      });
      const permission = await tx.permission.create({
        data: {
          relationId: relation.id,
          deedItemId: input.deedItemId,
          type: input.type,
          version: (latest._max.version ?? 0) + 1,
          grantedAt: now,
        },
      });
      await writeAudit(tx, actor.origin, {
        action: 'PERMISSION_GRANTED',
        entityType: 'PERMISSION',
        entityId: permission.id,
        actorId: viewer.id,
        subjectUserId: relation.requesterId,
        oldValues: supersededPermission ? { permissionId: supersededPermission.id, type: supersededPermission.type } : null,
        newValues: { relationId: relation.id, deedItemId: input.deedItemId, type: input.type, version: permission.version },
      });
      return { permission, supersededPermission, relation };
    });
    // The grantor owns the item: their dashboards seen by this grantee change.
    await this.afterWrite.forget(actor, { relations: true, dashboardsOf: [viewer.id] });
    return result;
  }

  /**
   * Ends the active version. Only the grantor may, and only an active version: revoking a
   * revoked or superseded version is CONFLICT (a no-op could hide that a newer version is
   * still in force). The grantee sees their active grants (permissionsGrantedToMe,
   * Relation.permissions), so for them an active one is FORBIDDEN and any other NOT_FOUND.
   */
  async revoke(actor: Actor, permissionId: bigint): Promise<{ permission: PermissionRecord; relation: RelationRecord }> {
    const existing = await this.prisma.permission.findUnique({ where: { id: permissionId }, select: { relationId: true } });
    if (!existing) throw notFound('Permission');
    const result = await this.prisma.$transaction(async (tx) => {
      const locked = await lockVisibleRelation(tx, actor.authority, existing.relationId);
      if (!locked) throw notFound('Permission');
      if (locked.role === 'REQUESTER') {
        const current = await tx.permission.findUniqueOrThrow({ where: { id: permissionId }, select: { isActive: true } });
        if (current.isActive) throw forbidden('Only the grantor can revoke a permission');
        throw notFound('Permission');
      }
      const [permission] = await tx.permission.updateManyAndReturn({
        where: { id: permissionId, isActive: true },
        data: { isActive: false, revokedAt: new Date() },
      });
      if (!permission) throw conflict('This permission version is no longer active', 'NOT_ACTIVE');
      await writeAudit(tx, actor.origin, {
        action: 'PERMISSION_REVOKED',
        entityType: 'PERMISSION',
        entityId: permission.id,
        actorId: actor.viewer.id,
        subjectUserId: locked.relation.requesterId,
        oldValues: { isActive: true, type: permission.type, version: permission.version },
        newValues: { isActive: false, relationId: locked.relation.id, deedItemId: permission.deedItemId },
      });
      return { permission, relation: locked.relation };
    });
    await this.afterWrite.forget(actor, { relations: true, dashboardsOf: [actor.viewerId] });
    return result;
  }
}

