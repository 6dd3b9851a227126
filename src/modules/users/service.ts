import { verifyPassword } from '../../auth/passwords';
import type { PrismaClient, Theme, User as UserRecord, Weekday } from '../../generated/prisma/client';
import { invalidField, unauthenticated } from '../../lib/errors';
import { relationsSeenBy } from '../access/audit-visibility';
import type { AfterWrite } from '../after-write';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../context-types';
import type { LiveUsers } from './live-users';

export interface ProfileChanges {
  fullName?: string;
  timezone?: string;
  preferences?: {
    locale?: string;
    theme?: Theme;
    weekStartsOn?: Weekday;
    defaultDashboardDays?: number;
  };
}

export interface AccountLifecycleOptions {
  /** ACCOUNT_PURGE_AFTER_DAYS: the grace period between deleteAccount and the purge. */
  purgeAfterDays: number;
}

const DAY_MS = 86_400_000;

type ProfileColumn = 'fullName' | 'timezone' | 'locale' | 'theme' | 'weekStartsOn' | 'defaultDashboardDays';
type ProfileValues = Partial<Pick<UserRecord, ProfileColumn>>;

/** Reads and rules for user accounts: profiles and account deletion. */
export class UserService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly liveUsers: LiveUsers,
    private readonly afterWrite: AfterWrite,
    private readonly lifecycle: AccountLifecycleOptions = { purgeAfterDays: 30 },
  ) {}

  /** The user unless missing or soft-deleted (deleted accounts cannot act or be seen). */
  findLiveById(id: bigint): Promise<UserRecord | null> {
    return this.liveUsers.find(id);
  }

  /**
   * Applies the given fields (omitted ones stay); preferences are merged one by one.
   * Writes and audits only what actually changes.
   */
  async updateProfile(actor: Actor, changes: ProfileChanges): Promise<UserRecord> {
    const { viewer, origin } = actor;
    const requested: ProfileValues = {
      fullName: changes.fullName?.trim(),
      timezone: changes.timezone,
      ...changes.preferences,
    };
    const current = viewer.user;
    const oldValues: ProfileValues = {};
    const newValues: ProfileValues = {};
    for (const [column, value] of Object.entries(requested) as Array<[ProfileColumn, never]>) {
      if (value === undefined || value === current[column]) continue;
      oldValues[column] = current[column] as never;
      newValues[column] = value;
    }
    if (Object.keys(newValues).length === 0) return current;

    const updated = await this.prisma.$transaction(async (tx) => {
      const saved = await tx.user.update({ where: { id: viewer.id }, data: newValues });
      await writeAudit(tx, origin, {
        action: 'UPDATED',
        entityType: 'USER',
        entityId: viewer.id,
        actorId: viewer.id,
        oldValues,
        newValues,
      });
      return saved;
    });
    // Later fields read the profile through the loader; the dashboard window is "today" in the owner's timezone.
    await this.afterWrite.forget(actor, {
      profile: updated,
      usersChanged: [viewer.id],
      dashboardsOf: newValues.timezone !== undefined ? [viewer.id] : [],
    });
    return updated;
  }

  /**
   * Soft-deletes the account and, in the same transaction, ends everything that lets it
   * act or share: all its relations in both directions (soft-deleted), their active grants
   * (revoked), and its active reminder (disabled). Its tokens die with it, because only
   * live users' tokens are accepted. The purge erases it after the grace period
   * (`purgeAfter`); until then restoreAccount brings it back (account-restore.ts).
   */
  async deleteAccount(
    actor: Actor,
    input: { password: string; reason?: string | null },
  ): Promise<{ deletedUserId: bigint; deletedAt: Date; purgeAfter: Date }> {
    const { viewer, origin } = actor;
    if (!(await verifyPassword(viewer.user.passwordHash, input.password))) {
      throw invalidField(['input', 'password'], 'Password is incorrect', 'currentPassword');
    }
    const reason = input.reason?.trim() || null;
    const now = new Date();
    const purgeAfter = new Date(now.getTime() + this.lifecycle.purgeAfterDays * DAY_MS);
    const userId = viewer.id;

    const grantors = await this.prisma.$transaction(async (tx) => {
      // First, so it locks the row: a concurrent second deletion waits, then finds nothing live.
      const deleted = await tx.user.updateMany({
        where: { id: userId, deletedAt: null },
        data: { deletedAt: now, purgeAfter, isActive: false, deletionReason: reason },
      });
      if (deleted.count !== 1) throw unauthenticated();
      const relations = await tx.relation.findMany({
        where: { deletedAt: null, OR: [{ requesterId: userId }, { requesteeId: userId }] },
        select: { id: true, requesterId: true, requesteeId: true, status: true },
        orderBy: { id: 'asc' },
      });
      const relationIds = relations.map((relation) => relation.id);
      const grants = await tx.permission.findMany({
        where: { relationId: { in: relationIds }, isActive: true },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      const permissionIds = grants.map((grant) => grant.id);

      await tx.permission.updateMany({
        where: { id: { in: permissionIds } },
        data: { isActive: false, revokedAt: now },
      });
      await tx.relation.updateMany({ where: { id: { in: relationIds } }, data: { deletedAt: now } });
      const reminders = await tx.notification.updateMany({
        where: { userId, isActive: true },
        data: { isActive: false },
      });
      await writeAudit(tx, origin, {
        action: 'DELETED',
        entityType: 'USER',
        entityId: userId,
        actorId: userId,
        oldValues: { email: viewer.user.email },
        newValues: {
          reason,
          // All of them end; the row lists those the user can see (not a block of them).
          removedRelationIds: relationsSeenBy(userId, relations),
          revokedPermissionIds: permissionIds,
          remindersDisabled: reminders.count,
          purgeAfter,
        },
      });
      return relations.map((relation) => relation.requesteeId);
    });
    // Grants in both directions ended: the requestees of its relations granted them.
    await this.afterWrite.forget(actor, { access: true, usersChanged: [userId], dashboardsOf: [userId, ...grantors] });

    return { deletedUserId: userId, deletedAt: now, purgeAfter };
  }
}
