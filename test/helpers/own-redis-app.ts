import Redis from 'ioredis';
import { startRedis, stopRedis, type RedisServer } from '../services/redis';
import { startTestApp, type TestApp } from './test-app';

/**
 * A test app over a Redis server of its own, and a client to look inside that Redis: for
 * tests that count keys or windows another test file must not touch (rate limits, stored
 * persisted queries), or that stop and restart Redis.
 */
export interface OwnRedisApp {
  redis: RedisServer;
  inspector: Redis;
  app: TestApp;
}

export async function startOwnRedisApp(env: Record<string, string> = {}): Promise<OwnRedisApp> {
  const redis = await startRedis();
  const inspector = new Redis(redis.url);
  try {
    return { redis, inspector, app: await startTestApp({ REDIS_URL: redis.url, ...env }) };
  } catch (error) {
    await stopOwnRedisApp({ redis, inspector });
    throw error;
  }
}

/** Stops what was started (a failed start may leave some parts undefined). */
export async function stopOwnRedisApp(parts: Partial<OwnRedisApp>): Promise<void> {
  await parts.app?.stop();
  parts.inspector?.disconnect();
  if (parts.redis) await stopRedis(parts.redis);
}
