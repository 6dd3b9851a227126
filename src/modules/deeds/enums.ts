import { apiEnum, registerApiEnum } from '../../lib/api-enum';
import { DeedCategory, MeasureType } from '../../generated/prisma/enums';
import type { AccessLevel as AuthorityAccessLevel } from '../access/authority';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerApiEnum(DeedCategory, 'DeedCategory', 'The category a deed belongs to.', {
  HASANAAT: 'Hasanaat: good deeds to increase.',
  SAIYYIAAT: 'Saiyyiaat: areas for improvement to reduce.',
});

registerApiEnum(MeasureType, 'MeasureType', 'How entries of a deed are measured; fixed when the deed is created.', {
  SCALE: "Each entry picks one value of the deed's scale.",
  COUNT: 'Each entry records a non-negative decimal count.',
});

/** The authority's access levels, as a GraphQL enum (same spelling). */
export const AccessLevel = apiEnum('AccessLevel', "The viewer's effective access to a deed item.", {
  OWNER: 'The viewer owns the item.',
  WRITE: 'The viewer holds an active WRITE grant covering the item.',
  READ: 'The viewer holds an active READ grant (and no WRITE grant) covering the item.',
} satisfies Record<AuthorityAccessLevel, string>);
export type AccessLevel = AuthorityAccessLevel;

export { DeedCategory, MeasureType };
