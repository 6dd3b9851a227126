import { registerEnumType } from 'type-graphql';
import { DeedCategory, MeasureType } from '../../generated/prisma/enums';
import type { AccessLevel as AuthorityAccessLevel } from '../access/authority';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerEnumType(DeedCategory, {
  name: 'DeedCategory',
  description: 'The category a deed belongs to.',
  valuesConfig: {
    HASANAAT: { description: 'Hasanaat: good deeds to increase.' },
    SAIYYIAAT: { description: 'Saiyyiaat: areas for improvement to reduce.' },
  },
});

registerEnumType(MeasureType, {
  name: 'MeasureType',
  description: 'How entries of a deed are measured; fixed when the deed is created.',
  valuesConfig: {
    SCALE: { description: "Each entry picks one value of the deed's scale." },
    COUNT: { description: 'Each entry records a non-negative decimal count.' },
  },
});

/** The authority's access levels, as a GraphQL enum (same spelling). */
export const AccessLevel = {
  OWNER: 'OWNER',
  WRITE: 'WRITE',
  READ: 'READ',
} as const satisfies Record<AuthorityAccessLevel, AuthorityAccessLevel>;
export type AccessLevel = AuthorityAccessLevel;

registerEnumType(AccessLevel, {
  name: 'AccessLevel',
  description: "The viewer's effective access to a deed item.",
  valuesConfig: {
    OWNER: { description: 'The viewer owns the item.' },
    WRITE: { description: 'The viewer holds an active WRITE grant covering the item.' },
    READ: { description: 'The viewer holds an active READ grant (and no WRITE grant) covering the item.' },
  },
});

export { DeedCategory, MeasureType };
