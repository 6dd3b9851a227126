import { createHash } from 'node:crypto';
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import { MemoryEventBus, type EventBus, type EventMessage } from './event-bus';
import { publishOnce, RedisEventBus } from './redis-event-bus';

export type { EventBus, EventHandler, EventMessage } from './event-bus';
export { MemoryEventBus } from './event-bus';

/**
 * Events name rows by id, and ids mean something only in their own database: instances share
 * a channel exactly when they share a database. Pub/sub ignores Redis database numbers, so
 * without this two deployments (or test databases) on one Redis would read each other's ids.
 */
export function eventChannel(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  let database: string;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    // host/port may also come as query parameters (unix sockets); credentials stay out.
    database = `${url.hostname}:${url.port}${url.pathname}?${url.searchParams.get('host') ?? ''}`;
  } else {
    database = `pglite:${config.dataDir}`;
  }
  return `kitaab:events:${createHash('sha256').update(database).digest('hex').slice(0, 16)}`;
}

/** Redis pub/sub when REDIS_URL is set, otherwise in-process (single instance only). */
export function createEventBus(config: Pick<Config, 'redisUrl' | 'databaseUrl' | 'dataDir'>, logger: Logger): EventBus {
  const eventLogger = logger.child({ component: 'events' });
  if (!config.redisUrl) {
    return new MemoryEventBus((error, topic) => eventLogger.error({ err: error, topic }, 'event handler failed'));
  }
  return new RedisEventBus(config.redisUrl, eventChannel(config), eventLogger);
}

/**
 * Tells the running instances from a command-line tool; without REDIS_URL there is nobody to
 * tell (an instance without Redis runs alone, and an embedded database is closed to tools
 * while it runs).
 */
export async function announceToInstances(
  config: Pick<Config, 'redisUrl' | 'databaseUrl' | 'dataDir'>,
  topic: string,
  message: EventMessage,
): Promise<void> {
  if (config.redisUrl) await publishOnce(config.redisUrl, eventChannel(config), topic, message);
}
