import DataLoader from 'dataloader';

/**
 * A by-id DataLoader that also answers at once for ids it already holds this request: rows
 * primed by a list statement (the entries page primes each entry's item and deed) or loaded
 * earlier. A field that returns a value instead of a promise lets graphql-js complete the
 * whole object synchronously; 100 entries with their item, deed and author were 300 promises
 * (and their microtasks) for rows already in memory.
 */
export class RecordLoader<V> extends DataLoader<bigint, V | null> {
  private readonly known = new Map<bigint, V | null>();

  constructor(fetch: (ids: readonly bigint[]) => Promise<ReadonlyArray<V | null>>) {
    super(async (ids) => {
      const values = await fetch(ids);
      ids.forEach((id, index) => this.known.set(id, values[index] ?? null));
      return values;
    });
  }

  override prime(id: bigint, value: V | null | Error): this {
    if (value instanceof Error) this.known.delete(id);
    else if (!this.known.has(id)) this.known.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: bigint): this {
    this.known.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  /** The row (or null for a missing id) when already known, else the promise of it. */
  loadKnown(id: bigint): V | null | Promise<V | null> {
    return this.known.has(id) ? (this.known.get(id) as V | null) : this.load(id);
  }
}

/** A RecordLoader of rows by their `id`, from one statement for the batch's ids (a missing id answers null). */
export function recordsById<Row extends { id: bigint }>(fetch: (ids: bigint[]) => Promise<Row[]>): RecordLoader<Row> {
  return new RecordLoader<Row>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** `then` for a value that may or may not be a promise, without making one when it is not. */
export function thenMaybe<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
