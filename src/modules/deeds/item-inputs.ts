import { MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { NotNullWhenGiven, TrimmedLength } from '../../lib/validators';
import { Deed, DeedItem } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

@InputType('CreateDeedItemInput', { description: 'Input for createDeedItem.' })
export class CreateDeedItemInput {
  @Field(() => BigIntID, { description: 'Deed to add the item to.' })
  deedId!: bigint;

  @Field(() => BigIntID, { nullable: true, description: 'Parent item in the same deed; root when omitted.' })
  parentId?: bigint | null;

  @Field(() => String, { description: 'Item name (1–255).' })
  @TrimmedLength(1, 255)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Optional description (TEXT, max 5000).' })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position among siblings; appended when omitted.' })
  @Min(0)
  displayOrder?: number | null;
}

@ApiObjectType('CreateDeedItemPayload', { description: 'Result of createDeedItem.' })
export class CreateDeedItemPayload {
  @Field(() => DeedItem, { description: 'The new item.' })
  deedItem!: DeedItem;

  @Field(() => DeedItem, { nullable: true, description: 'The parent, whose children changed; null for a root item.' })
  parent!: DeedItem | null;

  @Field(() => Deed, { description: 'The deed, whose items changed.' })
  deed!: Deed;
}

@InputType('UpdateDeedItemInput', { description: 'Input for updateDeedItem; omitted fields are unchanged.' })
export class UpdateDeedItemInput {
  @Field(() => BigIntID, { description: 'Deed item id.' })
  id!: bigint;

  @Field(() => String, { nullable: true, description: 'New name (1–255).' })
  @NotNullWhenGiven()
  @TrimmedLength(1, 255)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; null clears.' })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'New position among siblings.' })
  @NotNullWhenGiven()
  @Min(0)
  displayOrder?: number | null;
}

@ApiObjectType('UpdateDeedItemPayload', { description: 'Result of updateDeedItem.' })
export class UpdateDeedItemPayload {
  @Field(() => DeedItem, { description: 'The updated item.' })
  deedItem!: DeedItem;
}

@InputType('MoveDeedItemInput', { description: 'Input for moveDeedItem.' })
export class MoveDeedItemInput {
  @Field(() => BigIntID, { description: 'Item to move (its subtree moves with it).' })
  id!: bigint;

  @Field(() => BigIntID, { nullable: true, description: 'New parent in the same deed; null or omitted makes it a root.' })
  newParentId?: bigint | null;

  @Field(() => Int, { nullable: true, description: 'Position among new siblings; appended when omitted.' })
  @Min(0)
  displayOrder?: number | null;
}

@ApiObjectType('MoveDeedItemPayload', { description: 'Result of moveDeedItem.' })
export class MoveDeedItemPayload {
  @Field(() => DeedItem, { description: 'The moved item with new parent and level.' })
  deedItem!: DeedItem;

  @Field(() => [DeedItem], { description: 'All descendants of the moved item (levels changed).' })
  movedDescendants!: DeedItem[];

  @Field(() => DeedItem, { nullable: true, description: 'Former parent; null if it was a root.' })
  oldParent!: DeedItem | null;

  @Field(() => DeedItem, { nullable: true, description: 'New parent; null if now a root.' })
  newParent!: DeedItem | null;

  @Field(() => Deed, { description: 'The deed (rootItems may have changed).' })
  deed!: Deed;
}

@InputType('DeleteDeedItemInput', { description: 'Input for deleteDeedItem.' })
export class DeleteDeedItemInput {
  @Field(() => BigIntID, { description: 'Deed item id (its subtree becomes hidden with it).' })
  id!: bigint;
}

@ApiObjectType('DeleteDeedItemPayload', { description: 'Result of deleteDeedItem.' })
export class DeleteDeedItemPayload {
  @Field(() => DeedItem, { description: 'The item, with deletedAt set.' })
  deedItem!: DeedItem;

  @Field(() => DeedItem, { nullable: true, description: 'Parent, whose children changed; null for a root item.' })
  parent!: DeedItem | null;

  @Field(() => Deed, { description: 'The deed, whose items changed.' })
  deed!: Deed;
}

@InputType('RestoreDeedItemInput', { description: 'Input for restoreDeedItem.' })
export class RestoreDeedItemInput {
  @Field(() => BigIntID, { description: 'Deed item id; its parent chain and deed must be live.' })
  id!: bigint;
}

@ApiObjectType('RestoreDeedItemPayload', { description: 'Result of restoreDeedItem.' })
export class RestoreDeedItemPayload {
  @Field(() => DeedItem, { description: 'The item, with deletedAt cleared.' })
  deedItem!: DeedItem;

  @Field(() => DeedItem, { nullable: true, description: 'Parent, whose children changed; null for a root item.' })
  parent!: DeedItem | null;

  @Field(() => Deed, { description: 'The deed, whose items changed.' })
  deed!: Deed;
}
