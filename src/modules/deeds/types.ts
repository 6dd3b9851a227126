import { Field, Int } from 'type-graphql';
import { UserProfile } from '../users/types';
import type {
  Deed as DeedRecord,
  DeedItem as DeedItemRecord,
  Scale as ScaleRecord,
  ScaleValue as ScaleValueRecord,
} from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { DateTimeScalar } from '../../lib/scalars';
import { AccessLevel, DeedCategory, MeasureType } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * The GraphQL object types of the deeds domain. Their scalar fields are spelled like the
 * Prisma records, so resolvers return the rows as they come from the database (the id
 * columns `userId`, `deedId`, `parentId`, `scaleId` ride along unexposed). Relation fields
 * (owner, items, parent, values, ...) are declared here, in the contract's field order, and
 * resolved by the field resolvers in the *-resolver.ts files through the request's
 * DataLoaders; they are optional properties so plain rows satisfy these classes.
 */

export { AccessLevel, DeedCategory, MeasureType };
export type { DeedRecord, DeedItemRecord, ScaleRecord, ScaleValueRecord };

@ApiObjectType('Deed', { description: 'A tracked deed owned by one user, containing a hierarchy of deed items.' })
export class Deed implements DeedRecord {
  @Field(() => BigIntID, { description: 'Deed id.' })
  id!: bigint;

  /** Owner's user id (exposed as `owner`). */
  userId!: bigint;

  @Field(() => UserProfile, { description: 'Owner of the deed.' })
  owner?: UserProfile;

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

  @Field(() => [DeedItem], { description: 'Items visible to the viewer in depth-first pre-order, siblings by displayOrder.' })
  items?: DeedItem[];

  @Field(() => [DeedItem], { description: 'Top-level visible items (for grantees: the roots of their granted subtrees).' })
  rootItems?: DeedItem[];

  @Field(() => Scale, {
    nullable: true,
    description: 'Currently active scale version; null for COUNT deeds or before a scale is defined.',
  })
  activeScale?: Scale | null;

  @Field(() => [Scale], { description: 'All scale versions, newest first.' })
  scales?: Scale[];

  @Field(() => DateTimeScalar, { description: 'When the deed was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the deed was last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the deed was soft-deleted; null if live.' })
  deletedAt!: Date | null;
}

@ApiObjectType('DeedItem', { description: "A node in a deed's item hierarchy; entries are recorded against deed items." })
export class DeedItem implements DeedItemRecord {
  @Field(() => BigIntID, { description: 'Deed item id.' })
  id!: bigint;

  /** Exposed as `deed`. */
  deedId!: bigint;

  @Field(() => Deed, { description: 'The deed this item belongs to.' })
  deed?: Deed;

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

  @Field(() => DeedItem, {
    nullable: true,
    description: 'Parent item; null for roots or when the parent is not visible to the viewer.',
  })
  parent?: DeedItem | null;

  @Field(() => [DeedItem], { description: 'Direct children visible to the viewer, by displayOrder.' })
  children?: DeedItem[];

  @Field(() => [DeedItem], { description: 'Visible ancestors from the root down to the parent (excludes this item).' })
  ancestors?: DeedItem[];

  @Field(() => [DeedItem], {
    description: 'Visible descendants down to maxDepth levels below this item, in depth-first pre-order.',
  })
  descendants?: DeedItem[];

  @Field(() => Boolean, { description: 'Whether the item has at least one live child.' })
  hasChildren?: boolean;

  @Field(() => AccessLevel, { description: "The viewer's effective access to this item." })
  myAccess?: AccessLevel;

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

@ApiObjectType('Scale', { description: "One immutable version of a deed's scale with its ordered values." })
export class Scale implements ScaleRecord {
  @Field(() => BigIntID, { description: 'Scale id.' })
  id!: bigint;

  /** Exposed as `deed`. */
  deedId!: bigint;

  @Field(() => Deed, { description: 'The deed this scale belongs to.' })
  deed?: Deed;

  @Field(() => Int, { description: 'Version number within the deed, starting at 1.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Optional scale name, e.g. `Quality`.' })
  name!: string | null;

  @Field(() => Boolean, {
    description: "Whether this is the deed's active scale (exactly one per SCALE deed once defined).",
  })
  isActive!: boolean;

  @Field(() => [ScaleValue], { description: 'Values in ascending order.' })
  values?: ScaleValue[];

  @Field(() => DateTimeScalar, { description: 'When this version was created.' })
  createdAt!: Date;

  updatedAt!: Date;
}

@ApiObjectType('ScaleValue', { description: 'One selectable value of a scale.' })
export class ScaleValue implements ScaleValueRecord {
  @Field(() => BigIntID, { description: 'Scale value id.' })
  id!: bigint;

  /** Exposed as `scale`. */
  scaleId!: bigint;

  @Field(() => Scale, { description: 'The scale version this value belongs to.' })
  scale?: Scale;

  @Field(() => String, { description: 'Label shown to users, e.g. `On time`.' })
  label!: string;

  @Field(() => Int, { description: '1-based position within the scale; unique per scale.' })
  order!: number;

  @Field(() => String, { nullable: true, description: 'Optional explanation of the value.' })
  description!: string | null;

  createdAt!: Date;

  updatedAt!: Date;
}
