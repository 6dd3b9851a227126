/**
 * Invalidations that could not reach Redis (it was down). Until they have been replayed, a
 * value cached before the outage may be stale, so the cache reports misses meanwhile. Bounded:
 * past `capacity` entries the cache forgets the details and wipes its whole namespace instead.
 */
export class PendingInvalidations {
  readonly tags = new Set<string>();
  readonly keys = new Set<string>();
  private overflowed = false;

  constructor(private readonly capacity = 10_000) {}

  get isEmpty(): boolean {
    return !this.overflowed && this.tags.size === 0 && this.keys.size === 0;
  }

  /** Whether the details were dropped: only wiping every cached value is safe then. */
  get wipeEverything(): boolean {
    return this.overflowed;
  }

  addTags(tags: readonly string[]): void {
    for (const tag of tags) this.tags.add(tag);
    this.checkCapacity();
  }

  addKey(key: string): void {
    this.keys.add(key);
    this.checkCapacity();
  }

  /** Takes everything out (to replay it); `restore` puts it back if the replay fails. */
  take(): { tags: string[]; keys: string[]; wipeEverything: boolean } {
    const taken = { tags: [...this.tags], keys: [...this.keys], wipeEverything: this.overflowed };
    this.clear();
    return taken;
  }

  restore(taken: { tags: string[]; keys: string[]; wipeEverything: boolean }): void {
    if (taken.wipeEverything) this.overflowed = true;
    this.addTags(taken.tags);
    for (const key of taken.keys) this.keys.add(key);
    this.checkCapacity();
  }

  private checkCapacity(): void {
    if (this.tags.size + this.keys.size <= this.capacity) return;
    this.clear();
    this.overflowed = true;
  }

  private clear(): void {
    this.tags.clear();
    this.keys.clear();
    this.overflowed = false;
  }
}
