import { Field } from 'type-graphql';
import { Permission, type PermissionRecord, Relation, type RelationRecord } from '../types';
import { ApiObjectType } from '../../../lib/api-object-type';

@ApiObjectType('GrantPermissionPayload', { description: 'Result of grantPermission.' })
export class GrantPermissionPayload {
  @Field(() => Permission, { description: 'The active permission version.' })
  permission!: PermissionRecord;

  @Field(() => Permission, { nullable: true, description: 'The version it replaced, now inactive; null if none or unchanged.' })
  supersededPermission!: PermissionRecord | null;

  @Field(() => Relation, { description: 'The relation (its permissions changed).' })
  relation!: RelationRecord;
}

@ApiObjectType('RevokePermissionPayload', { description: 'Result of revokePermission.' })
export class RevokePermissionPayload {
  @Field(() => Permission, { description: 'The permission, now inactive with revokedAt set.' })
  permission!: PermissionRecord;

  @Field(() => Relation, { description: 'The relation (its permissions changed).' })
  relation!: RelationRecord;
}
