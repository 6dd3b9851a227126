import {
  BAD_USER_INPUT,
  BESIDE_THE_GRANT,
  grantees,
  lookup,
  MISSING_ID,
  mutation,
  names,
  ok,
  OUTSIDERS,
  ownerAndGrantees,
  ownerChanges,
  ownerOnly,
  UNAUTHENTICATED,
  type Operation,
} from './operations';
import { asOwner, type World } from './world';

/**
 * Deeds, deed items and scales × every actor (CONTRACT.md sections 3–5): a grantee of A
 * sees the deed, its scales and the subtree A → A1, and nothing beside it (not Root, B, the
 * deleted D, nor the other deeds); any change of structure by a grantee is FORBIDDEN; for
 * everyone without a grant it is all NOT_FOUND.
 */

const item = (name: string, level: number) => ({
  owner: ok({ name, level, myAccess: 'OWNER' }),
  reader: ok({ name, level, myAccess: 'READ' }),
  writer: ok({ name, level, myAccess: 'WRITE' }),
  ...OUTSIDERS,
});

const SCALE_V1 = {
  version: 1,
  isActive: true,
  values: [{ label: 'Missed', order: 1 }, { label: 'Late', order: 2 }, { label: 'On time', order: 3 }],
};

export const deedLookups: Operation[] = [
  {
    name: 'deed(Salah)',
    ...lookup('deed', 'name measureType owner { fullName }', (w) => w.deeds.salah),
    expect: grantees({ name: 'Salah', measureType: 'SCALE', owner: { fullName: 'Owner' } }),
  },
  { name: 'deed(Quran), nothing granted', ...lookup('deed', 'name', (w) => w.deeds.quran), expect: ownerOnly({ name: 'Quran' }) },
  {
    name: 'deed(Old), deleted',
    ...lookup('deed', 'name deletedAt', (w) => w.deeds.old),
    expect: ownerOnly({ name: 'Old', deletedAt: expect.any(String) }),
  },
  {
    name: 'deedItem(Root)',
    ...lookup('deedItem', 'name level myAccess', (w) => w.items.root),
    expect: ownerOnly({ name: 'Root', level: 1, myAccess: 'OWNER' }),
  },
  { name: 'deedItem(A)', ...lookup('deedItem', 'name level myAccess', (w) => w.items.a), expect: item('A', 2) },
  { name: 'deedItem(A1)', ...lookup('deedItem', 'name level myAccess', (w) => w.items.a1), expect: item('A1', 3) },
  {
    name: 'deedItem(B)',
    ...lookup('deedItem', 'name level myAccess', (w) => w.items.b),
    expect: ownerOnly({ name: 'B', level: 2, myAccess: 'OWNER' }),
  },
  {
    name: 'deedItem(D), deleted under A',
    ...lookup('deedItem', 'name deletedAt', (w) => w.items.d),
    expect: ownerOnly({ name: 'D', deletedAt: expect.any(String) }),
  },
  {
    name: 'scales(Salah)',
    ...lookup('scales', 'version isActive values { label order }', (w) => w.deeds.salah, 'deedId'),
    expect: grantees([SCALE_V1]),
  },
  { name: 'scales(Quran)', ...lookup('scales', 'version', (w) => w.deeds.quran, 'deedId'), expect: ownerOnly([]) },
];

/** `deeds` of Owner: the contract gives this list no error case (unlike `entries`). */
const deedList = (owner: unknown, grantee: unknown) => ({
  owner: ok(owner),
  reader: ok(grantee),
  writer: ok(grantee),
  // Nothing readable: an empty list, exactly as for an owner id that does not exist.
  pending: ok([]),
  rejected: ok([]),
  blocked: ok([]),
  stranger: ok([]),
  anonymous: UNAUTHENTICATED,
});

const deeds = (filter: string, owner: (w: World) => string): Pick<Operation, 'document' | 'variables'> => ({
  document: `query ($owner: ID!) { result: deeds(filter: { ownerId: $owner ${filter} }) { name } }`,
  variables: (w) => ({ owner: owner(w) }),
});

