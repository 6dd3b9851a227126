import { MAX_DELETED_ROWS_LISTED } from '../../modules/deeds/limits';

/**
 * How many elements each plain list field of the schema can really hold: its enforced
 * maximum (CONTRACT.md section 8 counts, the item tree's depth, the dashboard window), so the
 * cost of an operation bounds what it can expand to. A list not named here (tests' small
 * schemas) is priced at DEFAULT_LIST_SIZE; a test checks every object list of the app schema
 * is named.
 */

/** What a plain list not listed below is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

/** `includeDeleted` lists show at most this many soft-deleted rows beside the live ones. */
export { MAX_DELETED_ROWS_LISTED };

const LIVE_DEEDS = 200;
const LIVE_ITEMS = 500;
const SCALE_VERSIONS = 100;
const SCALE_VALUES = 20;
const LIVE_GOALS = 200;
/** 366 days × 4 reflection types. */
const REFLECTIONS = 366 * 4;
/** Levels run 1–10, so an item has at most 9 ancestors. */
const ANCESTORS = 9;
/** One active grant per item of every deed of the grantor. */
const ACTIVE_GRANTS = LIVE_DEEDS * LIVE_ITEMS;

/** Item lists of one deed: every element belongs to the same deed, so their sum is bounded. */
export const ITEM_TREE_LISTS: ReadonlySet<string> = new Set([
  'Deed.items',
  'Deed.rootItems',
  'DeedItem.children',
  'DeedItem.descendants',
]);

type Args = Record<string, unknown>;
const withDeleted = (live: number) => (args: Args) => live + (args.includeDeleted === true ? MAX_DELETED_ROWS_LISTED : 0);
const filteredWithDeleted = (live: number) => (args: Args) =>
  withDeleted(live)((args.filter ?? {}) as Args);

/** `Type.field` → its maximum length, given the field's coerced arguments. */
export const LIST_SIZES: Readonly<Record<string, number | ((args: Args) => number)>> = {
  'Query.deeds': filteredWithDeleted(LIVE_DEEDS),
  'Query.scales': SCALE_VERSIONS,
  'Query.merits': filteredWithDeleted(LIVE_GOALS),
  'Query.targets': filteredWithDeleted(LIVE_GOALS),
  'Query.reflections': REFLECTIONS,
  'Deed.items': withDeleted(LIVE_ITEMS),
  'Deed.rootItems': LIVE_ITEMS,
  'Deed.scales': SCALE_VERSIONS,
  'DeedItem.children': withDeleted(LIVE_ITEMS),
  'DeedItem.ancestors': ANCESTORS,
  'DeedItem.descendants': LIVE_ITEMS,
  'Scale.values': SCALE_VALUES,
  'Dashboard.categories': 2,
  'CategoryStats.series': 365,
  'Merit.items': 20,
  'Target.items': 50,
  'Relation.permissions': ACTIVE_GRANTS,
  'MoveDeedItemPayload.movedDescendants': LIVE_ITEMS,
  'RecordEntriesPayload.results': 100,
  'RecordEntryPayload.affectedMerits': LIVE_GOALS,
  'RecordEntryPayload.affectedTargets': LIVE_GOALS,
  'RecordEntriesPayload.affectedMerits': LIVE_GOALS,
  'RecordEntriesPayload.affectedTargets': LIVE_GOALS,
  'UpdateEntryPayload.affectedMerits': LIVE_GOALS,
  'UpdateEntryPayload.affectedTargets': LIVE_GOALS,
  'DeleteEntryPayload.affectedMerits': LIVE_GOALS,
  'DeleteEntryPayload.affectedTargets': LIVE_GOALS,
  'RestoreEntryPayload.affectedMerits': LIVE_GOALS,
  'RestoreEntryPayload.affectedTargets': LIVE_GOALS,
  // ts_headline with MaxFragments=2, MaxWords=24: at most one highlight per word shown.
  'SearchSnippet.highlights': 48,
  'BlockUserPayload.revokedPermissions': ACTIVE_GRANTS,
  'RemoveConnectionPayload.revokedPermissions': ACTIVE_GRANTS,
};

/**
 * Per element of an item list of one deed, how many elements a tree field below it adds on
 * average: a deed's items are each some item's child at most once, and each sits below at
 * most 9 ancestors (fewer with a smaller `maxDepth`). The list above is priced at its maximum
 * length, so this average times that length bounds the total.
 */
export const AMORTISED_TREE_SIZES: Readonly<Record<string, (args: Args) => number>> = {
  // With deleted rows the deed holds up to 600, the list above maybe 500 of them.
  'DeedItem.children': (args) => (args.includeDeleted === true ? 2 : 1),
  'DeedItem.descendants': (args) => Math.min(typeof args.maxDepth === 'number' ? args.maxDepth : ANCESTORS, ANCESTORS),
};
