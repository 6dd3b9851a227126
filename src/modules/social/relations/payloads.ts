import { Field } from 'type-graphql';
import { BigIntID } from '../../../lib/id';
import { Permission, type PermissionRecord, Relation, type RelationRecord } from '../types';
import { ApiObjectType } from '../../../lib/api-object-type';

@ApiObjectType('SendConnectionRequestPayload', { description: 'Result of sendConnectionRequest.' })
export class SendConnectionRequestPayload {
  @Field(() => Relation, { description: 'The pending outgoing relation.' })
  relation!: RelationRecord;
}

@ApiObjectType('RespondToConnectionRequestPayload', { description: 'Result of respondToConnectionRequest.' })
export class RespondToConnectionRequestPayload {
  @Field(() => Relation, { description: 'The relation with its new status.' })
  relation!: RelationRecord;
}

@ApiObjectType('BlockUserPayload', { description: 'Result of blockUser.' })
export class BlockUserPayload {
  @Field(() => Relation, { description: 'The BLOCKED relation (requester = blocked user, requestee = viewer).' })
  relation!: RelationRecord;

  @Field(() => [BigIntID], { description: "Ids of the viewer's relations removed by the block (evict from caches)." })
  removedRelationIds!: bigint[];

  @Field(() => [Permission], { description: 'Permissions revoked by the block, in either direction.' })
  revokedPermissions!: PermissionRecord[];
}

@ApiObjectType('RemoveConnectionPayload', { description: 'Result of removeConnection.' })
export class RemoveConnectionPayload {
  @Field(() => BigIntID, { description: 'Id of the removed relation (evict from caches).' })
  removedRelationId!: bigint;

  @Field(() => [Permission], { description: 'Permissions revoked because the relation ended.' })
  revokedPermissions!: PermissionRecord[];
}
