import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { ReflectionType } from '../../generated/prisma/enums';
import { invalidField } from '../../lib/errors';
import { dateColumnValue, daysBetween, todayIn } from '../../lib/local-dates';
import type { LocalDate } from '../../lib/scalars';
import type { Actor } from '../context-types';
import type { WriteReflectionInput } from './inputs';
import type { ReflectionRecord } from './types';

/** CONTRACT.md section 8: a `reflections` range covers at most this many days, both ends included. */
export const MAX_REFLECTION_RANGE_DAYS = 366;
/** The same floor entry dates have; DATE itself would take year 1. */
export const EARLIEST_REFLECTION_DATE = '1900-01-01';

/**
 * Reflections are private to their author (never shared, CONTRACT.md section 3): every query
 * is scoped by the permission authority's owner-only rules, so another user's id is simply
 * not found.
 */
export class ReflectionService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Upsert on (user, date, type). A soft-deleted row for that slot comes back (same id) as a
   * new reflection: `created` is true and `createdAt` restarts, because for the client the
   * old one no longer existed. A live row is replaced: `created` false, `createdAt` kept.
   */
  async write(actor: Actor, input: WriteReflectionInput, now = new Date()): Promise<{ reflection: ReflectionRecord; created: boolean }> {
    checkReflectionDate(input.date, actor.timezone, now);
    const ownerId = actor.authority.ownDataOwnerId();
    const content = input.content.trim();
    // One statement, so concurrent writes to the same slot serialise on the unique index.
    // now() is the statement's transaction time: created_at equals it exactly when the row
    // was inserted or revived by this statement.
    const [row] = await this.prisma.$queryRaw<Array<ReflectionRecord & { created: boolean }>>`
      INSERT INTO reflection_messages AS r (user_id, reflection_date, reflection_type, content, created_at, updated_at)
      VALUES (${ownerId}, ${input.date}::date, ${input.type}::reflection_type_enum, ${content}, now(), now())
      ON CONFLICT (user_id, reflection_date, reflection_type) DO UPDATE
        SET content = EXCLUDED.content,
            updated_at = now(),
            created_at = CASE WHEN r.deleted_at IS NULL THEN r.created_at ELSE now() END,
            deleted_at = NULL
      RETURNING r.reflection_message_id AS "id", r.user_id AS "userId", r.reflection_date AS "reflectionDate",
                r.reflection_type::text AS "type", r.content, r.created_at AS "createdAt",
                r.updated_at AS "updatedAt", r.deleted_at AS "deletedAt", (r.created_at = now()) AS "created"`;
    const { created, ...reflection } = row!;
    return { reflection, created };
  }

  /** Soft delete (no restore API). Deleting an already deleted reflection of one's own is a no-op. */
  async delete(actor: Actor, id: bigint, now = new Date()): Promise<bigint> {
    const { authority } = actor;
    const { count } = await this.prisma.reflectionMessage.updateMany({
      where: { id, ...authority.ownRowsWhere(), deletedAt: null },
      data: { deletedAt: now },
    });
    if (count === 0) {
      const row = await this.prisma.reflectionMessage.findUnique({ where: { id }, select: { userId: true } });
      authority.requireOwnRow(row, 'Reflection');
    }
    return id;
  }

  /** Live reflections in [dateFrom, dateTo], by date then type (the enum's order). */
  async list(
    actor: Actor,
    args: { dateFrom: LocalDate; dateTo: LocalDate; type?: ReflectionType | null },
  ): Promise<ReflectionRecord[]> {
    const span = daysBetween(args.dateFrom, args.dateTo);
    if (span < 0) throw invalidField(['dateTo'], 'dateTo must not be before dateFrom', 'minDate');
    if (span + 1 > MAX_REFLECTION_RANGE_DAYS) {
      throw invalidField(['dateTo'], `The range may cover at most ${MAX_REFLECTION_RANGE_DAYS} days`, 'maxRange');
    }
    const where: Prisma.ReflectionMessageWhereInput = {
      ...actor.authority.ownRowsWhere(),
      deletedAt: null,
      reflectionDate: { gte: dateColumnValue(args.dateFrom), lte: dateColumnValue(args.dateTo) },
      ...(args.type ? { type: args.type } : {}),
    };
    return this.prisma.reflectionMessage.findMany({ where, orderBy: [{ reflectionDate: 'asc' }, { type: 'asc' }] });
  }
}

function checkReflectionDate(date: LocalDate, timezone: string, now: Date): void {
  const path = ['input', 'date'];
  if (date < EARLIEST_REFLECTION_DATE) {
    throw invalidField(path, `date must not be before ${EARLIEST_REFLECTION_DATE}`, 'minDate');
  }
  const today = todayIn(timezone, now);
  if (date > today) throw invalidField(path, `date must not be after today (${today}) in your timezone`, 'maxDate');
}