export const deedLists: Operation[] = [
  {
    name: 'deeds(filter: { ownerId: Owner })',
    ...deeds('', (w) => w.users.owner.gid),
    expect: deedList(names('Salah', 'Quran'), names('Salah')),
  },
  {
    name: 'deeds(filter: { ownerId: Owner, includeDeleted })',
    ...deeds('includeDeleted: true', (w) => w.users.owner.gid),
    expect: deedList(names('Salah', 'Quran', 'Old'), names('Salah')),
  },
  { name: 'deeds(filter: { ownerId: missing user })', ...deeds('', () => MISSING_ID), expect: deedList([], []) },
  {
    name: 'Deed.items',
    ...lookup('deed', 'items { name }', (w) => w.deeds.salah),
    expect: ownerAndGrantees({ items: names('Root', 'A', 'A1', 'B') }, { items: names('A', 'A1') }),
  },
  {
    name: 'Deed.items(includeDeleted)',
    ...lookup('deed', 'items(includeDeleted: true) { name }', (w) => w.deeds.salah),
    expect: ownerAndGrantees({ items: names('Root', 'A', 'A1', 'D', 'B') }, { items: names('A', 'A1') }),
  },
  {
    name: 'Deed.rootItems',
    ...lookup('deed', 'rootItems { name parent { name } }', (w) => w.deeds.salah),
    expect: ownerAndGrantees({ rootItems: [{ name: 'Root', parent: null }] }, { rootItems: [{ name: 'A', parent: null }] }),
  },
  {
    name: 'Deed.activeScale and scales',
    ...lookup('deed', 'activeScale { version } scales { version }', (w) => w.deeds.salah),
    expect: grantees({ activeScale: { version: 1 }, scales: [{ version: 1 }] }),
  },
  {
    name: 'DeedItem.parent of A (null above the granted root)',
    ...lookup('deedItem', 'parent { name }', (w) => w.items.a),
    expect: ownerAndGrantees({ parent: { name: 'Root' } }, { parent: null }),
  },
  { name: 'DeedItem.parent of A1', ...lookup('deedItem', 'parent { name }', (w) => w.items.a1), expect: grantees({ parent: { name: 'A' } }) },
  {
    name: 'DeedItem.ancestors of A1 (cut at the granted root)',
    ...lookup('deedItem', 'ancestors { name level }', (w) => w.items.a1),
    expect: ownerAndGrantees(
      { ancestors: [{ name: 'Root', level: 1 }, { name: 'A', level: 2 }] },
      { ancestors: [{ name: 'A', level: 2 }] },
    ),
  },
  {
    name: 'DeedItem.children of A',
    ...lookup('deedItem', 'children { name } hasChildren', (w) => w.items.a),
    expect: grantees({ children: names('A1'), hasChildren: true }),
  },
  {
    name: 'DeedItem.children(includeDeleted) of A',
    ...lookup('deedItem', 'children(includeDeleted: true) { name }', (w) => w.items.a),
    expect: ownerAndGrantees({ children: names('A1', 'D') }, { children: names('A1') }),
  },
  {
    name: 'DeedItem.children of Root',
    ...lookup('deedItem', 'children { name }', (w) => w.items.root),
    expect: ownerOnly({ children: names('A', 'B') }),
  },
  {
    name: 'DeedItem.descendants of A',
    ...lookup('deedItem', 'descendants { name }', (w) => w.items.a),
    expect: grantees({ descendants: names('A1') }),
  },
  { name: 'DeedItem.deed of A1', ...lookup('deedItem', 'deed { name }', (w) => w.items.a1), expect: grantees({ deed: { name: 'Salah' } }) },
];

