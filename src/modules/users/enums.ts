import { registerApiEnum } from '../../lib/api-enum';
import { Theme, UserRole, Weekday } from '../../generated/prisma/enums';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerApiEnum(Theme, 'Theme', 'UI colour theme preference.', {
  SYSTEM: 'Follow the device setting.',
  LIGHT: 'Light theme.',
  DARK: 'Dark theme.',
});

registerApiEnum(Weekday, 'Weekday', 'Day of the week.', {
  MONDAY: 'Monday.',
  TUESDAY: 'Tuesday.',
  WEDNESDAY: 'Wednesday.',
  THURSDAY: 'Thursday.',
  FRIDAY: 'Friday.',
  SATURDAY: 'Saturday.',
  SUNDAY: 'Sunday.',
});

export { Theme, UserRole, Weekday };

registerApiEnum(UserRole, 'UserRole', "An account's role.", {
  USER: 'Everyone (the default).',
  SUPPORT: "The support team: answers support conversations and sees nothing else of other users' data.",
});
