import type { Prisma } from '../../generated/prisma/client';
import { bigintArray } from '../../lib/sql';
import type { DeedRecord } from './types';

/**
 * SQL for structure writes, always inside the caller's transaction. Every change to a deed's
 * items or scales first locks the deed row, and every change to a user's deed list locks the
 * user row, so counts, sibling order, cycle and depth checks read a state no one else is
 * changing at the same time.
 */

type Tx = Prisma.TransactionClient;

/** The deed row, locked for the rest of the transaction; null when it does not exist. */
export async function lockDeed(tx: Tx, deedId: bigint): Promise<DeedRecord | null> {
  await tx.$queryRaw`SELECT deed_id FROM deeds WHERE deed_id = ${deedId} FOR UPDATE`;
  return tx.deed.findUnique({ where: { id: deedId } });
}

/** Serialises changes to one user's list of deeds (count and order). */
export async function lockDeedList(tx: Tx, userId: bigint): Promise<void> {
  // NO KEY UPDATE: other transactions may still insert rows referencing the user.
  await tx.$queryRaw`SELECT user_id FROM users WHERE user_id = ${userId} FOR NO KEY UPDATE`;
}

export async function liveDeedIds(tx: Tx, userId: bigint): Promise<bigint[]> {
  const rows = await tx.deed.findMany({
    where: { userId, deletedAt: null },
    orderBy: [{ displayOrder: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function liveSiblingIds(tx: Tx, deedId: bigint, parentId: bigint | null): Promise<bigint[]> {
  const rows = await tx.deedItem.findMany({
    where: { deedId, parentId, deletedAt: null },
    orderBy: [{ displayOrder: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** displayOrder = position (0-based) in `orderedIds`; rows already in place are left alone. */
export async function writeDeedOrder(tx: Tx, orderedIds: readonly bigint[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE deeds d SET display_order = (o.position - 1)::int, updated_at = now()
    FROM unnest(${bigintArray(orderedIds)}) WITH ORDINALITY AS o(id, position)
    WHERE d.deed_id = o.id AND d.display_order <> o.position - 1`;
}

/** As writeDeedOrder, for one parent's children (or a deed's roots). */
export async function writeSiblingOrder(tx: Tx, orderedIds: readonly bigint[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE deed_items d SET display_order = (o.position - 1)::int, updated_at = now()
    FROM unnest(${bigintArray(orderedIds)}) WITH ORDINALITY AS o(id, position)
    WHERE d.deed_item_id = o.id AND d.display_order <> o.position - 1`;
}

/** Whether an ancestor of the item, or its deed, is soft-deleted (the item itself not considered). */
export async function deletedAbove(tx: Tx, itemId: bigint): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ deleted: boolean }>>`
    WITH RECURSIVE up AS (
      SELECT p.deed_item_id, p.parent_deed_item_id, p.deleted_at, 1 AS n
      FROM deed_items c JOIN deed_items p ON p.deed_item_id = c.parent_deed_item_id
      WHERE c.deed_item_id = ${itemId}
      UNION ALL
      SELECT p.deed_item_id, p.parent_deed_item_id, p.deleted_at, up.n + 1
      FROM up JOIN deed_items p ON p.deed_item_id = up.parent_deed_item_id
      WHERE up.n < 10
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE deleted_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM deed_items i JOIN deeds d ON d.deed_id = i.deed_id
                   WHERE i.deed_item_id = ${itemId} AND d.deleted_at IS NOT NULL) AS deleted`;
  return row?.deleted ?? false;
}

/** Every item below `itemId` (deleted ones included) with its distance from it (children: 1). */
export async function subtreeBelow(tx: Tx, itemId: bigint): Promise<Array<{ id: bigint; depth: number }>> {
  return tx.$queryRaw<Array<{ id: bigint; depth: number }>>`
    WITH RECURSIVE down AS (
      SELECT deed_item_id AS id, 1 AS depth FROM deed_items WHERE parent_deed_item_id = ${itemId}
      UNION ALL
      SELECT c.deed_item_id, down.depth + 1
      FROM down JOIN deed_items c ON c.parent_deed_item_id = down.id
      WHERE down.depth < 10
    )
    SELECT id, depth FROM down`;
}

/**
 * Re-parents `itemId` and sets the levels of its whole subtree (deleted rows included) in
 * one statement: the item gets `level`, each descendant `level` + its distance.
 */
export async function reparentSubtree(tx: Tx, itemId: bigint, newParentId: bigint | null, level: number): Promise<void> {
  await tx.$executeRaw`
    WITH RECURSIVE sub AS (
      SELECT deed_item_id AS id, 0 AS depth FROM deed_items WHERE deed_item_id = ${itemId}
      UNION ALL
      SELECT c.deed_item_id, sub.depth + 1
      FROM sub JOIN deed_items c ON c.parent_deed_item_id = sub.id
      WHERE sub.depth < 10
    )
    UPDATE deed_items d
    SET level = ${level}::int + sub.depth,
        parent_deed_item_id = CASE WHEN d.deed_item_id = ${itemId} THEN ${newParentId}::bigint ELSE d.parent_deed_item_id END,
        updated_at = now()
    FROM sub WHERE d.deed_item_id = sub.id`;
}

export async function countLiveItems(tx: Tx, deedId: bigint): Promise<number> {
  return tx.deedItem.count({ where: { deedId, deletedAt: null } });
}
