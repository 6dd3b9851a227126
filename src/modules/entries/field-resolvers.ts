import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { present } from '../../lib/present';
import { thenMaybe } from '../../lib/record-loader';
import { DeedItem, Scale, ScaleValue, type DeedItemRecord, type ScaleRecord, type ScaleValueRecord } from '../deeds/types';
import { UserProfile } from '../users/types';
import {
  Entry,
  EntryChange,
  EntryChangeConnection,
  EntrySnapshot,
  snapshotAfter,
  snapshotBefore,
  type EntryHistoryRecord,
  type EntryRecord,
} from './types';

/**
 * Relation fields of entries, history records and snapshots, each through a per-request
 * DataLoader. Whoever reached an entry may see its item, scale, values and history (the
 * entry itself was visibility-checked on the way in).
 */

function profile(ctx: Context, userId: bigint): UserProfile | Promise<UserProfile> {
  return thenMaybe(ctx.loaders.userProfiles.loadKnown(userId), (found) => present(found, 'user', userId));
}

@Resolver(() => Entry)
export class EntryFieldResolver {
  @FieldResolver(() => UserProfile, { description: "Owner of the entry (always the deed item's owner)." })
  owner(@Root() entry: EntryRecord, @Ctx() ctx: Context): UserProfile | Promise<UserProfile> {
    return profile(ctx, entry.userId);
  }

  @FieldResolver(() => UserProfile, { description: 'Who first recorded the entry (the owner or a WRITE grantee).' })
  createdBy(@Root() entry: EntryRecord, @Ctx() ctx: Context): UserProfile | Promise<UserProfile> {
    return profile(ctx, entry.createdByUserId);
  }

  @FieldResolver(() => DeedItem, { description: 'The deed item this entry is for.' })
  deedItem(@Root() entry: EntryRecord, @Ctx() ctx: Context): DeedItemRecord | Promise<DeedItemRecord> {
    return thenMaybe(ctx.loaders.deedItems.loadKnown(entry.deedItemId), (item) =>
      present(item, 'deed item of entry', entry.id),
    );
  }

  @FieldResolver(() => Scale, { nullable: true, description: 'Scale version the value was chosen from; null for COUNT entries.' })
  scale(@Root() entry: EntryRecord, @Ctx() ctx: Context): Promise<ScaleRecord | null> | null {
    return entry.scaleId === null ? null : ctx.loaders.scales.load(entry.scaleId);
  }

  @FieldResolver(() => ScaleValue, { nullable: true, description: 'Chosen scale value; set for SCALE deeds, null for COUNT deeds.' })
  scaleValue(@Root() entry: EntryRecord, @Ctx() ctx: Context): Promise<ScaleValueRecord | null> | null {
    return entry.scaleValueId === null ? null : ctx.loaders.scaleValues.load(entry.scaleValueId);
  }

  @FieldResolver(() => EntryChangeConnection, { description: 'Change history of this entry, newest first.' })
  history(
    @Root() entry: EntryRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
  ): Promise<EntryChangeConnection> {
    return ctx.services.entryReads.historyOf(ctx, entry.id, first, after);
  }
}

@Resolver(() => EntryChange)
export class EntryChangeFieldResolver {
  @FieldResolver(() => Entry, { description: 'The entry that changed.' })
  async entry(@Root() change: EntryHistoryRecord, @Ctx() ctx: Context): Promise<EntryRecord> {
    const entry = await ctx.loaders.entries.load(change.entryId);
    if (!entry) throw new Error(`entry ${change.entryId} of history record ${change.id} does not exist`);
    return entry;
  }

  @FieldResolver(() => UserProfile, { description: 'Who made the change (owner or WRITE grantee).' })
  changedBy(@Root() change: EntryHistoryRecord, @Ctx() ctx: Context): UserProfile | Promise<UserProfile> {
    return profile(ctx, change.changedByUserId);
  }

  @FieldResolver(() => EntrySnapshot, { nullable: true, description: 'Value before the change; null for CREATED.' })
  before(@Root() change: EntryHistoryRecord): EntrySnapshot | null {
    return snapshotBefore(change);
  }

  @FieldResolver(() => EntrySnapshot, { nullable: true, description: 'Value after the change; null for DELETED.' })
  after(@Root() change: EntryHistoryRecord): EntrySnapshot | null {
    return snapshotAfter(change);
  }
}

@Resolver(() => EntrySnapshot)
export class EntrySnapshotFieldResolver {
  @FieldResolver(() => ScaleValue, { nullable: true, description: 'Scale value at that point; null for COUNT entries.' })
  scaleValue(@Root() snapshot: EntrySnapshot, @Ctx() ctx: Context): Promise<ScaleValueRecord | null> | null {
    return snapshot.scaleValueId === null ? null : ctx.loaders.scaleValues.load(snapshot.scaleValueId);
  }
}
