import { apiEnum, registerApiEnum, type EnumValue } from '../../lib/api-enum';
import { PermissionType, RelationStatus } from '../../generated/prisma/enums';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerApiEnum(RelationStatus, 'RelationStatus', 'Lifecycle state of a unidirectional relation (requester -> requestee).', {
  PENDING: "Sent by the requester, awaiting the requestee's answer.",
  ACCEPTED: 'Accepted by the requestee; the requestee may now grant permissions to the requester.',
  REJECTED: 'Rejected by the requestee.',
  BLOCKED: 'The requestee blocked the requester; only the blocker can see this relation.',
});

registerApiEnum(PermissionType, 'PermissionType', 'Kind of access granted on a deed item and its descendants.', {
  READ: "See the items, their scales and the owner's entries on them.",
  WRITE: "READ plus record, update, delete and restore entries on the owner's behalf.",
});

/** Which side of a relation the viewer is on (computed per viewer, not stored). */
export const RelationDirection = apiEnum('RelationDirection', 'Direction of a relation as seen by the viewer.', {
  INCOMING: 'The viewer is the requestee.',
  OUTGOING: 'The viewer is the requester.',
});
export type RelationDirection = EnumValue<typeof RelationDirection>;

export const ConnectionRequestDecision = apiEnum('ConnectionRequestDecision', "The requestee's answer to a pending connection request.", {
  ACCEPT: 'Accept the request (status becomes ACCEPTED).',
  REJECT: 'Reject the request (status becomes REJECTED).',
});
export type ConnectionRequestDecision = EnumValue<typeof ConnectionRequestDecision>;

export { PermissionType, RelationStatus };
