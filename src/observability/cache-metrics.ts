import type { Cache } from '../cache';
import type { Metrics } from './metrics';

/**
 * The same cache, counting each key read (`get`, `getMany`, `getManyText`) as a hit or a miss. A proxy rather than a wrapper class,
 * so whatever else the concrete cache exposes (the Redis client, for instance) stays reachable.
 */
export function countCacheLookups<C extends Cache>(cache: C, metrics: Metrics): C {
  const count = (value: unknown) => metrics.cacheLookups.inc({ result: value === undefined ? 'miss' : 'hit' });
  const get = async <T>(key: string): Promise<T | undefined> => {
    const value = await cache.get<T>(key);
    count(value);
    return value;
  };
  const getMany = async <T>(keys: readonly string[]): Promise<Array<T | undefined>> => {
    const values = await cache.getMany<T>(keys);
    values.forEach(count);
    return values;
  };
  const getManyText = async (keys: readonly string[]): Promise<Array<string | undefined>> => {
    const texts = await cache.getManyText(keys);
    texts.forEach(count);
    return texts;
  };
  // Methods are bound once, not on every access: the cache is read on most requests.
  const methods = new Map<PropertyKey, unknown>([
    ['get', get],
    ['getMany', getMany],
    ['getManyText', getManyText],
  ]);
  return new Proxy(cache, {
    get(target, property) {
      if (methods.has(property)) return methods.get(property);
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      methods.set(property, bound);
      return bound;
    },
  });
}
