import { registerApiEnum } from '../../lib/api-enum';
import { MessageSender } from '../../generated/prisma/enums';

// The database's message_sender_enum has the API's values under another name.
export const SupportMessageSender = MessageSender;
export type SupportMessageSender = MessageSender;

registerApiEnum(SupportMessageSender, 'SupportMessageSender', 'Who wrote a support message.', {
  USER: 'The user.',
  SUPPORT: 'The Kitaab support team.',
});
