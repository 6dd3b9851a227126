import type { Prisma } from '../../generated/prisma/client';
import type { AuditAction, AuditEntityType } from './enums';

/**
 * What the log records is what the API reads back: the values of both are declared once, each
 * beside its description, in enums.ts (the contract's `AuditAction`; the server may add more,
 * and clients tolerate them).
 */
export type { AuditAction, AuditEntityType };

/** Where a request came from; null fields for system jobs. */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const SYSTEM_ORIGIN: RequestOrigin = { ipAddress: null, userAgent: null, requestId: null };

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: bigint | null;
  /** Who did it; null for system jobs. */
  actorId: bigint | null;
  /** Whose data it touched when that is someone else (an owner a grantee wrote for, the other party of a relation). */
  subjectUserId?: bigint | null;
  oldValues?: unknown;
  newValues?: unknown;
}

type AuditClient = Pick<Prisma.TransactionClient, 'auditLog'>;

/**
 * Writes one audit_log row. Pass the transaction client of the change being audited, so the
 * row commits or rolls back with it.
 */
export async function writeAudit(db: AuditClient, origin: RequestOrigin, record: AuditRecord): Promise<void> {
  await db.auditLog.create({
    data: {
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      userId: record.actorId,
      subjectUserId: record.subjectUserId ?? null,
      oldValues: toJson(record.oldValues),
      newValues: toJson(record.newValues),
      ipAddress: normaliseIp(origin.ipAddress),
      userAgent: origin.userAgent?.slice(0, 1000) ?? null,
      requestId: origin.requestId,
    },
  });
}

/** JSONB cannot hold bigint or Decimal objects: store ids and amounts as strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Express reports IPv4 clients as `::ffff:1.2.3.4`; INET accepts both, the short form reads better. */
function normaliseIp(ip: string | null): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
