import type { Decimal } from '@prisma/client/runtime/client';
import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DecimalScalar } from '../../lib/scalars';

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
