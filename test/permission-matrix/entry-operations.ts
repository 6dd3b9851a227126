import {
  BESIDE_THE_GRANT,
  CONFLICT,
  grantees,
  lookup,
  MISSING_ID,
  mutation,
  NOT_FOUND,
  ok,
  OUTSIDERS,
  ownerOnly,
  writers,
  type Operation,
} from './operations';
import { ACTORS, must, type Actor, type World } from './world';

/**
 * Entries and their history × every actor (CONTRACT.md sections 3–5): Owner and the grantees
 * of A read the entries on A and A1 with their history; only Owner reads those on B, on the
 * deleted D and on Quran's Pages. Owner and the WRITE grantee write entries on covered
 * items (the READ grantee gets FORBIDDEN); writes on B or D are NOT_FOUND for everyone but
 * Owner, for whom D (deleted) is CONFLICT.
 */

const ENTRY_FIELDS = 'entryDate deedItem { name } owner { fullName } createdBy { fullName } scaleValue { label } count notes deletedAt';
const HISTORY_PAGE = 'totalCount edges { node { action changedBy { fullName } } }';

const entryOn = (entryDate: string, item: string, createdBy: string, value: Record<string, unknown>) => ({
  entryDate,
  deedItem: { name: item },
  owner: { fullName: 'Owner' },
  createdBy: { fullName: createdBy },
  scaleValue: null,
  count: null,
  notes: null,
  deletedAt: null,
  ...value,
});

/** History, newest first, as [action, changed by]. */
const changes = (...list: Array<[string, string]>) => ({
  totalCount: list.length,
  edges: list.map(([action, by]) => ({ node: { action, changedBy: { fullName: by } } })),
});

const entries = (filter: string): Pick<Operation, 'document' | 'variables' | 'missing'> => ({
  document: `query ($owner: ID!) {
    result: entries(filter: { ownerId: $owner ${filter} }) { totalCount edges { node { entryDate deedItem { name } } } }
  }`,
  variables: (w) => ({ owner: w.users.owner.gid }),
  missing: () => ({ owner: MISSING_ID }),
});

/** A page of entries, newest first, as [entryDate, item]. */
const page = (...nodes: Array<[string, string]>) => ({
  totalCount: nodes.length,
  edges: nodes.map(([entryDate, name]) => ({ node: { entryDate, deedItem: { name } } })),
});

/** With nothing readable of Owner's the list is NOT_FOUND (section 5), as for a missing owner. */
const entryList = (owner: unknown, grantee: unknown) => ({ owner: ok(owner), reader: ok(grantee), writer: ok(grantee), ...OUTSIDERS });

export const entryReads: Operation[] = [
  {
    name: 'entry(on A1)',
    ...lookup('entry', ENTRY_FIELDS, (w) => w.entries.a1),
    expect: grantees(entryOn('2025-03-01', 'A1', 'Owner', { scaleValue: { label: 'On time' } })),
  },
  {
    name: 'entry(on A), recorded by Writer',
    ...lookup('entry', ENTRY_FIELDS, (w) => w.entries.a),
    expect: grantees(entryOn('2025-03-02', 'A', 'Writer', { scaleValue: { label: 'Missed' }, notes: 'checked' })),
  },
  {
    name: 'entry(on B)',
    ...lookup('entry', ENTRY_FIELDS, (w) => w.entries.b),
    expect: ownerOnly(entryOn('2025-03-03', 'B', 'Owner', { scaleValue: { label: 'Late' }, notes: 'late again' })),
  },
  {
    name: 'entry(on D, a deleted item)',
    ...lookup('entry', ENTRY_FIELDS, (w) => w.entries.d),
    expect: ownerOnly(entryOn('2025-03-04', 'D', 'Owner', { scaleValue: { label: 'On time' } })),
  },
  {
    name: 'entry(on Pages, another deed)',
    ...lookup('entry', ENTRY_FIELDS, (w) => w.entries.pages),
    expect: ownerOnly(entryOn('2025-03-05', 'Pages', 'Owner', { count: '2.00' })),
  },
  {
    name: 'Entry.history of the entry on A',
    ...lookup('entry', 'history { totalCount }', (w) => w.entries.a),
    expect: grantees({ history: { totalCount: 2 } }),
  },
  {
    name: 'entryHistory(entry on A1)',
    ...lookup('entryHistory', HISTORY_PAGE, (w) => w.entries.a1, 'entryId'),
    expect: grantees(changes(['UPDATED', 'Owner'], ['CREATED', 'Owner'])),
  },
  {
    name: 'entryHistory(entry on A)',
    ...lookup('entryHistory', HISTORY_PAGE, (w) => w.entries.a, 'entryId'),
    expect: grantees(changes(['UPDATED', 'Owner'], ['CREATED', 'Writer'])),
  },
  {
    name: 'entryHistory(entry on B)',
    ...lookup('entryHistory', HISTORY_PAGE, (w) => w.entries.b, 'entryId'),
    expect: ownerOnly(changes(['UPDATED', 'Owner'], ['CREATED', 'Owner'])),
  },
  {
    name: 'entries(filter: { ownerId: Owner })',
    ...entries(''),
    expect: entryList(
      page(['2025-03-05', 'Pages'], ['2025-03-03', 'B'], ['2025-03-02', 'A'], ['2025-03-01', 'A1']),
      page(['2025-03-02', 'A'], ['2025-03-01', 'A1']),
    ),
  },
  {
    name: 'entries(filter: { ownerId: Owner, includeDeleted })',
    ...entries('includeDeleted: true'),
    expect: entryList(
      page(['2025-03-05', 'Pages'], ['2025-03-04', 'D'], ['2025-03-03', 'B'], ['2025-03-02', 'A'], ['2025-03-01', 'A1']),
      page(['2025-03-02', 'A'], ['2025-03-01', 'A1']),
    ),
  },
];

