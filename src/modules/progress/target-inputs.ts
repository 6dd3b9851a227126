import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { NotNullWhenGiven } from '../../lib/validators';
import { GoalStatus } from './enums';
import { GoalChangeFields, GoalChangesInput, GoalItemFields, NewGoalFields, NewGoalInput } from './goal-inputs';
import { MAX_TARGET_ITEMS } from './limits';

/**
 * Inputs of the target queries and mutations (contract.graphql, "Mutation inputs & payloads:
 * progress"). The fields merits and targets share come from goal-inputs.ts.
 */

@InputType('TargetFilter', { description: 'Filter for the targets list.' })
export class TargetFilter {
  @Field(() => [GoalStatus], { nullable: true, description: 'Only these derived statuses.' })
  statuses?: GoalStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only targets whose range overlaps this date.' })
  activeOn?: LocalDate | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include soft-deleted targets.' })
  includeDeleted?: boolean | null;
}

@InputType('TargetItemInput', { description: 'A target item; include id to keep an existing item when updating.' })
export class TargetItemInput extends GoalItemFields {
  @Field(() => BigIntID, { description: "Deed item from any of the viewer's deeds." })
  declare deedItemId: bigint;
}

@InputType('CreateTargetInput', { description: 'Input for createTarget.' })
@NewGoalFields({
  window: {
    startDate: Field(() => DateScalar, { description: 'First day, inclusive.' }),
    endDate: Field(() => DateScalar, { description: 'Last day, inclusive (>= startDate, range at most 3660 days).' }),
  },
  itemType: () => TargetItemInput,
  max: MAX_TARGET_ITEMS,
})
export class CreateTargetInput extends NewGoalInput {
  startDate!: LocalDate;

  endDate!: LocalDate;

  items!: TargetItemInput[];
}

@InputType('UpdateTargetInput', {
  description: 'Input for updateTarget; omitted fields are unchanged, items replaces the whole set.',
})
@GoalChangeFields('target', {
  window: {
    startDate: [Field(() => DateScalar, { nullable: true, description: 'New first day.' }), NotNullWhenGiven()],
    endDate: [Field(() => DateScalar, { nullable: true, description: 'New last day.' }), NotNullWhenGiven()],
  },
  itemType: () => TargetItemInput,
  max: MAX_TARGET_ITEMS,
})
export class UpdateTargetInput extends GoalChangesInput {
  startDate?: LocalDate | null;

  endDate?: LocalDate | null;

  items?: TargetItemInput[] | null;
}

@InputType('DeleteTargetInput', { description: 'Input for deleteTarget.' })
export class DeleteTargetInput {
  @Field(() => BigIntID, { description: 'Target id.' })
  id!: bigint;
}
