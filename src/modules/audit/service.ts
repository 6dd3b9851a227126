import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor } from '../../lib/keyset-cursor';
import { type Connection, connectionFromRows, pageSize } from '../../lib/pagination';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditAction, type AuditEntityType } from './enums';
import type { AuditEventFilter } from './inputs';
import type { AuditEvent } from './types';

interface AuditRow {
  id: bigint;
  actorId: bigint | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: bigint | null;
  ipAddress: string | null;
  oldValues: unknown;
  newValues: unknown;
  createdAt: Date;
  cursorTime: string;
}

/**
 * `auditEvents`: what the viewer did (user_id) and what others did to the viewer's data
 * (subject_user_id), newest first.
 *
 * - Rows whose stored action or table name is not (yet) a value of the GraphQL enums are
 *   left out in SQL, so pages and totalCount agree; add the value to enums.ts and the SDL to
 *   show them.
 * - A block is never shown to the blocked user (CONTRACT.md section 3: for them the BLOCKED
 *   relation does not exist).
 * - The client ip is shown only to the actor.
 */
export class AuditEventService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(
    viewerId: bigint,
    filter: AuditEventFilter | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<AuditEvent>> {
    const first = pageSize(args.first);
    const position = args.after != null ? decodeTimeIdCursor(args.after) : null;

    const conditions = [
      Prisma.sql`(a.user_id = ${viewerId} OR (a.subject_user_id = ${viewerId} AND a.action_type <> ${AuditAction.USER_BLOCKED}))`,
      Prisma.sql`a.action_type = ANY(${[...AUDIT_ACTIONS]}::text[])`,
      Prisma.sql`a.table_name = ANY(${[...AUDIT_ENTITY_TYPES]}::text[])`,
    ];
    if (filter?.actions != null) conditions.push(Prisma.sql`a.action_type = ANY(${filter.actions}::text[])`);
    if (filter?.entityType != null) conditions.push(Prisma.sql`a.table_name = ${filter.entityType}`);
    if (filter?.from != null) conditions.push(Prisma.sql`a.created_at >= ${filter.from}::timestamptz`);
    if (filter?.to != null) conditions.push(Prisma.sql`a.created_at < ${filter.to}::timestamptz`);
    const where = Prisma.join(conditions, ' AND ');
    const createdAt = Prisma.raw('a.created_at');

    const [rows, [count]] = await Promise.all([
      this.prisma.$queryRaw<AuditRow[]>`
        SELECT a.audit_log_id AS "id", a.user_id AS "actorId", a.action_type AS "action",
               a.table_name AS "entityType", a.record_id AS "entityId", host(a.ip_address) AS "ipAddress",
               a.old_values AS "oldValues", a.new_values AS "newValues", a.created_at AS "createdAt",
               ${cursorTimeOf(createdAt)} AS "cursorTime"
        FROM audit_log a
        WHERE ${where} ${afterTimeIdCursor(createdAt, Prisma.raw('a.audit_log_id'), position)}
        ORDER BY a.created_at DESC, a.audit_log_id DESC
        LIMIT ${first + 1}`,
      this.prisma.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`,
    ]);

    return connectionFromRows(
      rows.map(({ cursorTime, ...row }) => ({ ...row, cursorTime, ipAddress: row.actorId === viewerId ? row.ipAddress : null })),
      {
        first,
        after: args.after,
        totalCount: count?.total ?? 0,
        cursorOf: (row) => encodeTimeIdCursor({ time: row.cursorTime, id: row.id }),
      },
    );
  }
}
