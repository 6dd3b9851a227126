/**
 * Key-value cache for JSON values, shared by every instance when Redis is configured.
 * Tags group keys that must be dropped together (e.g. all dashboard entries of one
 * owner), so invalidation never has to scan the key space.
 */
export interface CacheSetOptions {
  /** Lifetime in seconds (required: nothing is cached forever). */
  ttlSeconds: number;
  /** Names that `invalidateTags` can later drop this key by. */
  tags?: readonly string[];
}

export interface Cache {
  readonly kind: 'redis' | 'memory';
  /** undefined on a miss. */
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys in one round trip, in order; undefined for each miss. */
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  /** As getMany, but the stored JSON texts, for a caller that keeps what it parsed. */
  getManyText(keys: readonly string[]): Promise<Array<string | undefined>>;
  set(key: string, value: unknown, options: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every key set with any of these tags. */
  invalidateTags(tags: readonly string[]): Promise<void>;
  /** Resolves when the backing store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
