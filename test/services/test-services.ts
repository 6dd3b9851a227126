import { startPostgres } from './postgres';
import { startRedis, stopRedis } from './redis';

export interface TestServices {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** One line saying what runs where and how long it took to start. */
  readonly summary: string;
  /** Stops what startTestServices started; services the caller gave are left alone. */
  stop(): Promise<void>;
}

export interface GivenServices {
  databaseUrl?: string;
  redisUrl?: string;
}

interface Service {
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL and Redis for a test run: the URLs the caller gives, else throwaway servers,
 * started in parallel.
 */
export async function startTestServices(given: GivenServices): Promise<TestServices> {
  const startedAt = Date.now();
  const outcomes = await Promise.allSettled([
    given.databaseUrl
      ? givenService(given.databaseUrl, 'PostgreSQL')
      : startPostgres().then((cluster) => ({
          url: cluster.url,
          description: `PostgreSQL on 127.0.0.1:${cluster.port}`,
          stop: () => cluster.stop(),
        })),
    given.redisUrl
      ? givenService(given.redisUrl, 'Redis')
      : startRedis().then((redis) => ({
          url: redis.url,
          description: `Redis on 127.0.0.1:${redis.port}`,
          stop: () => stopRedis(redis),
        })),
  ]);
  const [postgres, redis] = outcomes;
  if (postgres.status === 'rejected' || redis.status === 'rejected') {
    await Promise.all(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.stop() : undefined)));
    throw postgres.status === 'rejected' ? postgres.reason : (redis as PromiseRejectedResult).reason;
  }

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return {
    databaseUrl: postgres.value.url,
    redisUrl: redis.value.url,
    summary: `test services: ${postgres.value.description}, ${redis.value.description} (ready in ${seconds} s)`,
    stop: async () => {
      await Promise.all([postgres.value.stop(), redis.value.stop()]);
    },
  };
}

function givenService(url: string, name: string): Promise<Service> {
  return Promise.resolve({ url, description: `${name} given by the environment`, stop: async () => undefined });
}
