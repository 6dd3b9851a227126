import type { Decimal } from '@prisma/client/runtime/client';
import { Field, Float, Int } from 'type-graphql';
import { decorateFields, type FieldDecorators } from '../../lib/decorate-fields';
import { BigIntID } from '../../lib/id';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../lib/scalars';
import { DeedItem, ScaleValue } from '../deeds/types';
import { CompletionLogic, GoalStatus } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * The GraphQL fields merits and targets (and their items) share, worded for each. The schema
 * puts a merit's own fields between shared ones (its deed after its id, its window after its
 * start), and type-graphql prints a base class's fields before the class's own and resolves
 * only fields declared on the type itself; so the shared fields are not inherited but
 * decorated onto each type, in schema order, around the own fields it passes in. The base
 * classes here only type the properties.
 */

export type GoalNoun = 'merit' | 'target';

export const capitalised = (noun: GoalNoun): string => `${noun[0]!.toUpperCase()}${noun.slice(1)}`;

@ApiObjectType('ItemProgress', { description: 'Computed progress of one merit or target item.' })
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

@ApiObjectType('GoalProgress', { description: 'Computed overall progress of a merit or target.' })
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

/** The properties merits and targets share; `@GoalFields` makes them GraphQL fields. */
export abstract class GoalObject {
  id!: bigint;

  /** The owner; goals are private to them. */
  userId!: bigint;

  name!: string;

  description!: string | null;

  completionLogic!: CompletionLogic;

  startDate!: Date;

  isActive!: boolean;

  status?: GoalStatus;

  completedAt!: Date | null;

  progress?: GoalProgress;

  createdAt!: Date;

  updatedAt!: Date;

  deletedAt!: Date | null;
}

/** Where a type's own fields go among the shared ones, and what its items are. */
interface OwnGoalFields {
  afterId?: Record<string, FieldDecorators>;
  afterStartDate: Record<string, FieldDecorators>;
  itemType: () => abstract new () => object;
}

/** Decorates a merit or target class (a GoalObject) with every field, in schema order. */
export function GoalFields(noun: GoalNoun, own: OwnGoalFields) {
  const Noun = capitalised(noun);
  const span = noun === 'merit' ? 'window' : 'range';
  return (type: abstract new () => GoalObject): void =>
    decorateFields(type, {
      id: Field(() => BigIntID, { description: `${Noun} id.` }),
      ...own.afterId,
      name: Field(() => String, { description: `${Noun} name.` }),
      description: Field(() => String, { nullable: true, description: 'Optional description.' }),
      completionLogic: Field(() => CompletionLogic, { description: 'ALL (AND) or ANY (OR) over items.' }),
      startDate: Field(() => DateScalar, { description: `First day of the ${span} (owner's timezone).` }),
      ...own.afterStartDate,
      isActive: Field(() => Boolean, {
        description: `Whether the ${noun} is being pursued; inactive ${noun}s are never auto-completed.`,
      }),
      status: Field(() => GoalStatus, { description: 'Derived status.' }),
      completedAt: Field(() => DateTimeScalar, {
        nullable: true,
        description: `When the ${noun} was first completed; never cleared by later entry changes.`,
      }),
      items: Field(() => [own.itemType()], { description: 'Items, in creation order.' }),
      progress: Field(() => GoalProgress, { description: 'Live overall progress.' }),
      createdAt: Field(() => DateTimeScalar, { description: `When the ${noun} was created.` }),
      updatedAt: Field(() => DateTimeScalar, { description: `When the ${noun} was last changed.` }),
      deletedAt: Field(() => DateTimeScalar, { nullable: true, description: `When the ${noun} was soft-deleted; null if live.` }),
    });
}

/** The properties merit items and target items share; `@GoalItemFields` makes them GraphQL fields. */
export abstract class GoalItemObject {
  id!: bigint;

  /** Exposed as `deedItem`. */
  deedItemId!: bigint;

  deedItem?: DeedItem;

  /** Exposed as `scaleValue`. */
  scaleValueId!: bigint | null;

  scaleValue?: ScaleValue | null;

  required!: Decimal;

  progress?: ItemProgress;

  createdAt!: Date;

  updatedAt!: Date;
}

/** Decorates a merit or target item class with every field, its goal (`goalField`) after its id. */
export function GoalItemFields(noun: GoalNoun, goalField: Record<string, FieldDecorators>) {
  return (type: abstract new () => GoalItemObject): void =>
    decorateFields(type, {
      id: Field(() => BigIntID, { description: `${capitalised(noun)} item id.` }),
      ...goalField,
      deedItem: Field(() => DeedItem, { description: "Deed item whose subtree's entries count toward this item." }),
      scaleValue: Field(() => ScaleValue, {
        nullable: true,
        description: 'For SCALE deeds: the value entries must have to count; null for COUNT deeds.',
      }),
      required: Field(() => DecimalScalar, { description: 'Required amount (count sum, or number of matching entries).' }),
      progress: Field(() => ItemProgress, { description: 'Live progress of this item.' }),
    });
}
