import { DateTime } from 'luxon';
import { Prisma, type PrismaClient } from '../../../generated/prisma/client';
import { parseId } from '../../../lib/id';
import { type Connection, connectionFromRows, decodeCursor, encodeCursor, invalidCursor, pageSize } from '../../../lib/pagination';
import type { PermissionAuthority } from '../../access/authority';
import type { RelationFilter } from './inputs';
import type { RelationRecord } from '../types';

/**
 * `relations`: the viewer's visible relations, newest first (created_at, then id). The
 * cursor carries created_at to the microsecond as PostgreSQL stores it; a JS Date would
 * round it to the millisecond and make the page skip or repeat rows created in the same
 * millisecond.
 */

type RelationRow = RelationRecord & { cursorTime: string };

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function decodeRelationCursor(after: string): { time: string; id: bigint } {
  const [time, rawId] = decodeCursor(after, 2);
  const id = parseId(rawId);
  if (!CURSOR_TIME.test(time!) || !DateTime.fromISO(time!, { zone: 'utc' }).isValid || id === null) {
    throw invalidCursor();
  }
  return { time: time!, id };
}

export async function listVisibleRelations(
  prisma: PrismaClient,
  authority: PermissionAuthority,
  filter: RelationFilter | null | undefined,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<RelationRecord>> {
  const first = pageSize(args.first);
  const cursor = args.after != null ? decodeRelationCursor(args.after) : null;
  const viewerId = authority.viewerId;

  const conditions = [authority.visibleRelationCondition('r')];
  if (filter?.direction === 'INCOMING') conditions.push(Prisma.sql`r.requestee_id = ${viewerId}`);
  if (filter?.direction === 'OUTGOING') conditions.push(Prisma.sql`r.requester_id = ${viewerId}`);
  if (filter?.statuses != null) {
    conditions.push(Prisma.sql`r.status = ANY(${filter.statuses}::relation_status_enum[])`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const keyset = cursor
    ? Prisma.sql`AND (r.created_at, r.relation_id) < (${cursor.time}::timestamptz, ${cursor.id})`
    : Prisma.empty;

  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<RelationRow[]>`
      SELECT r.relation_id AS "id", r.requester_id AS "requesterId", r.requestee_id AS "requesteeId",
             r.status::text AS "status", r.responded_at AS "respondedAt", r.created_at AS "createdAt",
             r.updated_at AS "updatedAt", r.deleted_at AS "deletedAt",
             to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorTime"
      FROM relations r
      WHERE ${where} ${keyset}
      ORDER BY r.created_at DESC, r.relation_id DESC
      LIMIT ${first + 1}`,
    prisma.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM relations r WHERE ${where}`,
  ]);
  return connectionFromRows(rows, {
    first,
    after: args.after,
    totalCount: count?.total ?? 0,
    cursorOf: (row) => encodeCursor([row.cursorTime, row.id.toString()]),
  });
}
