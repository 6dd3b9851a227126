import type { Decimal } from '@prisma/client/runtime/client';
import { ArrayMaxSize, ArrayMinSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { decorateFields, type FieldDecorators } from '../../lib/decorate-fields';
import { BigIntID } from '../../lib/id';
import { DecimalScalar } from '../../lib/scalars';
import { NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { CompletionLogic } from './enums';
import { capitalised, type GoalNoun } from './goal-type-fields';
import { MAX_DESCRIPTION_LENGTH } from './limits';

/**
 * The input fields merits and targets share. As with the object types (goal-type-fields.ts),
 * a merit's own fields sit between shared ones, so the shared fields are decorated onto each
 * input class in schema order around its own; the base classes only type the properties.
 */

/**
 * The fields a merit item and a target item take alike. A subclass that describes a field
 * differently redeclares it: type-graphql keeps the field where the base class put it. No
 * argument uses this type itself, so the schema never shows it.
 */
@InputType('GoalItemFields')
export abstract class GoalItemFields {
  @Field(() => BigIntID, { nullable: true, description: 'Existing item id (update only); omit to create.' })
  id?: bigint | null;

  @Field(() => BigIntID, { description: 'Deed item.' })
  deedItemId!: bigint;

  @Field(() => BigIntID, {
    nullable: true,
    description: "Required for SCALE deeds (value of the deed's scale); forbidden for COUNT deeds.",
  })
  scaleValueId?: bigint | null;

  @Field(() => DecimalScalar, { description: 'Required amount (> 0; whole number for scale items).' })
  required!: Decimal;
}

/** A goal input's item list: its item input type and the contract's maximum count. */
interface GoalItemList {
  itemType: () => abstract new () => GoalItemFields;
  max: number;
}

/** The properties of a new merit or target; `@NewGoalFields` makes them GraphQL input fields. */
export abstract class NewGoalInput {
  name!: string;

  description?: string | null;

  completionLogic?: CompletionLogic | null;
}

/** Decorates a create input with every field, in schema order: `first`, the text, `window`, items. */
export function NewGoalFields(own: { first?: Record<string, FieldDecorators>; window: Record<string, FieldDecorators> } & GoalItemList) {
  return (type: abstract new () => NewGoalInput): void =>
    decorateFields(type, {
      ...own.first,
      name: [Field(() => String, { description: 'Name (1–255).' }), TrimmedLength(1, 255)],
      description: [
        Field(() => String, { nullable: true, description: 'Optional description (TEXT, max 5000).' }),
        MaxLength(MAX_DESCRIPTION_LENGTH),
      ],
      completionLogic: Field(() => CompletionLogic, {
        nullable: true,
        defaultValue: CompletionLogic.ALL,
        description: 'ALL (AND) or ANY (OR).',
      }),
      ...own.window,
      items: [
        Field(() => [own.itemType()], { description: `Items (1–${own.max}).` }),
        ArrayMinSize(1),
        ArrayMaxSize(own.max),
        ValidateNested(),
      ],
    });
}

/** The properties of a merit or target update; `@GoalChangeFields` makes them GraphQL input fields. */
export abstract class GoalChangesInput {
  id!: bigint;

  name?: string | null;

  description?: string | null;

  completionLogic?: CompletionLogic | null;

  isActive?: boolean | null;
}

/** Decorates an update input with every field, in schema order: id, the text, `window`, state, items. */
export function GoalChangeFields(noun: GoalNoun, own: { window: Record<string, FieldDecorators> } & GoalItemList) {
  return (type: abstract new () => GoalChangesInput): void =>
    decorateFields(type, {
      id: Field(() => BigIntID, { description: `${capitalised(noun)} id.` }),
      name: [Field(() => String, { nullable: true, description: 'New name (1–255).' }), NotNullWhenGiven(), TrimmedLength(1, 255)],
      description: [
        Field(() => String, { nullable: true, description: 'New description; null clears.' }),
        MaxLength(MAX_DESCRIPTION_LENGTH),
      ],
      completionLogic: [Field(() => CompletionLogic, { nullable: true, description: 'New completion logic.' }), NotNullWhenGiven()],
      ...own.window,
      isActive: [Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true).' }), NotNullWhenGiven()],
      items: [
        Field(() => [own.itemType()], {
          nullable: true,
          description: `Full new item set (1–${own.max}); existing items not listed are removed.`,
        }),
        NotNullWhenGiven(),
        ArrayMinSize(1),
        ArrayMaxSize(own.max),
        ValidateNested(),
      ],
    });
}
