import { ArrayMaxSize, ArrayMinSize, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { CompletionLogic, GoalStatus } from './enums';
import { GoalItemFields } from './goal-inputs';
import { MAX_DESCRIPTION_LENGTH, MAX_MERIT_ITEMS, MAX_WINDOW_DAYS } from './limits';

/** Inputs of the merit queries and mutations (contract.graphql, "Mutation inputs & payloads: progress"). */

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

@InputType('CreateMeritInput', { description: 'Input for createMerit.' })
export class CreateMeritInput {
  @Field(() => BigIntID, { description: 'Deed the merit is for.' })
  deedId!: bigint;

  @Field(() => String, { description: 'Name (1–255).' })
  @TrimmedLength(1, 255)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description (TEXT, max 5000).' })
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => CompletionLogic, { nullable: true, defaultValue: CompletionLogic.ALL, description: 'ALL (AND) or ANY (OR).' })
  completionLogic?: CompletionLogic | null;

  @Field(() => DateScalar, { nullable: true, description: "Window start; defaults to today (owner's timezone)." })
  startDate?: LocalDate | null;

  @Field(() => Int, { nullable: true, description: 'Window length in days (1–3660); open-ended when omitted.' })
  @Min(1)
  @Max(MAX_WINDOW_DAYS)
  durationDays?: number | null;

  @Field(() => [MeritItemInput], { description: 'Items (1–20).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MERIT_ITEMS)
  @ValidateNested()
  items!: MeritItemInput[];
}

@InputType('UpdateMeritInput', {
  description: 'Input for updateMerit; omitted fields are unchanged, items replaces the whole set.',
})
export class UpdateMeritInput {
  @Field(() => BigIntID, { description: 'Merit id.' })
  id!: bigint;

  @Field(() => String, { nullable: true, description: 'New name (1–255).' })
  @NotNullWhenGiven()
  @TrimmedLength(1, 255)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; null clears.' })
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => CompletionLogic, { nullable: true, description: 'New completion logic.' })
  @NotNullWhenGiven()
  completionLogic?: CompletionLogic | null;

  @Field(() => DateScalar, { nullable: true, description: 'New window start.' })
  @NotNullWhenGiven()
  startDate?: LocalDate | null;

  @Field(() => Int, { nullable: true, description: 'New window length; null makes it open-ended.' })
  @Min(1)
  @Max(MAX_WINDOW_DAYS)
  durationDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true).' })
  @NotNullWhenGiven()
  isActive?: boolean | null;

  @Field(() => [MeritItemInput], {
    nullable: true,
    description: 'Full new item set (1–20); existing items not listed are removed.',
  })
  @NotNullWhenGiven()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MERIT_ITEMS)
  @ValidateNested()
  items?: MeritItemInput[] | null;
}

@InputType('DeleteMeritInput', { description: 'Input for deleteMerit.' })
export class DeleteMeritInput {
  @Field(() => BigIntID, { description: 'Merit id.' })
  id!: bigint;
}
