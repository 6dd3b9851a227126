import type { User as UserRecord } from '../generated/prisma/client';
import type { Actor } from './context-types';
import type { DashboardInvalidator } from './dashboard/dashboard-cache';
import type { EntryRecord } from './entries/types';
import type { LiveUsers } from './users/live-users';

/** What a committed write changed, as far as remembered state goes. */
export interface WriteEffects {
  /** Deeds, items or scales: the authority's facts and the deeds loaders. */
  readonly deeds?: boolean;
  /** Relations or grants: the authority's answers and the relation loaders. */
  readonly relations?: boolean;
  /** Who the viewer may see changed otherwise (an account deleted): the authority's answers. */
  readonly access?: boolean;
  /** Merits, targets, or the entries their progress counts: the goal loaders. */
  readonly goals?: boolean;
  /** Entries as the write left them: later fields read these, and goal progress moved. */
  readonly entries?: readonly EntryRecord[];
  /** The viewer's own profile as the write left it. */
  readonly profile?: UserRecord;
  /** Users whose unread support message count changed. */
  readonly supportThreadsOf?: readonly bigint[];
  /** Owners whose cached dashboards (shared by every request) no longer hold. */
  readonly dashboardsOf?: readonly bigint[];
  /** Users whose row changed (profile, password, deletion, verification, login): every instance's live user rows. */
  readonly usersChanged?: readonly bigint[];
}

/**
 * The one place that forgets what a write made stale: the operation's remembered permission
 * answers and DataLoader rows (so the payload, and later mutations of the same operation,
 * read the new state) and the owners' cached dashboards. Every writing service calls
 * `forget` once its transaction ended, never inside it (a transaction that rolls back changed
 * nothing); resolvers and other code never clear state themselves.
 */
export class AfterWrite {
  constructor(
    private readonly dashboards: DashboardInvalidator,
    private readonly users: Pick<LiveUsers, 'changed'>,
  ) {}

  /** `actor` is null for writes of public operations (login, resetPassword, ...): no operation state to drop. */
  async forget(actor: Actor | null, effects: WriteEffects): Promise<void> {
    if (actor) forgetOperationState(actor, effects);
    // Awaited: the writer answers only once every instance has been told (live-users.ts).
    for (const userId of effects.usersChanged ?? []) await this.users.changed(userId);
    if (effects.dashboardsOf?.length) await this.dashboards.invalidateOwners(effects.dashboardsOf);
  }
}

function forgetOperationState({ authority, loaders }: Actor, effects: WriteEffects): void {
  if (effects.deeds || effects.relations || effects.access) authority.forget();
  if (effects.deeds) {
    for (const loader of [
      loaders.deeds,
      loaders.deedItems,
      loaders.scales,
      loaders.scaleValues,
      loaders.itemsByDeed,
      loaders.childItems,
      loaders.itemAncestors,
      loaders.itemChains,
      loaders.itemDescendants,
      loaders.scalesByDeed,
      loaders.activeScaleByDeed,
      loaders.scaleValuesByScale,
    ]) {
      loader.clearAll();
    }
  }
  if (effects.relations) {
    loaders.relations.clearAll();
    loaders.activePermissionsByRelation.clearAll();
  }
  if (effects.entries) {
    for (const entry of effects.entries) loaders.entries.clear(entry.id).prime(entry.id, entry);
    loaders.entryHistoryPages.clearAll();
  }
  if (effects.goals || effects.entries) {
    for (const loader of [loaders.merits, loaders.targets, loaders.meritItemsByMerit, loaders.targetItemsByTarget, loaders.goalItemProgress]) {
      loader.clearAll();
    }
  }
  if (effects.profile) {
    const { id, fullName, timezone } = effects.profile;
    loaders.userProfiles.clear(id).prime(id, { id, fullName, timezone });
  }
  for (const userId of effects.supportThreadsOf ?? []) loaders.unreadSupportMessageCounts.clear(userId);
}
