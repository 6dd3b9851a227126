import { Field, Int } from 'type-graphql';
import type { Decimal } from '@prisma/client/runtime/client';
import type { Entry as EntryRecord, EntryHistory as EntryHistoryRecord } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { PageInfo } from '../../lib/pagination';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../lib/scalars';
import { EntryChangeAction } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * The GraphQL object types of entries and their history. Like the deeds types, their scalar
 * fields are spelled like the Prisma records so resolvers return rows as they come; the id
 * columns (`userId`, `deedItemId`, `scaleValueId`, ...) ride along unexposed and relation
 * fields are resolved in ./field-resolvers through the request's DataLoaders.
 */

export type { EntryRecord, EntryHistoryRecord };

@ApiObjectType('Entry', { description: 'A daily record for one deed item; unique per (owner, deed item, entry date).' })
export class Entry implements EntryRecord {
  @Field(() => BigIntID, { description: 'Entry id.' })
  id!: bigint;

  /** Exposed as `owner`: always the deed item's owner. */
  userId!: bigint;

  /** Exposed as `createdBy`: the owner or the WRITE grantee who first recorded it. */
  createdByUserId!: bigint;

  /** Exposed as `deedItem`. */
  deedItemId!: bigint;

  @Field(() => DateScalar, { description: "Day the entry is for, in the owner's timezone." })
  entryDate!: Date;

  /** Exposed as `scale`. */
  scaleId!: bigint | null;

  /** Exposed as `scaleValue`. */
  scaleValueId!: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Recorded count; set for COUNT deeds, null for SCALE deeds.' })
  count!: Decimal | null;

  @Field(() => String, { nullable: true, description: 'Optional free-text notes.' })
  notes!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the entry was first recorded.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the entry was last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the entry was soft-deleted; null if live.' })
  deletedAt!: Date | null;
}

@ApiObjectType('EntrySnapshot', { description: 'Value of an entry before or after a change.' })
export class EntrySnapshot {
  /** Exposed as `scaleValue`. */
  scaleValueId!: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Count at that point; null for SCALE entries.' })
  count!: Decimal | null;

  @Field(() => String, { nullable: true, description: 'Notes at that point.' })
  notes!: string | null;
}

@ApiObjectType('EntryChange', { description: 'One audit-trail record of an entry change (entry_history).' })
export class EntryChange implements EntryHistoryRecord {
  @Field(() => BigIntID, { description: 'History record id.' })
  id!: bigint;

  /** Exposed as `entry`. */
  entryId!: bigint;

  @Field(() => EntryChangeAction, { description: 'What happened.' })
  action!: EntryChangeAction;

  /** Exposed as `changedBy`. */
  changedByUserId!: bigint;

  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  changedAt!: Date;

  oldScaleValueId!: bigint | null;
  oldCount!: Decimal | null;
  oldNotes!: string | null;
  newScaleValueId!: bigint | null;
  newCount!: Decimal | null;
  newNotes!: string | null;
}

/** `before` of a history record: null for CREATED (there was nothing). */
export function snapshotBefore(change: EntryHistoryRecord): EntrySnapshot | null {
  if (change.action === EntryChangeAction.CREATED) return null;
  return { scaleValueId: change.oldScaleValueId, count: change.oldCount, notes: change.oldNotes };
}

/** `after` of a history record: null for DELETED (the entry is gone). */
export function snapshotAfter(change: EntryHistoryRecord): EntrySnapshot | null {
  if (change.action === EntryChangeAction.DELETED) return null;
  return { scaleValueId: change.newScaleValueId, count: change.newCount, notes: change.newNotes };
}

@ApiObjectType('EntryEdge', { description: 'An entry with its cursor.' })
export class EntryEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => Entry, { description: 'The entry.' })
  node!: EntryRecord;
}

@ApiObjectType('EntryConnection', { description: 'A page of entries.' })
export class EntryConnection {
  @Field(() => [EntryEdge], { description: 'Entries on this page.' })
  edges!: EntryEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total entries matching the filter (all pages).' })
  totalCount!: number;
}

@ApiObjectType('EntryChangeEdge', { description: 'An entry history record with its cursor.' })
export class EntryChangeEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => EntryChange, { description: 'The history record.' })
  node!: EntryHistoryRecord;
}

@ApiObjectType('EntryChangeConnection', { description: 'A page of entry history records.' })
export class EntryChangeConnection {
  @Field(() => [EntryChangeEdge], { description: 'History records on this page.' })
  edges!: EntryChangeEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total history records (all pages).' })
  totalCount!: number;
}
