import { Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { NotNullWhenGiven } from '../../lib/validators';
import { GoalStatus } from './enums';
import { GoalChangeFields, GoalChangesInput, GoalItemFields, NewGoalFields, NewGoalInput } from './goal-inputs';
import { MAX_MERIT_ITEMS, MAX_WINDOW_DAYS } from './limits';

/**
 * Inputs of the merit queries and mutations (contract.graphql, "Mutation inputs & payloads:
 * progress"). The fields merits and targets share come from goal-inputs.ts.
 */

@InputType('MeritFilter', { description: 'Filter for the merits list.' })
export class MeritFilter {
  @Field(() => BigIntID, { nullable: true, description: 'Only merits of this deed.' })
  deedId?: bigint | null;

  @Field(() => [GoalStatus], { nullable: true, description: 'Only these derived statuses.' })
  statuses?: GoalStatus[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include soft-deleted merits.' })
  includeDeleted?: boolean | null;
}

@InputType('MeritItemInput', { description: 'A merit item; include id to keep an existing item when updating.' })
export class MeritItemInput extends GoalItemFields {
  @Field(() => BigIntID, { description: "Deed item in the merit's deed." })
  declare deedItemId: bigint;
}

/** A window length: 1–3660 days. */
const windowDays = (description: string) => [Field(() => Int, { nullable: true, description }), Min(1), Max(MAX_WINDOW_DAYS)];

@InputType('CreateMeritInput', { description: 'Input for createMerit.' })
@NewGoalFields({
  first: { deedId: Field(() => BigIntID, { description: 'Deed the merit is for.' }) },
  window: {
    startDate: Field(() => DateScalar, { nullable: true, description: "Window start; defaults to today (owner's timezone)." }),
    durationDays: windowDays('Window length in days (1–3660); open-ended when omitted.'),
  },
  itemType: () => MeritItemInput,
  max: MAX_MERIT_ITEMS,
})
export class CreateMeritInput extends NewGoalInput {
  deedId!: bigint;

  startDate?: LocalDate | null;

  durationDays?: number | null;

  items!: MeritItemInput[];
}

@InputType('UpdateMeritInput', {
  description: 'Input for updateMerit; omitted fields are unchanged, items replaces the whole set.',
})
@GoalChangeFields('merit', {
  window: {
    startDate: [Field(() => DateScalar, { nullable: true, description: 'New window start.' }), NotNullWhenGiven()],
    durationDays: windowDays('New window length; null makes it open-ended.'),
  },
  itemType: () => MeritItemInput,
  max: MAX_MERIT_ITEMS,
})
export class UpdateMeritInput extends GoalChangesInput {
  startDate?: LocalDate | null;

  durationDays?: number | null;

  items?: MeritItemInput[] | null;
}

@InputType('DeleteMeritInput', { description: 'Input for deleteMerit.' })
export class DeleteMeritInput {
  @Field(() => BigIntID, { description: 'Merit id.' })
  id!: bigint;
}
