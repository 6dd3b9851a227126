import type { Prisma } from '../../generated/prisma/client';
import { conflict } from '../../lib/errors';
import { deletedAbove, lockDeed } from './tree-writes';
import type { DeedItemRecord, DeedRecord } from './types';

type Tx = Prisma.TransactionClient;

/**
 * Locks the item's deed and reads the item inside the transaction, so the checks that
 * follow see the state the write will change (the authority's answers came before it).
 */
export async function lockItem(tx: Tx, deedId: bigint, itemId: bigint): Promise<{ deed: DeedRecord; item: DeedItemRecord }> {
  const deed = await lockDeed(tx, deedId);
  const item = await tx.deedItem.findUnique({ where: { id: itemId } });
  // The authority saw both a moment ago and rows are never hard-deleted by the API.
  if (!deed || !item) throw new Error(`deed item ${itemId} vanished during a write`);
  return { deed, item };
}

/** Writes to an effectively deleted item fail with CONFLICT for its owner (CONTRACT.md section 4). */
export async function requireLiveItem(tx: Tx, item: DeedItemRecord, what = 'The deed item'): Promise<void> {
  if (item.deletedAt || (await deletedAbove(tx, item.id))) {
    throw conflict(`${what} or something above it is deleted; restore it first`);
  }
}

