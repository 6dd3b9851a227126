import { ArrayMaxSize, ArrayMinSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { TrimmedLength } from '../../lib/validators';
import { Deed, Scale } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

@InputType('ScaleValueInput', { description: 'One value when defining a scale; order is the position in the list.' })
export class ScaleValueInput {
  @Field(() => String, { description: 'Label (1–255).' })
  @TrimmedLength(1, 255)
  label!: string;

  @Field(() => String, { nullable: true, description: 'Optional explanation (max 1000).' })
  @MaxLength(1000)
  description?: string | null;
}

@InputType('CreateScaleInput', { description: 'Input for createScale.' })
export class CreateScaleInput {
  @Field(() => BigIntID, { description: 'SCALE deed to add a version to.' })
  deedId!: bigint;

  @Field(() => String, { nullable: true, description: 'Optional name (max 255).' })
  @TrimmedLength(1, 255)
  name?: string | null;

  @Field(() => [ScaleValueInput], { description: 'Values in ascending order (2–20, unique labels).' })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested()
  values!: ScaleValueInput[];

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Make the new version the active scale.' })
  activate?: boolean | null;
}

@ApiObjectType('CreateScalePayload', { description: 'Result of createScale.' })
export class CreateScalePayload {
  @Field(() => Scale, { description: 'The new scale version.' })
  scale!: Scale;

  @Field(() => Scale, { nullable: true, description: 'Previously active version, now inactive; null if unchanged or none.' })
  previousActiveScale!: Scale | null;

  @Field(() => Deed, { description: 'The deed (activeScale and scales changed).' })
  deed!: Deed;
}

@InputType('SetActiveScaleInput', { description: 'Input for setActiveScale.' })
export class SetActiveScaleInput {
  @Field(() => BigIntID, { description: 'Scale version to activate.' })
  scaleId!: bigint;
}

@ApiObjectType('SetActiveScalePayload', { description: 'Result of setActiveScale.' })
export class SetActiveScalePayload {
  @Field(() => Scale, { description: 'The now-active scale.' })
  scale!: Scale;

  @Field(() => Scale, { nullable: true, description: 'Previously active version, now inactive; null if it was already active.' })
  previousActiveScale!: Scale | null;

  @Field(() => Deed, { description: 'The deed (activeScale changed).' })
  deed!: Deed;
}
