import { Field, Int } from 'type-graphql';
import type { Message } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { PageInfo } from '../../lib/pagination';
import { DateTimeScalar } from '../../lib/scalars';
import { User } from '../users/types';
import { SupportMessageSender } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

export type SupportMessageRecord = Pick<Message, 'id' | 'sender' | 'subject' | 'content' | 'readAt' | 'createdAt'>;

/** Fields are spelled like the Prisma record, so rows are returned as they come. */
@ApiObjectType('SupportMessage', { description: "A message in the user's in-app support conversation." })
export class SupportMessage implements SupportMessageRecord {
  @Field(() => BigIntID, { description: 'Message id.' })
  id!: bigint;

  @Field(() => SupportMessageSender, { description: 'Who wrote it.' })
  sender!: SupportMessageSender;

  @Field(() => String, { nullable: true, description: 'Optional subject line.' })
  subject!: string | null;

  @Field(() => String, { description: 'Message text.' })
  content!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the recipient read it; null while unread.' })
  readAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was sent.' })
  createdAt!: Date;
}

@ApiObjectType('SupportMessageEdge', { description: 'A support message with its cursor.' })
export class SupportMessageEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => SupportMessage, { description: 'The message.' })
  node!: SupportMessageRecord;
}

@ApiObjectType('SupportMessageConnection', { description: 'A page of support messages.' })
export class SupportMessageConnection {
  @Field(() => [SupportMessageEdge], { description: 'Messages on this page.' })
  edges!: SupportMessageEdge[];

  @Field(() => PageInfo, { description: 'Paging state.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Total messages matching the filter (all pages).' })
  totalCount!: number;
}

@ApiObjectType('SendSupportMessagePayload', { description: 'Result of sendSupportMessage.' })
export class SendSupportMessagePayload {
  @Field(() => SupportMessage, { description: 'The sent message.' })
  message!: SupportMessageRecord;
}

@ApiObjectType('MarkMessageReadPayload', { description: 'Result of markMessageRead.' })
export class MarkMessageReadPayload {
  @Field(() => SupportMessage, { description: 'The message with readAt set.' })
  message!: SupportMessageRecord;

  @Field(() => User, { description: 'The viewer (unreadSupportMessageCount changed).' })
  me!: User;
}
