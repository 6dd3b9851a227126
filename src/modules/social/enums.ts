import { registerEnumType } from 'type-graphql';
import { PermissionType, RelationStatus } from '../../generated/prisma/enums';

// The database enums are spelled as the API spells them, so Prisma's values are used as-is.

registerEnumType(RelationStatus, {
  name: 'RelationStatus',
  description: 'Lifecycle state of a unidirectional relation (requester -> requestee).',
  valuesConfig: {
    PENDING: { description: "Sent by the requester, awaiting the requestee's answer." },
    ACCEPTED: { description: 'Accepted by the requestee; the requestee may now grant permissions to the requester.' },
    REJECTED: { description: 'Rejected by the requestee.' },
    BLOCKED: { description: 'The requestee blocked the requester; only the blocker can see this relation.' },
  },
});

registerEnumType(PermissionType, {
  name: 'PermissionType',
  description: 'Kind of access granted on a deed item and its descendants.',
  valuesConfig: {
    READ: { description: "See the items, their scales and the owner's entries on them." },
    WRITE: { description: "READ plus record, update, delete and restore entries on the owner's behalf." },
  },
});

/** Which side of a relation the viewer is on (computed per viewer, not stored). */
export const RelationDirection = {
  INCOMING: 'INCOMING',
  OUTGOING: 'OUTGOING',
} as const;
export type RelationDirection = (typeof RelationDirection)[keyof typeof RelationDirection];

registerEnumType(RelationDirection, {
  name: 'RelationDirection',
  description: 'Direction of a relation as seen by the viewer.',
  valuesConfig: {
    INCOMING: { description: 'The viewer is the requestee.' },
    OUTGOING: { description: 'The viewer is the requester.' },
  },
});

export const ConnectionRequestDecision = {
  ACCEPT: 'ACCEPT',
  REJECT: 'REJECT',
} as const;
export type ConnectionRequestDecision = (typeof ConnectionRequestDecision)[keyof typeof ConnectionRequestDecision];

registerEnumType(ConnectionRequestDecision, {
  name: 'ConnectionRequestDecision',
  description: "The requestee's answer to a pending connection request.",
  valuesConfig: {
    ACCEPT: { description: 'Accept the request (status becomes ACCEPTED).' },
    REJECT: { description: 'Reject the request (status becomes REJECTED).' },
  },
});

export { PermissionType, RelationStatus };
