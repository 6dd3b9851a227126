import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { timeColumnValue } from '../../lib/local-dates';
import { LocalTimeScalar } from '../../lib/scalars';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../context-types';
import type { SetReminderInput } from './inputs';
import type { ReminderSettingRecord } from './types';

/** What the audit log keeps of a setting. */
function auditValues(row: ReminderSettingRecord): { time: string; timezone: string; isActive: boolean } {
  return { time: LocalTimeScalar.serialize(row.notificationTime), timezone: row.timezone, isActive: row.isActive };
}

/** The active setting, else the most recently changed one. */
function latestSetting(db: Prisma.TransactionClient, userId: bigint): Promise<ReminderSettingRecord | null> {
  return db.notification.findFirst({
    where: { userId },
    orderBy: [{ isActive: 'desc' }, { updatedAt: 'desc' }, { id: 'desc' }],
  });
}

/**
 * The daily reminder: at most one active row per user (a partial unique index). A reminder is
 * its owner's alone (never shared): rows are scoped by the permission authority's owner-only
 * rules, so another user's id is not found. A user keeps
 * one row over time: setReminder updates the active row or re-activates the latest one, so
 * `lastSentOn` survives a disable/enable and no second reminder goes out that day.
 */
export class ReminderService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The active setting, else the latest one, else null. */
  current(actor: Actor): Promise<ReminderSettingRecord | null> {
    return latestSetting(this.prisma, actor.authority.ownDataOwnerId());
  }

  async set(actor: Actor, input: SetReminderInput): Promise<ReminderSettingRecord> {
    const { origin } = actor;
    const ownerId = actor.authority.ownDataOwnerId();
    const wanted = { notificationTime: timeColumnValue(input.time), timezone: input.timezone ?? actor.timezone };
    return this.prisma.$transaction(async (tx) => {
      // Serialises one user's reminder changes: two first-time calls would otherwise both
      // insert and one would fail on the one-active index. NO KEY UPDATE leaves inserts
      // that reference the user (their foreign-key locks) unblocked.
      await tx.$queryRaw`SELECT 1 FROM users WHERE user_id = ${ownerId} FOR NO KEY UPDATE`;
      const existing = await latestSetting(tx, ownerId);

      if (!existing) {
        const created = await tx.notification.create({ data: { userId: ownerId, ...wanted, isActive: true } });
        await writeAudit(tx, origin, {
          action: 'CREATED',
          entityType: 'REMINDER_SETTING',
          entityId: created.id,
          actorId: actor.viewerId,
          newValues: auditValues(created),
        });
        return created;
      }

      const unchanged =
        existing.isActive &&
        existing.timezone === wanted.timezone &&
        existing.notificationTime.getTime() === wanted.notificationTime.getTime();
      if (unchanged) return existing;

      const updated = await tx.notification.update({ where: { id: existing.id }, data: { ...wanted, isActive: true } });
      await writeAudit(tx, actor.origin, {
        action: 'UPDATED',
        entityType: 'REMINDER_SETTING',
        entityId: updated.id,
        actorId: actor.viewerId,
        oldValues: auditValues(existing),
        newValues: auditValues(updated),
      });
      return updated;
    });
  }

  /** Idempotent: disabling an inactive setting returns it unchanged. Another user's id is not found. */
  async disable(actor: Actor, id: bigint): Promise<ReminderSettingRecord> {
    const { authority, origin } = actor;
    return this.prisma.$transaction(async (tx) => {
      authority.requireOwnRow(await tx.notification.findUnique({ where: { id } }), 'Reminder setting');
      // Conditional, so of two concurrent calls only one writes the audit row.
      const { count } = await tx.notification.updateMany({ where: { id, isActive: true }, data: { isActive: false } });
      const after = await tx.notification.findUniqueOrThrow({ where: { id } });
      if (count === 1) {
        await writeAudit(tx, actor.origin, {
          action: 'UPDATED',
          entityType: 'REMINDER_SETTING',
          entityId: id,
          actorId: actor.viewerId,
          oldValues: auditValues({ ...after, isActive: true }),
          newValues: auditValues(after),
        });
      }
      return after;
    });
  }
}
