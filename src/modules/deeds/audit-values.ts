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
