import { Field, Int, ObjectType } from 'type-graphql';
import type {
  Deed as DeedRecord,
  DeedItem as DeedItemRecord,
  Scale as ScaleRecord,
  ScaleValue as ScaleValueRecord,
} from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { DateTimeScalar } from '../../lib/scalars';
import { AccessLevel, DeedCategory, MeasureType } from './enums';

/**
 * The GraphQL object types of the deeds domain. Their scalar fields are spelled like the
 * Prisma records, so resolvers return the rows as they come from the database (the id
 * columns `userId`, `deedId`, `parentId`, `scaleId` ride along unexposed); relation fields
 * (owner, items, parent, values, ...) are field resolvers in ./resolvers, going through the
 * request's DataLoaders.
 */

export { AccessLevel, DeedCategory, MeasureType };
export type { DeedRecord, DeedItemRecord, ScaleRecord, ScaleValueRecord };

@ObjectType('Deed', { description: 'A tracked deed owned by one user, containing a hierarchy of deed items.' })
export class Deed implements DeedRecord {
  @Field(() => BigIntID, { description: 'Deed id.' })
  id!: bigint;

  /** Owner's user id (exposed as `owner`). */
  userId!: bigint;

  @Field(() => String, { description: 'Deed name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional longer description.' })
  description!: string | null;

  @Field(() => DeedCategory, { description: 'Hasanaat or saiyyiaat.' })
  category!: DeedCategory;

  @Field(() => MeasureType, { description: 'Scale- or count-based measurement; immutable.' })
  measureType!: MeasureType;

  @Field(() => Boolean, { description: 'False when the owner archived the deed (hidden from daily entry screens).' })
  isActive!: boolean;

  @Field(() => Int, { description: "Position among the owner's deeds (ascending)." })
  displayOrder!: number;

  @Field(() => DateTimeScalar, { description: 'When the deed was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the deed was last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the deed was soft-deleted; null if live.' })
  deletedAt!: Date | null;
}

@ObjectType('DeedItem', { description: "A node in a deed's item hierarchy; entries are recorded against deed items." })
export class DeedItem implements DeedItemRecord {
  @Field(() => BigIntID, { description: 'Deed item id.' })
  id!: bigint;

  /** Exposed as `deed`. */
  deedId!: bigint;

  /** Exposed as `parent` (null above a grantee's granted root). */
  parentId!: bigint | null;

  @Field(() => String, { description: 'Item name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional longer description.' })
  description!: string | null;

  @Field(() => Int, { description: 'Position among siblings (ascending).' })
  displayOrder!: number;

  @Field(() => Int, { description: 'Depth in the tree: 1 for a root item, parent.level + 1 otherwise.' })
  level!: number;

  @Field(() => DateTimeScalar, { description: 'When the item was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the item was last changed (including moves).' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the item was soft-deleted; null if live (an ancestor may still be deleted).',
  })
  deletedAt!: Date | null;
}

@ObjectType('Scale', { description: "One immutable version of a deed's scale with its ordered values." })
export class Scale implements ScaleRecord {
  @Field(() => BigIntID, { description: 'Scale id.' })
  id!: bigint;

  /** Exposed as `deed`. */
  deedId!: bigint;

  @Field(() => Int, { description: 'Version number within the deed, starting at 1.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Optional scale name, e.g. `Quality`.' })
  name!: string | null;

  @Field(() => Boolean, {
    description: "Whether this is the deed's active scale (exactly one per SCALE deed once defined).",
  })
  isActive!: boolean;

  @Field(() => DateTimeScalar, { description: 'When this version was created.' })
  createdAt!: Date;

  updatedAt!: Date;
}

@ObjectType('ScaleValue', { description: 'One selectable value of a scale.' })
export class ScaleValue implements ScaleValueRecord {
  @Field(() => BigIntID, { description: 'Scale value id.' })
  id!: bigint;

  /** Exposed as `scale`. */
  scaleId!: bigint;

  @Field(() => String, { description: 'Label shown to users, e.g. `On time`.' })
  label!: string;

  @Field(() => Int, { description: '1-based position within the scale; unique per scale.' })
  order!: number;

  @Field(() => String, { nullable: true, description: 'Optional explanation of the value.' })
  description!: string | null;

  createdAt!: Date;

  updatedAt!: Date;
}