/** Per actor, entries on A1 for the destructive rows, so no cell depends on another. */
const scratch = {} as Record<Actor, { live: string; deleted: string }>;

/** A day of its own per actor in `month` of 2025, so every write is a new (item, date) slot. */
const dateOf = (month: string, actor: Actor) => `2025-${month}-${String(ACTORS.indexOf(actor) + 1).padStart(2, '0')}`;

const RECORDED = 'outcome entry { deedItem { name } owner { fullName } createdBy { fullName } scaleValue { label } }';
const CHANGED = 'entry { deedItem { name } deletedAt } change { action changedBy { fullName } }';
const UPDATED = 'entry { deedItem { name } notes } change { action changedBy { fullName } }';

const recorded = (outcome: string, item: string, createdBy: string) => ({
  outcome,
  entry: { deedItem: { name: item }, owner: { fullName: 'Owner' }, createdBy: { fullName: createdBy }, scaleValue: { label: 'Late' } },
});
const changed = (item: string, deleted: boolean, action: string, by: string) => ({
  entry: { deedItem: { name: item }, deletedAt: deleted ? expect.any(String) : null },
  change: { action, changedBy: { fullName: by } },
});
const updated = (item: string, by: string) => ({
  entry: { deedItem: { name: item }, notes: `by ${by.toLowerCase()}` },
  change: { action: 'UPDATED', changedBy: { fullName: by } },
});

/** recordEntry on `item` at the actor's own date in `month`. */
const record = (item: (w: World) => string, month: string) =>
  mutation(
    'recordEntry',
    RECORDED,
    (w, actor) => ({ deedItemId: item(w), entryDate: dateOf(month, actor), scaleValueId: w.scale.values.late }),
    (w) => ({ deedItemId: MISSING_ID, entryDate: dateOf(month, 'owner'), scaleValueId: w.scale.values.late }),
  );

const NO_CHANGE = { entry: { deedItem: { name: 'A1' }, deletedAt: null }, change: null };
const RECORD_ENTRIES = `mutation ($input: RecordEntriesInput!) { recordEntries(input: $input) { results { entry { id } } } }`;
const RESTORE_ENTRY = `mutation ($id: ID!) { restoreEntry(input: { id: $id }) { entry { id } } }`;

