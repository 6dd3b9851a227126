import { Field, Int } from 'type-graphql';
import type { Permission as PermissionRecord, Relation as RelationRecord } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { PageInfo } from '../../lib/pagination';
import { DateTimeScalar } from '../../lib/scalars';
import { DeedItem, type DeedItemRecord } from '../deeds/types';
import { UserProfile } from '../users/types';
import { PermissionType, RelationDirection, RelationStatus } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

export type { PermissionRecord, RelationRecord };

/**
 * The social domain's object types. Scalar fields are spelled like the Prisma records, so
 * resolvers return rows as they come from the database; the reference fields declared
 * optional here (requester, permissions, grantor, deedItem, ...) are field resolvers in
 * ./relations/resolver and ./permissions/resolver, going through the request's DataLoaders.
 */
@ApiObjectType('Relation', { description: 'A unidirectional relation from a requester to a requestee (not a pagination Connection).' })
export class Relation implements RelationRecord {
  @Field(() => BigIntID, { description: 'Relation id.' })
  id!: bigint;

  /** Exposed as `requester`. */
  requesterId!: bigint;

  /** Exposed as `requestee`. */
  requesteeId!: bigint;

  @Field(() => UserProfile, { description: 'User who sent the request; the one who can receive grants.' })
  requester?: UserProfile;

  @Field(() => UserProfile, { description: 'User who received the request; owns the items they may grant on.' })
  requestee?: UserProfile;

  @Field(() => RelationStatus, { description: 'Current status.' })
  status!: RelationStatus;

  @Field(() => RelationDirection, { description: 'Whether the viewer is the requestee (INCOMING) or requester (OUTGOING).' })
  direction?: RelationDirection;

  @Field(() => [Permission], { description: 'Active permissions granted through this relation.' })
  permissions?: PermissionRecord[];

  @Field(() => DateTimeScalar, { description: 'When the request was sent.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the requestee accepted or rejected; null while pending.' })
  respondedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the relation last changed.' })
  updatedAt!: Date;

  deletedAt!: Date | null;
}

@ApiObjectType('RelationEdge', { description: 'A relation with its cursor.' })
export class RelationEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => Relation, { description: 'The relation.' })
  node!: RelationRecord;
}

@ApiObjectType('RelationConnection', { description: 'A page of relations.' })
export class RelationConnection {
  @Field(() => [RelationEdge], { description: 'Relations on this page.' })
  edges!: RelationEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total relations matching the filter (all pages).' })
  totalCount!: number;
}

/** One row per version: rows are never deleted. */
@ApiObjectType('Permission', { description: 'One version of a grant on a deed item (and its descendants) from owner to grantee.' })
export class Permission implements PermissionRecord {
  @Field(() => BigIntID, { description: 'Permission id (one per version).' })
  id!: bigint;

  /** Exposed as `relation` (and through it `grantor`, `grantee`). */
  relationId!: bigint;

  /** Exposed as `deedItem`. */
  deedItemId!: bigint;

  @Field(() => Relation, { description: 'The accepted relation this grant is made through.' })
  relation?: RelationRecord;

  @Field(() => UserProfile, { description: "Owner of the deed item (the relation's requestee)." })
  grantor?: UserProfile;

  @Field(() => UserProfile, { description: "User receiving access (the relation's requester)." })
  grantee?: UserProfile;

  @Field(() => DeedItem, {
    nullable: true,
    description: 'Granted item; null if it is no longer visible to the viewer (e.g. deleted).',
  })
  deedItem?: DeedItemRecord | null;

  @Field(() => PermissionType, { description: 'READ or WRITE (WRITE implies READ).' })
  type!: PermissionType;

  @Field(() => Int, { description: 'Version number for this (relation, deed item) pair, starting at 1.' })
  version!: number;

  @Field(() => Boolean, { description: 'Whether this version is currently in force.' })
  isActive!: boolean;

  @Field(() => DateTimeScalar, { description: 'When this version was granted.' })
  grantedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When this version stopped being in force (revoked or superseded); null if active.',
  })
  revokedAt!: Date | null;

  createdAt!: Date;

  updatedAt!: Date;
}

@ApiObjectType('PermissionEdge', { description: 'A permission with its cursor.' })
export class PermissionEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => Permission, { description: 'The permission.' })
  node!: PermissionRecord;
}

@ApiObjectType('PermissionConnection', { description: 'A page of permissions.' })
export class PermissionConnection {
  @Field(() => [PermissionEdge], { description: 'Permissions on this page.' })
  edges!: PermissionEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total permissions matching the filter (all pages).' })
  totalCount!: number;
}
