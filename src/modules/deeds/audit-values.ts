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

/** The fields that differ, as [old, new] objects for an audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): [Partial<T>, Partial<T>] {
  const oldValues: Partial<T> = {};
  const newValues: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (before[key] !== after[key]) {
      oldValues[key] = before[key];
      newValues[key] = after[key];
    }
  }
  return [oldValues, newValues];
}
