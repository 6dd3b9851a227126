import { LRUCache } from 'lru-cache';

/**
 * Rows of a table nothing updates, kept across requests once read: a by-id read asks the
 * database only for the ids not kept yet. Kept per `scope` (the database client), so the ids
 * of two databases in one process never meet; at most `max` rows a scope, the least recently
 * read dropped first. The rows are frozen, as every request shares them.
 *
 * Only for rows that never change once written. A row deleted later is still answered from
 * here, so only for rows reached through a reference that is deleted with them.
 */
export class KeptRows<Row extends { id: bigint }> {
  private readonly byScope = new WeakMap<object, LRUCache<bigint, Row>>();

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`KeptRows needs a positive whole max, got ${max}`);
  }

  /** The rows of `ids` that exist (kept, or read with `fetch` for the rest), in no particular order. */
  async read(scope: object, ids: readonly bigint[], fetch: (missing: bigint[]) => Promise<Row[]>): Promise<Row[]> {
    let kept = this.byScope.get(scope);
    if (!kept) {
      kept = new LRUCache<bigint, Row>({ max: this.max });
      this.byScope.set(scope, kept);
    }
    const rows: Row[] = [];
    const missing: bigint[] = [];
    for (const id of ids) {
      const row = kept.get(id);
      if (row) rows.push(row);
      else missing.push(id);
    }
    if (missing.length === 0) return rows;
    for (const row of await fetch(missing)) {
      kept.set(row.id, Object.freeze(row));
      rows.push(row);
    }
    return rows;
  }
}
