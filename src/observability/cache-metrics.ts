import type { Cache } from '../cache';
import type { Metrics } from './metrics';

/**
 * The same cache, counting each key read (`get`, `getMany`) as a hit or a miss. A proxy rather than a wrapper class,
 * so whatever else the concrete cache exposes (the Redis client, for instance) stays reachable.
 */
export function countCacheLookups<C extends Cache>(cache: C, metrics: Metrics): C {
  const get = async <T>(key: string): Promise<T | undefined> => {
    const value = await cache.get<T>(key);
    metrics.cacheLookups.inc({ result: value === undefined ? 'miss' : 'hit' });
    return value;
  };
  const getMany = async <T>(keys: readonly string[]): Promise<Array<T | undefined>> => {
    const values = await cache.getMany<T>(keys);
    for (const value of values) metrics.cacheLookups.inc({ result: value === undefined ? 'miss' : 'hit' });
    return values;
  };
  return new Proxy(cache, {
    get(target, property) {
      if (property === 'get') return get;
      if (property === 'getMany') return getMany;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
