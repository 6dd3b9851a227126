import type { TestApp, TestUser } from '../../../test/helpers/test-app';

/** GraphQL documents and setup steps shared by the social integration tests. */

export const RELATION_FIELDS = `id status direction createdAt respondedAt updatedAt
  requester { id fullName } requestee { id fullName } permissions { id type version }`;

export const PERMISSION_FIELDS = `id type version isActive grantedAt revokedAt
  relation { id status } grantor { id } grantee { id } deedItem { id name }`;

export const SEND = `mutation ($email: String!) {
  sendConnectionRequest(input: { email: $email }) { relation { ${RELATION_FIELDS} } }
}`;

export const RESPOND = `mutation ($id: ID!, $decision: ConnectionRequestDecision!) {
  respondToConnectionRequest(input: { relationId: $id, decision: $decision }) { relation { ${RELATION_FIELDS} } }
}`;

export const BLOCK = `mutation ($userId: ID!) {
  blockUser(input: { userId: $userId }) {
    relation { ${RELATION_FIELDS} } removedRelationIds revokedPermissions { id isActive revokedAt }
  }
}`;

export const REMOVE = `mutation ($id: ID!) {
  removeConnection(input: { relationId: $id }) { removedRelationId revokedPermissions { id isActive revokedAt } }
}`;

export const RELATION = `query ($id: ID!) { relation(id: $id) { ${RELATION_FIELDS} } }`;

export const RELATIONS = `query ($filter: RelationFilter, $first: Int, $after: String) {
  relations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id status direction } }
  }
}`;

export const GRANT = `mutation ($relationId: ID!, $deedItemId: ID!, $type: PermissionType!) {
  grantPermission(input: { relationId: $relationId, deedItemId: $deedItemId, type: $type }) {
    permission { ${PERMISSION_FIELDS} }
    supersededPermission { ${PERMISSION_FIELDS} }
    relation { id permissions { id type version } }
  }
}`;

export const REVOKE = `mutation ($id: ID!) {
  revokePermission(input: { permissionId: $id }) {
    permission { ${PERMISSION_FIELDS} }
    relation { id permissions { id } }
  }
}`;

const PERMISSION_PAGE = `totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { ${PERMISSION_FIELDS} } }`;

export const GRANTED_BY_ME = `query ($filter: PermissionFilter, $first: Int, $after: String) {
  permissionsGrantedByMe(filter: $filter, first: $first, after: $after) { ${PERMISSION_PAGE} }
}`;

export const GRANTED_TO_ME = `query ($filter: PermissionFilter, $first: Int, $after: String) {
  permissionsGrantedToMe(filter: $filter, first: $first, after: $after) { ${PERMISSION_PAGE} }
}`;

/** Sends a request and returns the new relation's id (fails the test on any error). */
export async function sendRequest(app: TestApp, from: TestUser, to: TestUser): Promise<string> {
  const res = await app.gql(SEND, { email: to.email }, { token: from.token });
  if (res.errors) throw new Error(`sendConnectionRequest failed: ${JSON.stringify(res.errors)}`);
  return res.data!.sendConnectionRequest.relation.id;
}

/** requester → requestee, ACCEPTED; returns the relation id. */
export async function connect(app: TestApp, requester: TestUser, requestee: TestUser): Promise<string> {
  const id = await sendRequest(app, requester, requestee);
  const res = await app.gql(RESPOND, { id, decision: 'ACCEPT' }, { token: requestee.token });
  if (res.errors) throw new Error(`respondToConnectionRequest failed: ${JSON.stringify(res.errors)}`);
  return id;
}

export async function grant(app: TestApp, grantor: TestUser, relationId: string, deedItemId: string, type: 'READ' | 'WRITE') {
  const res = await app.gql(GRANT, { relationId, deedItemId, type }, { token: grantor.token });
  if (res.errors) throw new Error(`grantPermission failed: ${JSON.stringify(res.errors)}`);
  return res.data!.grantPermission;
}

/**
 * A COUNT deed of `owner` with a root item and one child, inserted directly: setup for the
 * grant tests, which are about relations and permissions, not about creating deeds.
 */
export async function createItems(app: TestApp, owner: TestUser): Promise<{ deedId: string; rootId: string; childId: string }> {
  const deed = await app.prisma.deed.create({
    data: { userId: owner.id, name: 'Prayer', category: 'HASANAAT', measureType: 'COUNT' },
  });
  const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Fajr', level: 1 } });
  const child = await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'Sunnah', level: 2 } });
  return { deedId: deed.id.toString(), rootId: root.id.toString(), childId: child.id.toString() };
}

/** Audit rows matching `where`, oldest first. */
export function auditRows(app: TestApp, where: { action?: string; entityId?: bigint; subjectUserId?: bigint }) {
  return app.prisma.auditLog.findMany({ where, orderBy: { id: 'asc' } });
}

/** Ids in the viewer's `relations` list, newest first (fails the test on any error). */
export async function visibleRelationIds(app: TestApp, user: TestUser, filter?: Record<string, unknown>): Promise<string[]> {
  const res = await app.gql(RELATIONS, { filter }, { token: user.token });
  if (res.errors) throw new Error(`relations failed: ${JSON.stringify(res.errors)}`);
  return res.data!.relations.edges.map((e: { node: { id: string } }) => e.node.id);
}