export const entryWrites: Operation[] = [
  {
    name: 'recordEntry(on A1)',
    ...record((w) => w.items.a1, '05'),
    expect: writers(recorded('CREATED', 'A1', 'Owner'), recorded('CREATED', 'A1', 'Writer')),
  },
  { name: 'recordEntry(on B)', ...record((w) => w.items.b, '05'), expect: ownerOnly(recorded('CREATED', 'B', 'Owner')) },
  { name: 'recordEntry(on D, a deleted item)', ...record((w) => w.items.d, '05'), expect: { owner: CONFLICT, ...BESIDE_THE_GRANT } },
  {
    name: 'recordEntry(on a deleted entry of A1): RESTORED',
    ...record((w) => w.items.a1, '06'),
    // createdBy stays whoever first recorded the entry (Owner, in the fixture).
    expect: writers(recorded('RESTORED', 'A1', 'Owner'), recorded('RESTORED', 'A1', 'Owner')),
  },
  {
    name: 'recordEntries([on A1])',
    ...mutation(
      'recordEntries',
      'results { outcome entry { deedItem { name } createdBy { fullName } } }',
      (w, actor) => ({ entries: [{ deedItemId: w.items.a1, entryDate: dateOf('07', actor), scaleValueId: w.scale.values.late }] }),
      (w) => ({ entries: [{ deedItemId: MISSING_ID, entryDate: dateOf('07', 'owner'), scaleValueId: w.scale.values.late }] }),
    ),
    expect: writers(
      { results: [{ outcome: 'CREATED', entry: { deedItem: { name: 'A1' }, createdBy: { fullName: 'Owner' } } }] },
      { results: [{ outcome: 'CREATED', entry: { deedItem: { name: 'A1' }, createdBy: { fullName: 'Writer' } } }] },
    ),
  },
  {
    name: 'updateEntry(entry on A1)',
    ...mutation('updateEntry', UPDATED, (w, actor) => ({ id: w.entries.a1, notes: `by ${actor}` }), () => ({ id: MISSING_ID, notes: 'x' })),
    expect: writers(updated('A1', 'Owner'), updated('A1', 'Writer')),
  },
  {
    name: 'updateEntry(entry on B)',
    ...mutation('updateEntry', UPDATED, (w, actor) => ({ id: w.entries.b, notes: `by ${actor}` }), () => ({ id: MISSING_ID, notes: 'x' })),
    expect: ownerOnly(updated('B', 'Owner')),
  },
  {
    name: 'updateEntry(entry on D, a deleted item)',
    ...mutation('updateEntry', UPDATED, (w, actor) => ({ id: w.entries.d, notes: `by ${actor}` }), () => ({ id: MISSING_ID, notes: 'x' })),
    expect: { owner: CONFLICT, ...BESIDE_THE_GRANT },
  },
  {
    name: 'deleteEntry(entry on A1)',
    ...mutation('deleteEntry', CHANGED, (_w, actor) => ({ id: scratch[actor].live }), () => ({ id: MISSING_ID })),
    expect: writers(changed('A1', true, 'DELETED', 'Owner'), changed('A1', true, 'DELETED', 'Writer')),
  },
  {
    name: 'deleteEntry(entry on B)',
    ...mutation('deleteEntry', CHANGED, (w) => ({ id: w.entries.b }), () => ({ id: MISSING_ID })),
    undo: async (w) => {
      await must(w.app, w.users.owner, RESTORE_ENTRY, { id: w.entries.b });
    },
    expect: ownerOnly(changed('B', true, 'DELETED', 'Owner')),
  },
  {
    name: 'deleteEntry(entry on D, a deleted item)',
    ...mutation('deleteEntry', CHANGED, (w) => ({ id: w.entries.d }), () => ({ id: MISSING_ID })),
    expect: { owner: CONFLICT, ...BESIDE_THE_GRANT },
  },
  {
    name: 'restoreEntry(deleted entry on A1)',
    ...mutation('restoreEntry', CHANGED, (_w, actor) => ({ id: scratch[actor].deleted }), () => ({ id: MISSING_ID })),
    // Ambiguity decided: a soft-deleted entry is effectively deleted, and section 4 hides
    // those from non-owners ("writes to them fail: NOT_FOUND for non-owners"). A WRITE
    // grantee brings a deleted entry back with recordEntry on its (item, date) (RESTORED,
    // above); restoreEntry by id is the owner's.
    expect: { owner: ok(changed('A1', false, 'RESTORED', 'Owner')), writer: NOT_FOUND, reader: NOT_FOUND, ...OUTSIDERS },
  },
  {
    name: 'restoreEntry(live entry on A1): no-op',
    ...mutation('restoreEntry', CHANGED, (w) => ({ id: w.entries.a1 }), () => ({ id: MISSING_ID })),
    expect: writers(NO_CHANGE, NO_CHANGE),
  },
];

/**
 * Per actor, on A1: a live entry (2025-04-dd, for deleteEntry), a deleted one (2025-08-dd,
 * for restoreEntry) and a deleted one in the slot recordEntry revives (2025-06-dd). Created
 * when the write rows start, so the read rows see the fixture alone.
 */
export async function createScratchEntries(w: World): Promise<void> {
  const slots = ACTORS.flatMap((actor) => ['04', '08', '06'].map((month) => dateOf(month, actor)));
  const entries = slots.map((entryDate) => ({ deedItemId: w.items.a1, entryDate, scaleValueId: w.scale.values.late }));
  const data = await must(w.app, w.users.owner, RECORD_ENTRIES, { input: { entries } });
  const ids: string[] = data.recordEntries.results.map((r: { entry: { id: string } }) => r.entry.id);
  for (const [i, actor] of ACTORS.entries()) {
    const [live, deleted, revivable] = ids.slice(i * 3, i * 3 + 3) as [string, string, string];
    for (const id of [deleted, revivable]) {
      await must(w.app, w.users.owner, `mutation ($id: ID!) { deleteEntry(input: { id: $id }) { entry { id } } }`, { id });
    }
    scratch[actor] = { live, deleted };
  }
}
