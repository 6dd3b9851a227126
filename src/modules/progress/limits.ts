/** Count and size limits of CONTRACT.md section 8 for merits and targets. */
export const MAX_LIVE_MERITS_PER_USER = 200;
export const MAX_LIVE_TARGETS_PER_USER = 200;
export const MAX_MERIT_ITEMS = 20;
export const MAX_TARGET_ITEMS = 50;
/** Longest merit window (durationDays) and longest target range, in days. */
export const MAX_WINDOW_DAYS = 3660;
export const MAX_DESCRIPTION_LENGTH = 5000;
