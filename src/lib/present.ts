/**
 * A row a foreign key guarantees (a deed's owner, an item's deed, a value's scale). A miss
 * is a server fault, reported as INTERNAL_SERVER_ERROR, not a client error.
 */
export function present<T>(row: T | null, what: string): T {
  if (row === null) throw new Error(`${what} is missing`);
  return row;
}
