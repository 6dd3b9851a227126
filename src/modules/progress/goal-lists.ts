import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { LocalDate } from '../../lib/scalars';
import { MAX_DELETED_ROWS_LISTED } from '../deeds/limits';
import type { MeritRecord, TargetRecord } from './types';

/**
 * The merits and targets lists, one statement each. Live goals are capped (200 per user),
 * deleted ones are kept without limit, so `includeDeleted` adds only the most recently deleted
 * MAX_DELETED_ROWS_LISTED (CONTRACT.md section 8), as the deeds lists do. A merit on a deleted
 * deed is deleted too, from the earlier of the two deletions.
 */

type Db = Pick<PrismaClient, '$queryRaw'>;

/** The columns of a `merits` row aliased `m`, named as the Prisma record. */
const MERIT_COLUMNS = Prisma.sql`m.merit_id AS "id", m.user_id AS "userId", m.deed_id AS "deedId", m.name,
  m.description, m.completion_logic::text AS "completionLogic", m.start_date AS "startDate",
  m.duration_days AS "durationDays", m.is_active AS "isActive", m.completed_at AS "completedAt",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt", m.deleted_at AS "deletedAt"`;

/** The columns of a `targets` row aliased `t`, named as the Prisma record. */
const TARGET_COLUMNS = Prisma.sql`t.target_id AS "id", t.user_id AS "userId", t.name, t.description,
  t.completion_logic::text AS "completionLogic", t.start_date AS "startDate", t.end_date AS "endDate",
  t.is_active AS "isActive", t.completed_at AS "completedAt", t.created_at AS "createdAt",
  t.updated_at AS "updatedAt", t.deleted_at AS "deletedAt"`;

/** The live rows, then (when asked) the most recently deleted ones, in the list's order. */
function liveAndRecentlyDeleted(
  live: Prisma.Sql,
  deleted: { rows: Prisma.Sql; newestFirst: Prisma.Sql } | null,
  order: Prisma.Sql,
): Prisma.Sql {
  const recentlyDeleted = deleted
    ? Prisma.sql`UNION ALL (${deleted.rows} ORDER BY ${deleted.newestFirst} LIMIT ${MAX_DELETED_ROWS_LISTED})`
    : Prisma.empty;
  return Prisma.sql`${live} ${recentlyDeleted} ORDER BY ${order}`;
}

export function listMerits(
  db: Db,
  userId: bigint,
  filter: { deedId: bigint | null; includeDeleted: boolean },
): Promise<MeritRecord[]> {
  const rows = (condition: Prisma.Sql) => Prisma.sql`
    SELECT ${MERIT_COLUMNS} FROM merits m JOIN deeds d ON d.deed_id = m.deed_id
    WHERE m.user_id = ${userId} AND ${condition}
      ${filter.deedId === null ? Prisma.empty : Prisma.sql`AND m.deed_id = ${filter.deedId}`}`;
  return db.$queryRaw<MeritRecord[]>(
    liveAndRecentlyDeleted(
      rows(Prisma.sql`m.deleted_at IS NULL AND d.deleted_at IS NULL`),
      filter.includeDeleted
        ? {
            rows: rows(Prisma.sql`(m.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)`),
            newestFirst: Prisma.sql`LEAST(m.deleted_at, d.deleted_at) DESC, m.merit_id DESC`,
          }
        : null,
      Prisma.sql`"createdAt" DESC, "id" DESC`,
    ),
  );
}

export function listTargets(
  db: Db,
  userId: bigint,
  filter: { activeOn: LocalDate | null; includeDeleted: boolean },
): Promise<TargetRecord[]> {
  const { activeOn } = filter;
  const rows = (condition: Prisma.Sql) => Prisma.sql`
    SELECT ${TARGET_COLUMNS} FROM targets t
    WHERE t.user_id = ${userId} AND ${condition}
      ${activeOn === null ? Prisma.empty : Prisma.sql`AND t.start_date <= ${activeOn}::date AND t.end_date >= ${activeOn}::date`}`;
  return db.$queryRaw<TargetRecord[]>(
    liveAndRecentlyDeleted(
      rows(Prisma.sql`t.deleted_at IS NULL`),
      filter.includeDeleted
        ? { rows: rows(Prisma.sql`t.deleted_at IS NOT NULL`), newestFirst: Prisma.sql`t.deleted_at DESC, t.target_id DESC` }
        : null,
      Prisma.sql`"startDate" DESC, "id" DESC`,
    ),
  );
}
