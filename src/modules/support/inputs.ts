import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { TrimmedLength } from '../../lib/validators';

/** CONTRACT.md section 8: subjects follow VARCHAR(255); support content is capped at 5000. */
export const MAX_SUBJECT_LENGTH = 255;
export const MAX_SUPPORT_CONTENT_LENGTH = 5000;

@InputType('SupportMessageFilter', { description: 'Filter for support messages.' })
export class SupportMessageFilter {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only unread messages from support.' })
  unreadOnly?: boolean | null;
}

@InputType('SendSupportMessageInput', { description: 'Input for sendSupportMessage.' })
export class SendSupportMessageInput {
  @Field(() => String, { nullable: true, description: 'Optional subject (max 255).' })
  @TrimmedLength(1, MAX_SUBJECT_LENGTH)
  subject?: string | null;

  @Field(() => String, { description: 'Message text (1–5000).' })
  @TrimmedLength(1, MAX_SUPPORT_CONTENT_LENGTH)
  content!: string;
}

@InputType('MarkMessageReadInput', { description: 'Input for markMessageRead.' })
export class MarkMessageReadInput {
  @Field(() => BigIntID, { description: 'Id of a message from support.' })
  messageId!: bigint;
}

/** Arguments of `supportMessages` (an args class keeps them in the contract's order). */
@ArgsType()
export class SupportMessagesArgs {
  @Field(() => SupportMessageFilter, { nullable: true, description: 'Optional filter.' })
  filter?: SupportMessageFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}