const RESTORE_DEED = `mutation ($id: ID!) { restoreDeed(input: { id: $id }) { deed { id } } }`;
const DELETE_DEED = `mutation ($id: ID!) { deleteDeed(input: { id: $id }) { deed { id } } }`;
const DELETE_ITEM = `mutation ($id: ID!) { deleteDeedItem(input: { id: $id }) { deedItem { id } } }`;
const RESTORE_ITEM = `mutation ($id: ID!) { restoreDeedItem(input: { id: $id }) { deedItem { id } } }`;
const MOVE_ITEM = `mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) { deedItem { id } } }`;
const TWO_VALUES = [{ label: 'No' }, { label: 'Yes' }];

export const deedChanges: Operation[] = [
  {
    name: 'updateDeed(Salah)',
    ...mutation('updateDeed', 'deed { name }', (w) => ({ id: w.deeds.salah, name: 'Salah' }), () => ({ id: MISSING_ID, name: 'Salah' })),
    expect: ownerChanges({ deed: { name: 'Salah' } }),
  },
  {
    name: 'updateDeed(Quran)',
    ...mutation('updateDeed', 'deed { name }', (w) => ({ id: w.deeds.quran, name: 'Quran' }), () => ({ id: MISSING_ID, name: 'Quran' })),
    expect: ownerOnly({ deed: { name: 'Quran' } }),
  },
  {
    name: 'deleteDeed(Salah)',
    ...mutation('deleteDeed', 'deed { name deletedAt }', (w) => ({ id: w.deeds.salah }), () => ({ id: MISSING_ID })),
    undo: (w) => asOwner(w, RESTORE_DEED, { id: w.deeds.salah }),
    expect: ownerChanges({ deed: { name: 'Salah', deletedAt: expect.any(String) } }),
  },
  {
    name: 'restoreDeed(Salah), live: no-op',
    ...mutation('restoreDeed', 'deed { name deletedAt }', (w) => ({ id: w.deeds.salah }), () => ({ id: MISSING_ID })),
    expect: ownerChanges({ deed: { name: 'Salah', deletedAt: null } }),
  },
  {
    name: 'restoreDeed(Old)',
    ...mutation('restoreDeed', 'deed { name deletedAt }', (w) => ({ id: w.deeds.old }), () => ({ id: MISSING_ID })),
    undo: (w) => asOwner(w, DELETE_DEED, { id: w.deeds.old }),
    expect: ownerOnly({ deed: { name: 'Old', deletedAt: null } }),
  },
  {
    name: 'createDeedItem(under A)',
    ...mutation(
      'createDeedItem',
      'deedItem { name level } parent { name }',
      (w) => ({ deedId: w.deeds.salah, parentId: w.items.a, name: 'New' }),
      (w) => ({ deedId: MISSING_ID, parentId: w.items.a, name: 'New' }),
    ),
    undo: async (w) => {
      await w.app.prisma.deedItem.deleteMany({ where: { name: 'New' } });
    },
    expect: ownerChanges({ deedItem: { name: 'New', level: 3 }, parent: { name: 'A' } }),
  },
  {
    name: 'updateDeedItem(A), rename',
    ...mutation('updateDeedItem', 'deedItem { name }', (w) => ({ id: w.items.a, name: ' A ' }), () => ({ id: MISSING_ID, name: 'A' })),
    expect: ownerChanges({ deedItem: { name: 'A' } }),
  },
  {
    name: 'updateDeedItem(A1), rename',
    ...mutation('updateDeedItem', 'deedItem { name }', (w) => ({ id: w.items.a1, name: 'A1' }), () => ({ id: MISSING_ID, name: 'A1' })),
    expect: ownerChanges({ deedItem: { name: 'A1' } }),
  },
  {
    name: 'updateDeedItem(B), rename',
    ...mutation('updateDeedItem', 'deedItem { name }', (w) => ({ id: w.items.b, name: 'B' }), () => ({ id: MISSING_ID, name: 'B' })),
    expect: ownerOnly({ deedItem: { name: 'B' } }),
  },
  {
    name: 'moveDeedItem(A1 to A, same place)',
    ...mutation(
      'moveDeedItem',
      'deedItem { name level parent { name } } oldParent { name } newParent { name }',
      (w) => ({ id: w.items.a1, newParentId: w.items.a, displayOrder: 0 }),
      (w) => ({ id: MISSING_ID, newParentId: w.items.a }),
    ),
    expect: ownerChanges({ deedItem: { name: 'A1', level: 3, parent: { name: 'A' } }, oldParent: { name: 'A' }, newParent: { name: 'A' } }),
  },
  {
    name: 'moveDeedItem(B under A)',
    ...mutation(
      'moveDeedItem',
      'deedItem { name level } newParent { name }',
      (w) => ({ id: w.items.b, newParentId: w.items.a }),
      (w) => ({ id: MISSING_ID, newParentId: w.items.a }),
    ),
    undo: (w) => asOwner(w, MOVE_ITEM, { input: { id: w.items.b, newParentId: w.items.root, displayOrder: 1 } }),
    expect: ownerOnly({ deedItem: { name: 'B', level: 3 }, newParent: { name: 'A' } }),
  },
  {
    name: 'deleteDeedItem(A1)',
    ...mutation('deleteDeedItem', 'deedItem { name deletedAt } parent { name }', (w) => ({ id: w.items.a1 }), () => ({ id: MISSING_ID })),
    undo: (w) => asOwner(w, RESTORE_ITEM, { id: w.items.a1 }),
    expect: ownerChanges({ deedItem: { name: 'A1', deletedAt: expect.any(String) }, parent: { name: 'A' } }),
  },
  {
    name: 'deleteDeedItem(B)',
    ...mutation('deleteDeedItem', 'deedItem { name deletedAt }', (w) => ({ id: w.items.b }), () => ({ id: MISSING_ID })),
    undo: (w) => asOwner(w, RESTORE_ITEM, { id: w.items.b }),
    expect: ownerOnly({ deedItem: { name: 'B', deletedAt: expect.any(String) } }),
  },
  {
    name: 'restoreDeedItem(D)',
    ...mutation('restoreDeedItem', 'deedItem { name deletedAt } parent { name }', (w) => ({ id: w.items.d }), () => ({ id: MISSING_ID })),
    undo: (w) => asOwner(w, DELETE_ITEM, { id: w.items.d }),
    expect: ownerOnly({ deedItem: { name: 'D', deletedAt: null }, parent: { name: 'A' } }),
  },
  {
    name: 'restoreDeedItem(A1), live: no-op',
    ...mutation('restoreDeedItem', 'deedItem { name deletedAt }', (w) => ({ id: w.items.a1 }), () => ({ id: MISSING_ID })),
    expect: ownerChanges({ deedItem: { name: 'A1', deletedAt: null } }),
  },
  {
    name: 'createScale(Salah)',
    ...mutation(
      'createScale',
      'scale { version isActive } previousActiveScale { version } deed { activeScale { version } }',
      (w) => ({ deedId: w.deeds.salah, activate: false, values: TWO_VALUES }),
      () => ({ deedId: MISSING_ID, activate: false, values: TWO_VALUES }),
    ),
    expect: ownerChanges({ scale: { version: 2, isActive: false }, previousActiveScale: null, deed: { activeScale: { version: 1 } } }),
  },
  {
    name: 'createScale(Quran), a COUNT deed',
    ...mutation('createScale', 'scale { version }', (w) => ({ deedId: w.deeds.quran, values: TWO_VALUES }), () => ({
      deedId: MISSING_ID,
      values: TWO_VALUES,
    })),
    expect: { owner: BAD_USER_INPUT, ...BESIDE_THE_GRANT },
  },
  {
    name: 'setActiveScale(v1), already active',
    ...mutation('setActiveScale', 'scale { version isActive } previousActiveScale { version }', (w) => ({ scaleId: w.scale.v1 }), () => ({
      scaleId: MISSING_ID,
    })),
    expect: ownerChanges({ scale: { version: 1, isActive: true }, previousActiveScale: null }),
  },
];
