import { Field, Int } from 'type-graphql';
import { apiEnum, type EnumValue } from '../../lib/api-enum';
import { BigIntID } from '../../lib/id';
import { PageInfo } from '../../lib/pagination';
import { DateTimeScalar } from '../../lib/scalars';
import { UserProfile } from '../users/types';
import { SupportMessage, type SupportMessageRecord } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

export const SupportThreadStatus = apiEnum('SupportThreadStatus', "State of a user's support conversation.", {
  OPEN: 'Waiting for support (the default; a new message from the user reopens a resolved thread).',
  RESOLVED: 'Marked resolved by support.',
});
export type SupportThreadStatus = EnumValue<typeof SupportThreadStatus>;

export interface SupportThreadRecord {
  /** The user's id: one thread per user. */
  id: bigint;
  status: SupportThreadStatus;
  resolvedAt: Date | null;
  lastMessageAt: Date;
  unreadCount: number;
}

@ApiObjectType('SupportThread', { description: "A user's support conversation as support staff see it (one per user)." })
export class SupportThread implements SupportThreadRecord {
  @Field(() => BigIntID, { description: "Thread id: the user's id." })
  id!: bigint;

  /** Resolved from `id` (desk-resolver.ts). */
  @Field(() => UserProfile, { description: 'Whose conversation it is (public profile).' })
  user?: UserProfile;

  @Field(() => SupportThreadStatus, { description: 'Open or resolved.' })
  status!: SupportThreadStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last marked resolved; null while open.' })
  resolvedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the newest message was written.' })
  lastMessageAt!: Date;

  @Field(() => Int, { description: "The user's messages support has not read yet (a reply reads them)." })
  unreadCount!: number;
}

@ApiObjectType('SupportThreadEdge', { description: 'A support thread with its cursor.' })
export class SupportThreadEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => SupportThread, { description: 'The thread.' })
  node!: SupportThreadRecord;
}

@ApiObjectType('SupportThreadConnection', { description: 'A page of support threads, newest message first.' })
export class SupportThreadConnection {
  @Field(() => [SupportThreadEdge], { description: 'Threads on this page.' })
  edges!: SupportThreadEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Threads matching the filter.' })
  totalCount!: number;
}

@ApiObjectType('ReplyToSupportMessagePayload', { description: 'Result of replyToSupportMessage.' })
export class ReplyToSupportMessagePayload {
  @Field(() => SupportMessage, { description: 'The reply (sender SUPPORT).' })
  message!: SupportMessageRecord;

  @Field(() => SupportThread, { description: 'The thread after the reply.' })
  thread!: SupportThreadRecord;
}

@ApiObjectType('SupportThreadPayload', { description: 'Result of resolveSupportThread and reopenSupportThread.' })
export class SupportThreadPayload {
  @Field(() => SupportThread, { description: 'The thread in its new state.' })
  thread!: SupportThreadRecord;
}
