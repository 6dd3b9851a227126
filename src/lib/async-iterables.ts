/**
 * Push-based async iterators for subscriptions. Written out rather than as async generators:
 * a generator suspended in `await` cannot be stopped until its next value arrives, so a
 * client that unsubscribes would keep its listener alive until the next event.
 */

/** Values pushed by a producer, pulled in order by one consumer; `return()` stops it at once. */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private finished = false;

  constructor(
    /** Runs once when the consumer stops (or the queue is ended): e.g. unsubscribe. */
    private readonly onEnd: () => void,
    /** A consumer this far behind loses its oldest values (`onOverflow` says so). */
    private readonly maxBuffered = 1_000,
    private readonly onOverflow: () => void = () => {},
  ) {}

  push(value: T): void {
    if (this.finished) return;
    const consumer = this.waiting.shift();
    if (consumer) {
      consumer({ value, done: false });
      return;
    }
    this.buffered.push(value);
    if (this.buffered.length > this.maxBuffered) {
      this.buffered.shift();
      this.onOverflow();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered.length > 0) return Promise.resolve({ value: this.buffered.shift() as T, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.finished) {
      this.finished = true;
      this.buffered.length = 0;
      for (const consumer of this.waiting.splice(0)) consumer({ value: undefined, done: true });
      this.onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** What a mapping returns to drop a value. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * `source` with each value replaced by `map(value)`, in order (one at a time), values mapped
 * to SKIP left out. `return()` reaches the source immediately, even while a `next()` waits.
 */
export function mapAsyncIterable<T, U>(
  source: AsyncIterator<T>,
  map: (value: T) => Promise<U | typeof SKIP> | U | typeof SKIP,
): AsyncIterableIterator<U> {
  const stop = async (): Promise<IteratorResult<U>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        let mapped: U | typeof SKIP;
        try {
          mapped = await map(result.value);
        } catch (error) {
          await stop();
          throw error;
        }
        if (mapped !== SKIP) return { value: mapped, done: false };
      }
    },
    return: stop,
    async throw(error?: unknown): Promise<IteratorResult<U>> {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
