import { ArrayMaxSize, ArrayMinSize, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { DeedCategory, MeasureType } from './enums';
import { ScaleValueInput } from './scale-inputs';
import { Deed } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

@InputType('DeedFilter', { description: 'Filter for the deeds list.' })
export class DeedFilter {
  @Field(() => BigIntID, {
    nullable: true,
    description: 'Whose deeds; defaults to the viewer. Another user: only deeds with items the viewer can read.',
  })
  ownerId?: bigint | null;

  @Field(() => DeedCategory, { nullable: true, description: 'Only this category.' })
  category?: DeedCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or archived (false) deeds; both when omitted.' })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include soft-deleted deeds (owner only).' })
  includeDeleted?: boolean | null;
}

@InputType('CreateDeedInput', { description: 'Input for createDeed.' })
export class CreateDeedInput {
  @Field(() => String, { description: 'Deed name (1–255).' })
  @TrimmedLength(1, 255)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description (TEXT, max 5000).' })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DeedCategory, { description: 'Category.' })
  category!: DeedCategory;

  @Field(() => MeasureType, { description: 'Measurement type (immutable).' })
  measureType!: MeasureType;

  @Field(() => Int, { nullable: true, description: "Position among the owner's deeds; appended when omitted." })
  @Min(0)
  displayOrder?: number | null;

  @Field(() => [ScaleValueInput], {
    nullable: true,
    description: 'SCALE deeds only: values of the first scale version (2–20), made active.',
  })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested()
  initialScaleValues?: ScaleValueInput[] | null;
}

@ApiObjectType('CreateDeedPayload', { description: 'Result of createDeed.' })
export class CreateDeedPayload {
  @Field(() => Deed, { description: 'The new deed.' })
  deed!: Deed;
}

@InputType('UpdateDeedInput', { description: 'Input for updateDeed; omitted fields are unchanged.' })
export class UpdateDeedInput {
  @Field(() => BigIntID, { description: 'Deed id.' })
  id!: bigint;

  @Field(() => String, { nullable: true, description: 'New name (1–255).' })
  @NotNullWhenGiven()
  @TrimmedLength(1, 255)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; null clears.' })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DeedCategory, { nullable: true, description: 'New category.' })
  @NotNullWhenGiven()
  category?: DeedCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'Archive (false) or unarchive (true).' })
  @NotNullWhenGiven()
  isActive?: boolean | null;

  @Field(() => Int, { nullable: true, description: "New position among the owner's deeds." })
  @NotNullWhenGiven()
  @Min(0)
  displayOrder?: number | null;
}

@ApiObjectType('UpdateDeedPayload', { description: 'Result of updateDeed.' })
export class UpdateDeedPayload {
  @Field(() => Deed, { description: 'The updated deed.' })
  deed!: Deed;
}

@InputType('DeleteDeedInput', { description: 'Input for deleteDeed.' })
export class DeleteDeedInput {
  @Field(() => BigIntID, { description: 'Deed id.' })
  id!: bigint;
}

@ApiObjectType('DeleteDeedPayload', { description: 'Result of deleteDeed.' })
export class DeleteDeedPayload {
  @Field(() => Deed, { description: 'The deed, with deletedAt set.' })
  deed!: Deed;
}

@InputType('RestoreDeedInput', { description: 'Input for restoreDeed.' })
export class RestoreDeedInput {
  @Field(() => BigIntID, { description: 'Deed id.' })
  id!: bigint;
}

@ApiObjectType('RestoreDeedPayload', { description: 'Result of restoreDeed.' })
export class RestoreDeedPayload {
  @Field(() => Deed, { description: 'The deed, with deletedAt cleared.' })
  deed!: Deed;
}
