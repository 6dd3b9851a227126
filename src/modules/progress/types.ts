import type { Decimal } from '@prisma/client/runtime/client';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  Merit as MeritRecord,
  MeritItem as MeritItemRecord,
  Target as TargetRecord,
  TargetItem as TargetItemRecord,
} from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { DateScalar, DateTimeScalar, DecimalScalar, type LocalDate } from '../../lib/scalars';
import { Deed, DeedItem, ScaleValue } from '../deeds/types';
import { CompletionLogic, GoalStatus } from './enums';

/**
 * The GraphQL object types of merits and targets (CONTRACT.md section 6). Like the deeds
 * types, scalar fields are spelled like the Prisma records so resolvers return rows as they
 * come; derived fields (endDate, status, progress) and relations are optional properties
 * resolved by the field resolvers through the request's DataLoaders.
 */

export type { MeritRecord, MeritItemRecord, TargetRecord, TargetItemRecord };

@ObjectType('ItemProgress', { description: 'Computed progress of one merit or target item.' })
export class ItemProgress {
  @Field(() => DecimalScalar, {
    description: 'Amount achieved in the window (SUM of counts, or number of matching scale entries).',
  })
  achieved!: Decimal;

  @Field(() => DecimalScalar, { description: 'Amount required for the item to be complete.' })
  required!: Decimal;

  @Field(() => Float, { description: 'min(100, achieved / required × 100), rounded to 2 decimals.' })
  percent!: number;

  @Field(() => Boolean, { description: 'Whether achieved >= required.' })
  complete!: boolean;
}

@ObjectType('GoalProgress', { description: 'Computed overall progress of a merit or target.' })
export class GoalProgress {
  @Field(() => Boolean, { description: 'Whether the completion logic is currently satisfied.' })
  complete!: boolean;

  @Field(() => Int, { description: 'Number of complete items.' })
  completedItemCount!: number;

  @Field(() => Int, { description: 'Number of items.' })
  itemCount!: number;

  @Field(() => Float, { description: 'ALL: mean of item percents; ANY: max of item percents (0–100).' })
  percent!: number;
}

@ObjectType('Merit', { description: 'A deed-specific achievement made of merit items.' })
export class Merit implements MeritRecord {
  @Field(() => BigIntID, { description: 'Merit id.' })
  id!: bigint;

  /** The owner; merits are private to them. */
  userId!: bigint;

  /** Exposed as `deed`. */
  deedId!: bigint;

  @Field(() => Deed, { description: 'The deed whose items this merit tracks.' })
  deed?: Deed;

  @Field(() => String, { description: 'Merit name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description.' })
  description!: string | null;

  @Field(() => CompletionLogic, { description: 'ALL (AND) or ANY (OR) over items.' })
  completionLogic!: CompletionLogic;

  @Field(() => DateScalar, { description: "First day of the window (owner's timezone)." })
  startDate!: Date;

  @Field(() => Int, { nullable: true, description: 'Window length in days; null for open-ended.' })
  durationDays!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the window (startDate + durationDays − 1); null if open-ended.',
  })
  endDate?: LocalDate | null;

  @Field(() => Boolean, { description: 'Whether the merit is being pursued; inactive merits are never auto-completed.' })
  isActive!: boolean;

  @Field(() => GoalStatus, { description: 'Derived status.' })
  status?: GoalStatus;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the merit was first completed; never cleared by later entry changes.',
  })
  completedAt!: Date | null;

  @Field(() => [MeritItem], { description: 'Items, in creation order.' })
  items?: MeritItem[];

  @Field(() => GoalProgress, { description: 'Live overall progress.' })
  progress?: GoalProgress;

  @Field(() => DateTimeScalar, { description: 'When the merit was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the merit was last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the merit was soft-deleted; null if live.' })
  deletedAt!: Date | null;
}

@ObjectType('MeritItem', { description: 'One requirement of a merit on a deed item (and its descendants).' })
export class MeritItem implements MeritItemRecord {
  @Field(() => BigIntID, { description: 'Merit item id.' })
  id!: bigint;

  /** Exposed as `merit`. */
  meritId!: bigint;

  @Field(() => Merit, { description: 'The merit this item belongs to.' })
  merit?: Merit;

  /** Exposed as `deedItem`. */
  deedItemId!: bigint;

  @Field(() => DeedItem, { description: "Deed item whose subtree's entries count toward this item." })
  deedItem?: DeedItem;

  /** Exposed as `scaleValue`. */
  scaleValueId!: bigint | null;

  @Field(() => ScaleValue, {
    nullable: true,
    description: 'For SCALE deeds: the value entries must have to count; null for COUNT deeds.',
  })
  scaleValue?: ScaleValue | null;

  @Field(() => DecimalScalar, { description: 'Required amount (count sum, or number of matching entries).' })
  required!: Decimal;

  @Field(() => ItemProgress, { description: 'Live progress of this item.' })
  progress?: ItemProgress;

  createdAt!: Date;

  updatedAt!: Date;
}

@ObjectType('Target', { description: 'A multi-deed goal over a date range made of target items.' })
export class Target implements TargetRecord {
  @Field(() => BigIntID, { description: 'Target id.' })
  id!: bigint;

  /** The owner; targets are private to them. */
  userId!: bigint;

  @Field(() => String, { description: 'Target name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description.' })
  description!: string | null;

  @Field(() => CompletionLogic, { description: 'ALL (AND) or ANY (OR) over items.' })
  completionLogic!: CompletionLogic;

  @Field(() => DateScalar, { description: "First day of the range (owner's timezone)." })
  startDate!: Date;

  @Field(() => DateScalar, { description: 'Last day of the range, inclusive (>= startDate).' })
  endDate!: Date;

  @Field(() => Boolean, { description: 'Whether the target is being pursued; inactive targets are never auto-completed.' })
  isActive!: boolean;

  @Field(() => GoalStatus, { description: 'Derived status.' })
  status?: GoalStatus;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the target was first completed; never cleared by later entry changes.',
  })
  completedAt!: Date | null;

  @Field(() => [TargetItem], { description: 'Items, in creation order.' })
  items?: TargetItem[];

  @Field(() => GoalProgress, { description: 'Live overall progress.' })
  progress?: GoalProgress;

  @Field(() => DateTimeScalar, { description: 'When the target was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the target was last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the target was soft-deleted; null if live.' })
  deletedAt!: Date | null;
}

@ObjectType('TargetItem', {
  description: "One requirement of a target on a deed item (and its descendants), from any of the owner's deeds.",
})
export class TargetItem implements TargetItemRecord {
  @Field(() => BigIntID, { description: 'Target item id.' })
  id!: bigint;

  /** Exposed as `target`. */
  targetId!: bigint;

  @Field(() => Target, { description: 'The target this item belongs to.' })
  target?: Target;

  /** Exposed as `deedItem`. */
  deedItemId!: bigint;

  @Field(() => DeedItem, { description: "Deed item whose subtree's entries count toward this item." })
  deedItem?: DeedItem;

  /** Exposed as `scaleValue`. */
  scaleValueId!: bigint | null;

  @Field(() => ScaleValue, {
    nullable: true,
    description: 'For SCALE deeds: the value entries must have to count; null for COUNT deeds.',
  })
  scaleValue?: ScaleValue | null;

  @Field(() => DecimalScalar, { description: 'Required amount (count sum, or number of matching entries).' })
  required!: Decimal;

  @Field(() => ItemProgress, { description: 'Live progress of this item.' })
  progress?: ItemProgress;

  createdAt!: Date;

  updatedAt!: Date;
}
