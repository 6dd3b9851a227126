import { ArrayMaxSize, ArrayMinSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { CompletionLogic, GoalStatus } from './enums';
import { GoalItemFields } from './goal-inputs';
import { MAX_DESCRIPTION_LENGTH, MAX_TARGET_ITEMS } from './limits';

/** Inputs of the target queries and mutations (contract.graphql, "Mutation inputs & payloads: progress"). */

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
export class CreateTargetInput {
  @Field(() => String, { description: 'Name (1–255).' })
  @TrimmedLength(1, 255)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description (TEXT, max 5000).' })
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => CompletionLogic, { nullable: true, defaultValue: CompletionLogic.ALL, description: 'ALL (AND) or ANY (OR).' })
  completionLogic?: CompletionLogic | null;

  @Field(() => DateScalar, { description: 'First day, inclusive.' })
  startDate!: LocalDate;

  @Field(() => DateScalar, { description: 'Last day, inclusive (>= startDate, range at most 3660 days).' })
  endDate!: LocalDate;

  @Field(() => [TargetItemInput], { description: 'Items (1–50).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TARGET_ITEMS)
  @ValidateNested()
  items!: TargetItemInput[];
}

@InputType('UpdateTargetInput', {
  description: 'Input for updateTarget; omitted fields are unchanged, items replaces the whole set.',
})
export class UpdateTargetInput {
  @Field(() => BigIntID, { description: 'Target id.' })
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

  @Field(() => DateScalar, { nullable: true, description: 'New first day.' })
  @NotNullWhenGiven()
  startDate?: LocalDate | null;

  @Field(() => DateScalar, { nullable: true, description: 'New last day.' })
  @NotNullWhenGiven()
  endDate?: LocalDate | null;

  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true).' })
  @NotNullWhenGiven()
  isActive?: boolean | null;

  @Field(() => [TargetItemInput], {
    nullable: true,
    description: 'Full new item set (1–50); existing items not listed are removed.',
  })
  @NotNullWhenGiven()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TARGET_ITEMS)
  @ValidateNested()
  items?: TargetItemInput[] | null;
}

@InputType('DeleteTargetInput', { description: 'Input for deleteTarget.' })
export class DeleteTargetInput {
  @Field(() => BigIntID, { description: 'Target id.' })
  id!: bigint;
}
