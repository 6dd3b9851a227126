import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor } from '../../lib/keyset-cursor';
import { type Connection, connectionFromRows, pageSize } from '../../lib/pagination';
import type { PermissionAuthority } from '../access/authority';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from './enums';
import type { AuditEventFilter } from './inputs';
import type { AuditEvent } from './types';

/** An audit row as the data export writes it (every visible row, oldest first). */
export interface ExportedAuditRow {
  id: bigint;
  action: string;
  entityType: string;
  entityId: bigint | null;
  userId: bigint | null;
  subjectUserId: bigint | null;
  oldValues: unknown;
  newValues: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

/** Every audit row the authority lets the viewer read, oldest first: `exportMyData`'s share of the log. */
export function visibleAuditRows(db: Pick<PrismaClient, '$queryRaw'>, authority: PermissionAuthority): Promise<ExportedAuditRow[]> {
  return db.$queryRaw<ExportedAuditRow[]>`
    SELECT a.audit_log_id AS "id", a.action_type AS "action", a.table_name AS "entityType", a.record_id AS "entityId",
           a.user_id AS "userId", a.subject_user_id AS "subjectUserId", a.old_values AS "oldValues",
           a.new_values AS "newValues", host(a.ip_address) AS "ipAddress", a.user_agent AS "userAgent",
           a.created_at AS "createdAt"
    FROM audit_log a
    WHERE ${authority.visibleAuditCondition('a')}
    ORDER BY a.audit_log_id`;
}

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
 * `auditEvents`: the rows the authority lets the viewer read (what they did, and what others
 * did to their data: access/audit-visibility.ts, the same rule as `exportMyData`), newest first.
 *
 * - Rows whose stored action or table name is not (yet) a value of the GraphQL enums are
 *   left out in SQL, so pages and totalCount agree; add the value to enums.ts and the SDL to
 *   show them.
 * - The client ip is shown only to the actor.
 */
export class AuditEventService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(
    authority: PermissionAuthority,
    filter: AuditEventFilter | null | undefined,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<AuditEvent>> {
    const first = pageSize(args.first);
    const position = args.after != null ? decodeTimeIdCursor(args.after) : null;

    const conditions = [
      authority.visibleAuditCondition('a'),
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
      rows.map(({ cursorTime, ...row }) => ({ ...row, cursorTime, ipAddress: authority.seesAuditOrigin(row.actorId) ? row.ipAddress : null })),
      {
        first,
        after: args.after,
        totalCount: count?.total ?? 0,
        cursorOf: (row) => encodeTimeIdCursor({ time: row.cursorTime, id: row.id }),
      },
    );
  }
}
