import { registerEnumType } from 'type-graphql';
import { EntryChangeAction } from '../../generated/prisma/enums';

// EntryChangeAction is a database enum spelled as the API spells it; the other two exist
// only in the API.

registerEnumType(EntryChangeAction, {
  name: 'EntryChangeAction',
  description: 'What happened to an entry in one history record.',
  valuesConfig: {
    CREATED: { description: 'The entry was first recorded.' },
    UPDATED: { description: "The entry's value or notes changed." },
    DELETED: { description: 'The entry was soft-deleted.' },
    RESTORED: { description: 'The entry was restored (possibly with a new value by recordEntry).' },
  },
});

export const RecordEntryOutcome = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  UNCHANGED: 'UNCHANGED',
  RESTORED: 'RESTORED',
} as const;
export type RecordEntryOutcome = (typeof RecordEntryOutcome)[keyof typeof RecordEntryOutcome];

registerEnumType(RecordEntryOutcome, {
  name: 'RecordEntryOutcome',
  description: 'What recordEntry did for one (owner, deed item, date) slot.',
  valuesConfig: {
    CREATED: { description: 'A new entry was inserted.' },
    UPDATED: { description: "The existing entry's value or notes changed." },
    UNCHANGED: { description: 'The existing entry already had these values; nothing was written.' },
    RESTORED: { description: 'A soft-deleted entry in the slot was restored with the given values.' },
  },
});

export const EntryOrder = {
  ENTRY_DATE_DESC: 'ENTRY_DATE_DESC',
  ENTRY_DATE_ASC: 'ENTRY_DATE_ASC',
} as const;
export type EntryOrder = (typeof EntryOrder)[keyof typeof EntryOrder];

registerEnumType(EntryOrder, {
  name: 'EntryOrder',
  description: 'Sort order for entry lists; ties are broken by id in the same direction.',
  valuesConfig: {
    ENTRY_DATE_DESC: { description: 'Newest entry date first.' },
    ENTRY_DATE_ASC: { description: 'Oldest entry date first.' },
  },
});

export { EntryChangeAction };
