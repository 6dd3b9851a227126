/**
 * Pure helpers over deed item rows (no database, no viewer): depth-first pre-order and the
 * "deleted in the chain" flag, computed from rows loaded in one statement.
 */

export interface TreeRow {
  id: bigint;
  parentId: bigint | null;
  displayOrder: number;
  deletedAt: Date | null;
}

export interface TreeVisit<T> {
  item: T;
  /** 1 for the starting level (roots, or the start item's children). */
  depth: number;
  /** The row or one of its ancestors among the visited rows is soft-deleted. */
  deletedInChain: boolean;
}

const bySiblingOrder = (a: TreeRow, b: TreeRow) =>
  a.displayOrder - b.displayOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function childrenByParent<T extends TreeRow>(rows: readonly T[]): Map<bigint | null, T[]> {
  const children = new Map<bigint | null, T[]>();
  for (const row of rows) {
    const siblings = children.get(row.parentId);
    if (siblings) siblings.push(row);
    else children.set(row.parentId, [row]);
  }
  for (const siblings of children.values()) siblings.sort(bySiblingOrder);
  return children;
}

/**
 * Depth-first pre-order, siblings by displayOrder, starting below `startParentId` (null: the
 * roots of a deed). Rows whose parent is not among `rows` are unreachable unless their
 * parent is the start, which is what a deed's item list and a subtree want.
 */
export function preorder<T extends TreeRow>(
  rows: readonly T[],
  startParentId: bigint | null = null,
  maxDepth = Number.POSITIVE_INFINITY,
): Array<TreeVisit<T>> {
  const children = childrenByParent(rows);
  const visits: Array<TreeVisit<T>> = [];
  const walk = (parentId: bigint | null, depth: number, parentDeleted: boolean) => {
    if (depth > maxDepth) return;
    for (const item of children.get(parentId) ?? []) {
      const deletedInChain = parentDeleted || item.deletedAt !== null;
      visits.push({ item, depth, deletedInChain });
      walk(item.id, depth + 1, deletedInChain);
    }
  };
  walk(startParentId, 1, false);
  return visits;
}

/** Where `movedId` lands among `orderedIds` (its siblings, without it): clamped to the ends. */
export function placeAt(orderedIds: readonly bigint[], movedId: bigint, position: number | null | undefined): bigint[] {
  const others = orderedIds.filter((id) => id !== movedId);
  const at = position === null || position === undefined ? others.length : Math.min(Math.max(position, 0), others.length);
  return [...others.slice(0, at), movedId, ...others.slice(at)];
}
