import { startTestApp, type TestApp, type TestUser } from '../helpers/test-app';

/**
 * The world every permission-matrix file starts from, built through the API as a client
 * would build it (deeds, items, scales, entries, requests, answers, grants, a block):
 *
 *   Owner
 *     Salah (SCALE, active scale v1: Missed / Late / On time)
 *       Root
 *         A        ← READ to Reader, WRITE to Writer (Blocked had READ until the block)
 *           A1
 *           D      (deleted)
 *         B        (granted to no one)
 *     Quran (COUNT)
 *       Pages
 *     Old (COUNT, deleted)
 *
 *   Entries (all with history): A1 2025-03-01, A 2025-03-02 (first recorded by Writer),
 *   B 2025-03-03, D 2025-03-04 (recorded before D was deleted), Pages 2025-03-05.
 *
 *   Relations to Owner: Reader and Writer ACCEPTED with their grant, Pending PENDING,
 *   Rejected REJECTED, Blocked BLOCKED (accepted, granted, then blocked by Owner, which
 *   revoked the grant). Stranger has no relation; anonymous has no token.
 *
 * Ids are strings as the API renders them. Rows that change the world put it back (see
 * `resetRelation`), so the relation and permission ids here are updated in place.
 */

export const ACTORS = ['anonymous', 'stranger', 'blocked', 'rejected', 'pending', 'reader', 'writer', 'owner'] as const;
export type Actor = (typeof ACTORS)[number];
export type Party = Exclude<Actor, 'owner' | 'anonymous' | 'stranger'>;

export const NAMES: Record<Exclude<Actor, 'anonymous'>, string> = {
  owner: 'Owner',
  reader: 'Reader',
  writer: 'Writer',
  pending: 'Pending',
  rejected: 'Rejected',
  blocked: 'Blocked',
  stranger: 'Stranger',
};

export interface World {
  app: TestApp;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  deeds: { salah: string; quran: string; old: string };
  items: { root: string; a: string; a1: string; b: string; d: string; pages: string };
  scale: { v1: string; values: { missed: string; late: string; onTime: string } };
  entries: { a1: string; a: string; b: string; d: string; pages: string };
  /** The owner's live relation with each party (requester = the party, requestee = Owner). */
  relations: Record<Party, string>;
  /** Active grants on A, and the grant on A that Owner's block revoked. */
  permissions: { reader: string; writer: string; blockedRevoked: string };
}

/** Runs a GraphQL operation that must succeed (setup and undo steps, not assertions). */
export async function must(app: TestApp, user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await app.gql(query, variables, { token: user.token });
  if (res.errors) throw new Error(`setup step failed: ${JSON.stringify(res.errors)}\n${query}`);
  return res.data;
}

const CREATE_DEED = `mutation ($input: CreateDeedInput!) {
  createDeed(input: $input) { deed { id activeScale { id values { id label } } } }
}`;
const CREATE_ITEM = `mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) { deedItem { id } } }`;
const RECORD = `mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { entry { id } } }`;
const UPDATE_ENTRY = `mutation ($input: UpdateEntryInput!) { updateEntry(input: $input) { entry { id } } }`;
const SEND = `mutation ($email: String!) { sendConnectionRequest(input: { email: $email }) { relation { id } } }`;
const RESPOND = `mutation ($id: ID!, $decision: ConnectionRequestDecision!) {
  respondToConnectionRequest(input: { relationId: $id, decision: $decision }) { relation { id } }
}`;
const GRANT = `mutation ($relationId: ID!, $deedItemId: ID!, $type: PermissionType!) {
  grantPermission(input: { relationId: $relationId, deedItemId: $deedItemId, type: $type }) { permission { id } }
}`;
const BLOCK = `mutation ($userId: ID!) { blockUser(input: { userId: $userId }) { relation { id } } }`;

async function createItem(w: Pick<World, 'app' | 'users'>, deedId: string, name: string, parentId?: string): Promise<string> {
  const data = await must(w.app, w.users.owner, CREATE_ITEM, { input: { deedId, name, parentId } });
  return data.createDeedItem.deedItem.id;
}

async function record(app: TestApp, user: TestUser, input: Record<string, unknown>): Promise<string> {
  return (await must(app, user, RECORD, { input })).recordEntry.entry.id;
}

