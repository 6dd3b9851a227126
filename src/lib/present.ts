/**
 * A row a foreign key guarantees (a deed's owner, an item's deed, a value's scale). A miss
 * is a server fault, reported as INTERNAL_SERVER_ERROR, not a client error. The message is
 * built only on a miss: list fields call this once per row.
 */
export function present<T>(row: T | null, what: string, id: bigint | string): T {
  if (row === null) throw new Error(`${what} ${id} is missing`);
  return row;
}
