import { apiEnum, registerApiEnum, type EnumValue } from '../../lib/api-enum';
import { CompletionLogic } from '../../generated/prisma/enums';

// CompletionLogic is a database enum spelled as the API spells it; GoalStatus is derived
// (goal-state.ts) and exists only in the API.

registerApiEnum(CompletionLogic, 'CompletionLogic', 'How item completion combines into merit or target completion.', {
  ALL: 'AND: complete when every item is complete.',
  ANY: 'OR: complete when at least one item is complete.',
});

export const GoalStatus = apiEnum('GoalStatus', 'Derived state of a merit or target.', {
  NOT_STARTED: "Active, and today (owner's timezone) is before the start date.",
  IN_PROGRESS: 'Active, within its window (or open-ended) and not yet completed.',
  COMPLETED: 'completedAt is set.',
  EXPIRED: 'Active, not completed, and the window ended before today.',
  PAUSED: 'Not completed and isActive is false.',
});
export type GoalStatus = EnumValue<typeof GoalStatus>;

export { CompletionLogic };
