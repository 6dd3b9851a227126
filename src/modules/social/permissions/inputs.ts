import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../../lib/id';
import { PermissionType } from '../enums';

@InputType('PermissionFilter', { description: 'Filter for permission lists.' })
export class PermissionFilter {
  @Field(() => BigIntID, { nullable: true, description: 'Only grants to/from this other user.' })
  userId?: bigint | null;

  @Field(() => BigIntID, { nullable: true, description: 'Only grants on exactly this deed item.' })
  deedItemId?: bigint | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include revoked and superseded versions (history); grantor only.',
  })
  includeInactive?: boolean | null;
}

@InputType('GrantPermissionInput', { description: 'Input for grantPermission.' })
export class GrantPermissionInput {
  @Field(() => BigIntID, { description: 'ACCEPTED relation where the viewer is the requestee.' })
  relationId!: bigint;

  @Field(() => BigIntID, { description: 'Viewer-owned deed item; the grant covers its descendants.' })
  deedItemId!: bigint;

  @Field(() => PermissionType, { description: 'READ or WRITE.' })
  type!: PermissionType;
}

@InputType('RevokePermissionInput', { description: 'Input for revokePermission.' })
export class RevokePermissionInput {
  @Field(() => BigIntID, { description: 'Active permission id granted by the viewer.' })
  permissionId!: bigint;
}

/** Arguments of `permissionsGrantedByMe` (an args class keeps them in the contract's order). */
@ArgsType()
export class PermissionsGrantedByMeArgs {
  @Field(() => PermissionFilter, { nullable: true, description: 'Optional filter.' })
  filter?: PermissionFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

/** Arguments of `permissionsGrantedToMe`. */
@ArgsType()
export class PermissionsGrantedToMeArgs {
  @Field(() => PermissionFilter, { nullable: true, description: 'Optional filter (includeInactive is ignored).' })
  filter?: PermissionFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}
