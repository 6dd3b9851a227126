import { registerEnumType } from 'type-graphql';
import { CompletionLogic } from '../../generated/prisma/enums';

// CompletionLogic is a database enum spelled as the API spells it; GoalStatus is derived
// (goal-state.ts) and exists only in the API.

registerEnumType(CompletionLogic, {
  name: 'CompletionLogic',
  description: 'How item completion combines into merit or target completion.',
  valuesConfig: {
    ALL: { description: 'AND: complete when every item is complete.' },
    ANY: { description: 'OR: complete when at least one item is complete.' },
  },
});

export const GoalStatus = {
  NOT_STARTED: 'NOT_STARTED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  EXPIRED: 'EXPIRED',
  PAUSED: 'PAUSED',
} as const;
export type GoalStatus = (typeof GoalStatus)[keyof typeof GoalStatus];

registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: 'Derived state of a merit or target.',
  valuesConfig: {
    NOT_STARTED: { description: "Active, and today (owner's timezone) is before the start date." },
    IN_PROGRESS: { description: 'Active, within its window (or open-ended) and not yet completed.' },
    COMPLETED: { description: 'completedAt is set.' },
    EXPIRED: { description: 'Active, not completed, and the window ended before today.' },
    PAUSED: { description: 'Not completed and isActive is false.' },
  },
});

export { CompletionLogic };
