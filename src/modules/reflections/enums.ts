import { registerEnumType } from 'type-graphql';
import { ReflectionType } from '../../generated/prisma/enums';

// The database enum is spelled as the API spells it (and sorts in the same order).
registerEnumType(ReflectionType, {
  name: 'ReflectionType',
  description: 'Kind of daily reflection; at most one reflection per type per day.',
  valuesConfig: {
    DAILY: { description: 'General end-of-day reflection (muhasabah).' },
    GRATITUDE: { description: 'What the user is grateful for today.' },
    INTENTION: { description: 'Intentions and plans for the next day.' },
    IMPROVEMENT: { description: 'Reflection on saiyyiaat: what went wrong and how to improve.' },
  },
});

export { ReflectionType };
