import { apiEnum, registerApiEnum, type EnumValue } from '../../lib/api-enum';
import { EntryChangeAction } from '../../generated/prisma/enums';

// EntryChangeAction is a database enum spelled as the API spells it; the other two exist
// only in the API.

registerApiEnum(EntryChangeAction, 'EntryChangeAction', 'What happened to an entry in one history record.', {
  CREATED: 'The entry was first recorded.',
  UPDATED: "The entry's value or notes changed.",
  DELETED: 'The entry was soft-deleted.',
  RESTORED: 'The entry was restored (possibly with a new value by recordEntry).',
});

export const RecordEntryOutcome = apiEnum('RecordEntryOutcome', 'What recordEntry did for one (owner, deed item, date) slot.', {
  CREATED: 'A new entry was inserted.',
  UPDATED: "The existing entry's value or notes changed.",
  UNCHANGED: 'The existing entry already had these values; nothing was written.',
  RESTORED: 'A soft-deleted entry in the slot was restored with the given values.',
});
export type RecordEntryOutcome = EnumValue<typeof RecordEntryOutcome>;

export const EntryOrder = apiEnum('EntryOrder', 'Sort order for entry lists; ties are broken by id in the same direction.', {
  ENTRY_DATE_DESC: 'Newest entry date first.',
  ENTRY_DATE_ASC: 'Oldest entry date first.',
});
export type EntryOrder = EnumValue<typeof EntryOrder>;

export { EntryChangeAction };
