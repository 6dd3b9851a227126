import { Field } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { Merit, Target, type MeritRecord, type TargetRecord } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

@ApiObjectType('CreateMeritPayload', { description: 'Result of createMerit.' })
export class CreateMeritPayload {
  @Field(() => Merit, { description: 'The new merit (completedAt set if already complete).' })
  merit!: MeritRecord;
}

@ApiObjectType('UpdateMeritPayload', { description: 'Result of updateMerit.' })
export class UpdateMeritPayload {
  @Field(() => Merit, { description: 'The updated merit.' })
  merit!: MeritRecord;

  @Field(() => [BigIntID], { description: 'Ids of merit items removed (evict from caches).' })
  removedItemIds!: bigint[];
}

@ApiObjectType('DeleteMeritPayload', { description: 'Result of deleteMerit.' })
export class DeleteMeritPayload {
  @Field(() => Merit, { description: 'The merit, with deletedAt set.' })
  merit!: MeritRecord;
}

@ApiObjectType('CreateTargetPayload', { description: 'Result of createTarget.' })
export class CreateTargetPayload {
  @Field(() => Target, { description: 'The new target (completedAt set if already complete).' })
  target!: TargetRecord;
}

@ApiObjectType('UpdateTargetPayload', { description: 'Result of updateTarget.' })
export class UpdateTargetPayload {
  @Field(() => Target, { description: 'The updated target.' })
  target!: TargetRecord;

  @Field(() => [BigIntID], { description: 'Ids of target items removed (evict from caches).' })
  removedItemIds!: bigint[];
}

@ApiObjectType('DeleteTargetPayload', { description: 'Result of deleteTarget.' })
export class DeleteTargetPayload {
  @Field(() => Target, { description: 'The target, with deletedAt set.' })
  target!: TargetRecord;
}
