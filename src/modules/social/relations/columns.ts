import { Prisma } from '../../../generated/prisma/client';

/** The columns of a `relations` row aliased `r`, named as the Prisma record (for raw queries). */
export const RELATION_COLUMNS = Prisma.sql`r.relation_id AS "id", r.requester_id AS "requesterId",
  r.requestee_id AS "requesteeId", r.status::text AS "status", r.responded_at AS "respondedAt",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.deleted_at AS "deletedAt"`;
