import { Field, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { PageInfo } from '../../lib/pagination';
import { DateTimeScalar, JSONScalar } from '../../lib/scalars';
import { UserProfile } from '../users/types';
import { AuditAction, AuditEntityType } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

@ApiObjectType('AuditEvent', { description: 'A critical operation from the audit log, performed by or affecting the viewer.' })
export class AuditEvent {
  @Field(() => BigIntID, { description: 'Audit log id.' })
  id!: bigint;

  @Field(() => AuditAction, { description: 'What happened.' })
  action!: AuditAction;

  @Field(() => AuditEntityType, { description: 'Kind of record affected.' })
  entityType!: AuditEntityType;

  @Field(() => BigIntID, { nullable: true, description: 'Id of the affected record, if any.' })
  entityId!: bigint | null;

  /** The actor's user id; null for system jobs. */
  actorId!: bigint | null;

  /** Resolved from `actorId` (./resolver). */
  @Field(() => UserProfile, { nullable: true, description: 'Who performed it; null for system jobs.' })
  actor?: UserProfile | null;

  @Field(() => String, { nullable: true, description: 'Client IP address; only shown when the viewer is the actor.' })
  ipAddress!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Values before the change (free-form).' })
  oldValues!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'Values after the change (free-form).' })
  newValues!: unknown;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  createdAt!: Date;
}

@ApiObjectType('AuditEventEdge', { description: 'An audit event with its cursor.' })
export class AuditEventEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The event.' })
  node!: AuditEvent;
}

@ApiObjectType('AuditEventConnection', { description: 'A page of audit events.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'Events on this page.' })
  edges!: AuditEventEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total events matching the filter (all pages).' })
  totalCount!: number;
}
