import {
  BAD_USER_INPUT,
  CONFLICT,
  FORBIDDEN,
  lookup,
  MISSING_ID,
  mutation,
  NOT_FOUND,
  ok,
  UNAUTHENTICATED,
  type Expected,
  type Operation,
} from './operations';
import { NAMES, resetRelation, type Actor, type Party, type World } from './world';

/**
 * Users, relations and permissions × every actor (CONTRACT.md section 3). Each party sees
 * its own relation with Owner (the blocked user does not: for them it does not exist), a
 * third party sees none of it; grants are Owner's to make and revoke. Rows that change the
 * social graph end with `resetRelation`, which builds the actor's fixture relation again.
 */

const STATUS: Record<Party, string> = { reader: 'ACCEPTED', writer: 'ACCEPTED', pending: 'PENDING', rejected: 'REJECTED', blocked: 'BLOCKED' };
const GRANTED: Partial<Record<Party, 'READ' | 'WRITE'>> = { reader: 'READ', writer: 'WRITE' };

/** Owner's relation with `party`: `owner` and `party` get what is given, every other signed-in actor NOT_FOUND. */
function betweenOwnerAnd(party: Party, expected: { owner: Expected; party: Expected }): Record<Actor, Expected> {
  return {
    reader: NOT_FOUND,
    writer: NOT_FOUND,
    pending: NOT_FOUND,
    rejected: NOT_FOUND,
    blocked: NOT_FOUND,
    stranger: NOT_FOUND,
    [party]: expected.party,
    owner: expected.owner,
    anonymous: UNAUTHENTICATED,
  };
}

/** The same data for every signed-in actor. */
const everyone = (data: unknown): Record<Actor, Expected> => ({
  owner: ok(data),
  reader: ok(data),
  writer: ok(data),
  pending: ok(data),
  rejected: ok(data),
  blocked: ok(data),
  stranger: ok(data),
  anonymous: UNAUTHENTICATED,
});

const relationAs = (party: Party, direction: 'INCOMING' | 'OUTGOING') => ({
  status: STATUS[party],
  direction,
  requester: { fullName: NAMES[party] },
  requestee: { fullName: 'Owner' },
  permissions: GRANTED[party] ? [{ type: GRANTED[party], deedItem: { name: 'A' } }] : [],
});

const relationLookup = (party: Party): Operation => ({
  name: `relation(${party} → Owner)`,
  ...lookup(
    'relation',
    'status direction requester { fullName } requestee { fullName } permissions { type deedItem { name } }',
    (w) => w.relations[party],
  ),
  expect: betweenOwnerAnd(party, {
    owner: ok(relationAs(party, 'INCOMING')),
    party: party === 'blocked' ? NOT_FOUND : ok(relationAs(party, 'OUTGOING')),
  }),
});

/** A relations page, newest first, as [status, direction, requester]. */
const listed = (...nodes: Array<[string, string, string]>) => ({
  totalCount: nodes.length,
  edges: nodes.map(([status, direction, requester]) => ({ node: { status, direction, requester: { fullName: requester } } })),
});

const PERMISSION_PAGE = 'totalCount edges { node { type version isActive grantor { fullName } grantee { fullName } deedItem { name } } }';

/** A permissions page, newest first, as [type, version, isActive, grantee]; every grant here is Owner's on A. */
const permissions = (...list: Array<[string, number, boolean, string]>) => ({
  totalCount: list.length,
  edges: list.map(([type, version, isActive, grantee]) => ({
    node: { type, version, isActive, grantor: { fullName: 'Owner' }, grantee: { fullName: grantee }, deedItem: { name: 'A' } },
  })),
});
const EMPTY = { totalCount: 0, edges: [] };

const list = (query: string): Pick<Operation, 'document' | 'variables'> => ({ document: `query { result: ${query} }`, variables: () => ({}) });

