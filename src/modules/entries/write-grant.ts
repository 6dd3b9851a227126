import type { Prisma } from '../../generated/prisma/client';
import { forbidden, notFound } from '../../lib/errors';

/** Levels run 1–10: no chain is longer. */
const MAX_CHAIN = 10;

/**
 * Inside an entry write's transaction, for a grantee: an active WRITE grant still covers the
 * item (on it or an ancestor) over a live ACCEPTED relation. The rows are read FOR SHARE, so a
 * revoke, a removed connection or a block that has not committed waits for this write, and
 * one that committed first is seen here: the write then fails as if the grant had never been
 * (NOT_FOUND without READ left, FORBIDDEN with READ only). The owner needs no grant.
 */
export async function confirmWriteGrant(
  tx: Prisma.TransactionClient,
  slot: { writerId: bigint; ownerId: bigint; deedItemId: bigint },
): Promise<void> {
  if (slot.writerId === slot.ownerId) return;
  const grants = await tx.$queryRaw<Array<{ type: string }>>`
    WITH RECURSIVE chain AS (
      SELECT deed_item_id, parent_deed_item_id, 1 AS depth FROM deed_items WHERE deed_item_id = ${slot.deedItemId}
      UNION ALL
      SELECT d.deed_item_id, d.parent_deed_item_id, chain.depth + 1
      FROM deed_items d JOIN chain ON d.deed_item_id = chain.parent_deed_item_id
      WHERE chain.depth < ${MAX_CHAIN}
    )
    SELECT p.permission_type::text AS type
    FROM permissions p JOIN relations r ON r.relation_id = p.relation_id
    WHERE p.is_active AND p.deed_item_id IN (SELECT deed_item_id FROM chain)
      AND r.requester_id = ${slot.writerId} AND r.requestee_id = ${slot.ownerId}
      AND r.status = 'ACCEPTED' AND r.deleted_at IS NULL
    FOR SHARE OF p, r`;
  if (grants.some((grant) => grant.type === 'WRITE')) return;
  if (grants.length > 0) throw forbidden('READ access does not allow writing entries');
  throw notFound('Deed item');
}
