import { registerApiEnum } from '../../lib/api-enum';
import { ReflectionType } from '../../generated/prisma/enums';

// The database enum is spelled as the API spells it (and sorts in the same order).
registerApiEnum(ReflectionType, 'ReflectionType', 'Kind of daily reflection; at most one reflection per type per day.', {
  DAILY: 'General end-of-day reflection (muhasabah).',
  GRATITUDE: 'What the user is grateful for today.',
  INTENTION: 'Intentions and plans for the next day.',
  IMPROVEMENT: 'Reflection on saiyyiaat: what went wrong and how to improve.',
});

export { ReflectionType };
