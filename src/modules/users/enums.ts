import { registerEnumType } from 'type-graphql';
import { Theme, UserRole, Weekday } from '../../generated/prisma/enums';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerEnumType(Theme, {
  name: 'Theme',
  description: 'UI colour theme preference.',
  valuesConfig: {
    SYSTEM: { description: 'Follow the device setting.' },
    LIGHT: { description: 'Light theme.' },
    DARK: { description: 'Dark theme.' },
  },
});

registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'Day of the week.',
  valuesConfig: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
  },
});

export { Theme, UserRole, Weekday };

registerEnumType(UserRole, {
  name: 'UserRole',
  description: "An account's role.",
  valuesConfig: {
    USER: { description: 'Everyone (the default).' },
    SUPPORT: { description: "The support team: answers support conversations and sees nothing else of other users' data." },
  },
});
