import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { TrimmedLength } from '../../lib/validators';
import { SupportThreadStatus } from './desk-types';
import { MAX_SUBJECT_LENGTH, MAX_SUPPORT_CONTENT_LENGTH } from './inputs';

@InputType('SupportInboxFilter', { description: 'Filter for supportInbox.' })
export class SupportInboxFilter {
  @Field(() => SupportThreadStatus, { nullable: true, description: 'Only open or only resolved threads.' })
  status?: SupportThreadStatus | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Only threads with user messages support has not read." })
  unreadOnly?: boolean | null;
}

@ArgsType()
export class SupportInboxArgs {
  @Field(() => SupportInboxFilter, { nullable: true, description: 'Optional filter.' })
  filter?: SupportInboxFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

@ArgsType()
export class SupportThreadMessagesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

@InputType('ReplyToSupportMessageInput', { description: 'Input for replyToSupportMessage.' })
export class ReplyToSupportMessageInput {
  @Field(() => BigIntID, { description: "The thread (the user's id)." })
  threadId!: bigint;

  @Field(() => String, { nullable: true, description: 'Optional subject (max 255).' })
  @TrimmedLength(1, MAX_SUBJECT_LENGTH)
  subject?: string | null;

  @Field(() => String, { description: 'Reply text (1–5000).' })
  @TrimmedLength(1, MAX_SUPPORT_CONTENT_LENGTH)
  content!: string;
}

@InputType('SupportThreadInput', { description: 'Input for resolveSupportThread and reopenSupportThread.' })
export class SupportThreadInput {
  @Field(() => BigIntID, { description: "The thread (the user's id)." })
  threadId!: bigint;
}