export const socialReads: Operation[] = [
  {
    name: 'user(Owner)',
    ...lookup('user', 'fullName', (w) => w.users.owner.gid),
    // A live relation in either direction shows the profile whatever its status (REJECTED
    // included: the relation is still there), unless Owner blocked the viewer.
    expect: { ...everyone({ fullName: 'Owner' }), blocked: NOT_FOUND, stranger: NOT_FOUND },
  },
  relationLookup('reader'),
  relationLookup('writer'),
  relationLookup('pending'),
  relationLookup('rejected'),
  relationLookup('blocked'),
  {
    name: 'relations',
    ...list('relations { totalCount edges { node { status direction requester { fullName } } } }'),
    expect: {
      owner: ok(
        listed(
          ['BLOCKED', 'INCOMING', 'Blocked'],
          ['REJECTED', 'INCOMING', 'Rejected'],
          ['PENDING', 'INCOMING', 'Pending'],
          ['ACCEPTED', 'INCOMING', 'Writer'],
          ['ACCEPTED', 'INCOMING', 'Reader'],
        ),
      ),
      reader: ok(listed(['ACCEPTED', 'OUTGOING', 'Reader'])),
      writer: ok(listed(['ACCEPTED', 'OUTGOING', 'Writer'])),
      pending: ok(listed(['PENDING', 'OUTGOING', 'Pending'])),
      rejected: ok(listed(['REJECTED', 'OUTGOING', 'Rejected'])),
      blocked: ok(EMPTY),
      stranger: ok(EMPTY),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: 'permissionsGrantedByMe',
    ...list(`permissionsGrantedByMe { ${PERMISSION_PAGE} }`),
    expect: { ...everyone(EMPTY), owner: ok(permissions(['WRITE', 1, true, 'Writer'], ['READ', 1, true, 'Reader'])) },
  },
  {
    name: 'permissionsGrantedByMe(includeInactive)',
    ...list(`permissionsGrantedByMe(filter: { includeInactive: true }) { ${PERMISSION_PAGE} }`),
    expect: {
      ...everyone(EMPTY),
      owner: ok(permissions(['READ', 1, false, 'Blocked'], ['WRITE', 1, true, 'Writer'], ['READ', 1, true, 'Reader'])),
    },
  },
  {
    name: 'permissionsGrantedToMe (includeInactive ignored)',
    ...list(`permissionsGrantedToMe(filter: { includeInactive: true }) { ${PERMISSION_PAGE} }`),
    expect: {
      ...everyone(EMPTY),
      reader: ok(permissions(['READ', 1, true, 'Reader'])),
      writer: ok(permissions(['WRITE', 1, true, 'Writer'])),
    },
  },
];

const reset = (party: Party) => (w: World) => resetRelation(w, party);

/** grantPermission on A through Owner's relation with `party`, with the type it already has (or READ). */
const grantThrough = (party: Party): Operation => ({
  name: `grantPermission(through ${party} → Owner)`,
  ...mutation(
    'grantPermission',
    'permission { type version isActive } supersededPermission { id }',
    (w) => ({ relationId: w.relations[party], deedItemId: w.items.a, type: GRANTED[party] ?? 'READ' }),
    (w) => ({ relationId: MISSING_ID, deedItemId: w.items.a, type: 'READ' }),
  ),
  expect: betweenOwnerAnd(party, {
    // Granting the active type again returns it unchanged; a relation not ACCEPTED: CONFLICT.
    owner: GRANTED[party] ? ok({ permission: { type: GRANTED[party], version: 1, isActive: true }, supersededPermission: null }) : CONFLICT,
    // The requester trying to grant: FORBIDDEN, whatever the status; the blocked user cannot see the relation.
    party: party === 'blocked' ? NOT_FOUND : FORBIDDEN,
  }),
});

/** Only the requestee answers (the requester: FORBIDDEN), and only a PENDING request (otherwise CONFLICT). */
const respondTo = (party: Party): Operation => ({
  name: `respondToConnectionRequest(${party} → Owner)`,
  ...mutation(
    'respondToConnectionRequest',
    'relation { status requester { fullName } }',
    (w) => ({ relationId: w.relations[party], decision: 'ACCEPT' }),
    () => ({ relationId: MISSING_ID, decision: 'ACCEPT' }),
  ),
  undo: reset(party),
  expect: betweenOwnerAnd(party, {
    owner: party === 'pending' ? ok({ relation: { status: 'ACCEPTED', requester: { fullName: 'Pending' } } }) : CONFLICT,
    party: party === 'blocked' ? NOT_FOUND : FORBIDDEN,
  }),
});

/** Either party removes the relation (Owner's removal of the BLOCKED one unblocks); a third party: NOT_FOUND. */
const removeConnection = (party: Party): Operation => {
  const removed = ok((w: World) => ({
    removedRelationId: w.relations[party],
    revokedPermissions: GRANTED[party] ? [{ type: GRANTED[party], isActive: false }] : [],
  }));
  return {
    name: `removeConnection(${party} → Owner)`,
    ...mutation(
      'removeConnection',
      'removedRelationId revokedPermissions { type isActive }',
      (w) => ({ relationId: w.relations[party] }),
      () => ({ relationId: MISSING_ID }),
    ),
    undo: reset(party),
    expect: betweenOwnerAnd(party, { owner: removed, party: party === 'blocked' ? NOT_FOUND : removed }),
  };
};

/** A party blocking Owner: their outgoing relation ends with its grants, and Owner's side becomes BLOCKED. */
const blocksOwner = (party: Party) =>
  ok((w: World) => ({
    relation: { status: 'BLOCKED', requester: { fullName: 'Owner' }, requestee: { fullName: NAMES[party] } },
    removedRelationIds: [w.relations[party]],
    revokedPermissions: GRANTED[party] ? [{ type: GRANTED[party] }] : [],
  }));

export const socialWrites: Operation[] = [
  grantThrough('reader'),
  grantThrough('writer'),
  grantThrough('pending'),
  grantThrough('rejected'),
  grantThrough('blocked'),
  {
    name: "revokePermission(Reader's grant)",
    ...mutation(
      'revokePermission',
      'permission { type isActive revokedAt } relation { status }',
      (w) => ({ permissionId: w.permissions.reader }),
      () => ({ permissionId: MISSING_ID }),
    ),
    undo: reset('reader'),
    expect: betweenOwnerAnd('reader', {
      owner: ok({ permission: { type: 'READ', isActive: false, revokedAt: expect.any(String) }, relation: { status: 'ACCEPTED' } }),
      // The grantee sees this grant (permissionsGrantedToMe, Relation.permissions) but may not end it.
      party: FORBIDDEN,
    }),
  },
  {
    name: "revokePermission(Blocked's grant, revoked by the block)",
    ...mutation('revokePermission', 'permission { isActive }', (w) => ({ permissionId: w.permissions.blockedRevoked }), () => ({
      permissionId: MISSING_ID,
    })),
    expect: betweenOwnerAnd('blocked', { owner: CONFLICT, party: NOT_FOUND }),
  },
  respondTo('pending'),
  respondTo('reader'),
  respondTo('rejected'),
  respondTo('blocked'),
  removeConnection('reader'),
  removeConnection('pending'),
  removeConnection('rejected'),
  removeConnection('blocked'),
  {
    name: 'sendConnectionRequest(to Owner)',
    ...mutation(
      'sendConnectionRequest',
      'relation { status requester { fullName } requestee { fullName } }',
      (w) => ({ email: w.users.owner.email }),
      () => ({ email: 'nobody@example.test' }),
    ),
    undo: (w) => resetRelation(w, 'stranger'),
    expect: {
      owner: BAD_USER_INPUT,
      reader: CONFLICT,
      writer: CONFLICT,
      pending: CONFLICT,
      // Rejected less than 7 days ago.
      rejected: CONFLICT,
      // Owner blocked them: answered exactly like an unknown email.
      blocked: NOT_FOUND,
      stranger: ok({ relation: { status: 'PENDING', requester: { fullName: 'Stranger' }, requestee: { fullName: 'Owner' } } }),
      anonymous: UNAUTHENTICATED,
    },
  },
  {
    name: 'blockUser(Owner)',
    ...mutation(
      'blockUser',
      'relation { status requester { fullName } requestee { fullName } } removedRelationIds revokedPermissions { type }',
      (w) => ({ userId: w.users.owner.gid }),
      () => ({ userId: MISSING_ID }),
    ),
    undo: (w, actor) => resetRelation(w, actor as Party),
    expect: {
      owner: BAD_USER_INPUT,
      reader: blocksOwner('reader'),
      writer: blocksOwner('writer'),
      pending: blocksOwner('pending'),
      rejected: blocksOwner('rejected'),
      // Owner blocked them, so Owner does not exist for them; a stranger cannot see Owner.
      blocked: NOT_FOUND,
      stranger: NOT_FOUND,
      anonymous: UNAUTHENTICATED,
    },
  },
];
