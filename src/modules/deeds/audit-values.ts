import type { Prisma } from '../../generated/prisma/client';
import { changedFields } from '../../lib/changed-fields';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../context-types';
import type { DeedItemRecord, DeedRecord } from './types';

/** The fields an audit row records for a deed. */
export function auditedDeed(deed: DeedRecord) {
  const { name, description, category, measureType, isActive, displayOrder } = deed;
  return { name, description, category, measureType, isActive, displayOrder };
}

/** The fields an audit row records for a deed item. */
export function auditedItem(item: DeedItemRecord) {
  const { deedId, parentId, name, description, level, displayOrder } = item;
  return { deedId, parentId, name, description, level, displayOrder };
}

/**
 * Inside an update's transaction: one UPDATED audit row with the audited fields that changed
 * between two snapshots (auditedDeed, auditedItem), none when nothing did.
 */
export async function auditUpdated<Audited extends Record<string, unknown>>(
  tx: Pick<Prisma.TransactionClient, 'auditLog'>,
  actor: Pick<Actor, 'viewerId' | 'origin'>,
  entity: { type: 'DEED' | 'DEED_ITEM'; id: bigint },
  before: Audited,
  after: Audited,
): Promise<void> {
  const [oldValues, newValues] = changedFields(before, after);
  if (Object.keys(newValues).length === 0) return;
  await writeAudit(tx, actor.origin, {
    action: 'UPDATED',
    entityType: entity.type,
    entityId: entity.id,
    actorId: actor.viewerId,
    oldValues,
    newValues,
  });
}
