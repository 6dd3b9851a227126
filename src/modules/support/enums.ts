import { registerEnumType } from 'type-graphql';
import { MessageSender } from '../../generated/prisma/enums';

// The database's message_sender_enum has the API's values under another name.
export const SupportMessageSender = MessageSender;
export type SupportMessageSender = MessageSender;

registerEnumType(SupportMessageSender, {
  name: 'SupportMessageSender',
  description: 'Who wrote a support message.',
  valuesConfig: {
    USER: { description: 'The user.' },
    SUPPORT: { description: 'The Kitaab support team.' },
  },
});