/** Builds the world on a fresh server. */
export async function buildWorld(): Promise<World> {
  const app = await startTestApp();
  const users = {} as World['users'];
  for (const actor of ACTORS) if (actor !== 'anonymous') users[actor] = await app.createUser({ fullName: NAMES[actor] });
  const owner = users.owner;
  const w = { app, users } as World;

  const salah = (
    await must(app, owner, CREATE_DEED, {
      input: {
        name: 'Salah',
        category: 'HASANAAT',
        measureType: 'SCALE',
        initialScaleValues: [{ label: 'Missed' }, { label: 'Late' }, { label: 'On time' }],
      },
    })
  ).createDeed.deed;
  const [missed, late, onTime] = salah.activeScale.values.map((v: { id: string }) => v.id);
  w.scale = { v1: salah.activeScale.id, values: { missed, late, onTime } };
  const quran = (await must(app, owner, CREATE_DEED, { input: { name: 'Quran', category: 'HASANAAT', measureType: 'COUNT' } })).createDeed
    .deed.id;
  const old = (await must(app, owner, CREATE_DEED, { input: { name: 'Old', category: 'SAIYYIAAT', measureType: 'COUNT' } })).createDeed
    .deed.id;
  w.deeds = { salah: salah.id, quran, old };

  const root = await createItem(w, salah.id, 'Root');
  const a = await createItem(w, salah.id, 'A', root);
  const a1 = await createItem(w, salah.id, 'A1', a);
  const d = await createItem(w, salah.id, 'D', a);
  const b = await createItem(w, salah.id, 'B', root);
  const pages = await createItem(w, quran, 'Pages');
  w.items = { root, a, a1, b, d, pages };

  // Grants first: Writer records the entry on A through the API.
  w.relations = {} as World['relations'];
  w.permissions = {} as World['permissions'];
  for (const party of ['reader', 'writer', 'pending', 'rejected', 'blocked'] as const) await connectParty(w, party);

  const entryA1 = await record(app, owner, { deedItemId: a1, entryDate: '2025-03-01', scaleValueId: late });
  await must(app, owner, UPDATE_ENTRY, { input: { id: entryA1, scaleValueId: onTime } });
  const entryA = await record(app, users.writer, { deedItemId: a, entryDate: '2025-03-02', scaleValueId: missed });
  await must(app, owner, UPDATE_ENTRY, { input: { id: entryA, notes: 'checked' } });
  const entryB = await record(app, owner, { deedItemId: b, entryDate: '2025-03-03', scaleValueId: late });
  await must(app, owner, UPDATE_ENTRY, { input: { id: entryB, notes: 'late again' } });
  const entryD = await record(app, owner, { deedItemId: d, entryDate: '2025-03-04', scaleValueId: onTime });
  const entryPages = await record(app, owner, { deedItemId: pages, entryDate: '2025-03-05', count: '2' });
  w.entries = { a1: entryA1, a: entryA, b: entryB, d: entryD, pages: entryPages };

  await must(app, owner, `mutation ($id: ID!) { deleteDeedItem(input: { id: $id }) { deedItem { id } } }`, { id: d });
  await must(app, owner, `mutation ($id: ID!) { deleteDeed(input: { id: $id }) { deed { id } } }`, { id: old });
  return w;
}

/**
 * Gives `party` its relation to Owner, through the same mutations a client would send:
 * request, answer, grant, block.
 */
async function connectParty(w: World, party: Party): Promise<void> {
  const { app, users } = w;
  const owner = users.owner;
  const relationId = (await must(app, users[party], SEND, { email: owner.email })).sendConnectionRequest.relation.id;
  w.relations[party] = relationId;
  if (party === 'pending') return;
  const decision = party === 'rejected' ? 'REJECT' : 'ACCEPT';
  await must(app, owner, RESPOND, { id: relationId, decision });
  if (party === 'rejected') return;
  const type = party === 'writer' ? 'WRITE' : 'READ';
  const permissionId = (await must(app, owner, GRANT, { relationId, deedItemId: w.items.a, type })).grantPermission.permission.id;
  if (party === 'blocked') {
    w.permissions.blockedRevoked = permissionId;
    w.relations.blocked = (await must(app, owner, BLOCK, { userId: users.blocked.gid })).blockUser.relation.id;
  } else {
    w.permissions[party] = permissionId;
  }
}

/**
 * Undo for rows that changed the social graph: every live relation between `actor` and
 * Owner (either direction) ends, then the actor's fixture relation is built again through
 * the API. The new ids replace the old ones in the world.
 */
export async function resetRelation(w: World, actor: Exclude<Actor, 'owner' | 'anonymous'>): Promise<void> {
  const a = w.users[actor].id;
  const o = w.users.owner.id;
  const pair = { deletedAt: null, OR: [{ requesterId: a, requesteeId: o }, { requesterId: o, requesteeId: a }] };
  const now = new Date();
  await w.app.prisma.permission.updateMany({ where: { isActive: true, relation: pair }, data: { isActive: false, revokedAt: now } });
  await w.app.prisma.relation.updateMany({ where: pair, data: { deletedAt: now } });
  if (actor !== 'stranger') await connectParty(w, actor);
}

/** Owner-only helper for undo steps of structure mutations. */
export function asOwner(w: World, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return must(w.app, w.users.owner, query, variables);
}
