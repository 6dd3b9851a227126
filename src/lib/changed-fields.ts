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
