/** Count limits of CONTRACT.md section 8 for this domain. */
export const MAX_LIVE_DEEDS_PER_USER = 200;
export const MAX_LIVE_ITEMS_PER_DEED = 500;
export const MAX_SCALE_VERSIONS_PER_DEED = 100;
export const MAX_LEVEL = 10;
export const MAX_DESCENDANTS_DEPTH = 10;
export const DEFAULT_DESCENDANTS_DEPTH = 3;
/**
 * Soft-deleted rows are kept without limit, so lists that offer `includeDeleted` show only the
 * most recently deleted ones beside the live ones (per deed list, per item tree, per parent;
 * the merits and targets lists too).
 */
export const MAX_DELETED_ROWS_LISTED = 100;
