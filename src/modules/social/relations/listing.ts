import { Prisma, type PrismaClient } from '../../../generated/prisma/client';
import { afterTimeIdCursor, cursorTimeOf, decodeTimeIdCursor, encodeTimeIdCursor } from '../../../lib/keyset-cursor';
import { type Connection, connectionFromRows, pageSize } from '../../../lib/pagination';
import type { PermissionAuthority } from '../../access/authority';
import type { RelationRecord } from '../types';
import { RELATION_COLUMNS } from './columns';
import type { RelationFilter } from './inputs';

/** `relations`: the viewer's visible relations, newest first by (created_at, id). */
export async function listVisibleRelations(
  prisma: PrismaClient,
  authority: PermissionAuthority,
  filter: RelationFilter | null | undefined,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<RelationRecord>> {
  const first = pageSize(args.first);
  const position = args.after != null ? decodeTimeIdCursor(args.after) : null;
  const viewerId = authority.viewerId;

  const conditions = [authority.visibleRelationCondition('r')];
  if (filter?.direction === 'INCOMING') conditions.push(Prisma.sql`r.requestee_id = ${viewerId}`);
  if (filter?.direction === 'OUTGOING') conditions.push(Prisma.sql`r.requester_id = ${viewerId}`);
  if (filter?.statuses != null) {
    conditions.push(Prisma.sql`r.status = ANY(${filter.statuses}::relation_status_enum[])`);
  }
  const where = Prisma.join(conditions, ' AND ');

  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<Array<RelationRecord & { cursorTime: string }>>`
      SELECT ${RELATION_COLUMNS}, ${cursorTimeOf(Prisma.sql`r.created_at`)} AS "cursorTime"
      FROM relations r
      WHERE ${where} ${afterTimeIdCursor(Prisma.sql`r.created_at`, Prisma.sql`r.relation_id`, position)}
      ORDER BY r.created_at DESC, r.relation_id DESC
      LIMIT ${first + 1}`,
    prisma.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM relations r WHERE ${where}`,
  ]);
  return connectionFromRows(rows, {
    first,
    after: args.after,
    totalCount: count?.total ?? 0,
    cursorOf: (row) => encodeTimeIdCursor({ time: row.cursorTime, id: row.id }),
  });
}
