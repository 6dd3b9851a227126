import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import pino from 'pino';
import { keepBusy } from '../../test/helpers/busy';
import { RedisCache } from './redis-cache';

// REDIS_URL comes from test/global-setup.ts (a throwaway Redis).
const redisUrl = process.env.REDIS_URL as string;
const silent = pino({ level: 'silent' });

describe('RedisCache', () => {
  let cache: RedisCache;
  let ns: string;

  beforeEach(async () => {
    cache = RedisCache.fromUrl(redisUrl, silent);
    expect(await cache.connect()).toBe(true);
    ns = randomBytes(4).toString('hex');
  });

  afterEach(() => cache.close());

  it('stores JSON values with a TTL, under the kitaab: prefix', async () => {
    await cache.set(`${ns}:k`, { a: 1 }, { ttlSeconds: 30 });
    await expect(cache.get(`${ns}:k`)).resolves.toEqual({ a: 1 });
    const ttl = await cache.client.ttl(`${ns}:k`);
    expect(ttl).toBeGreaterThan(25);
    expect(await cache.client.exists(`${ns}:k`)).toBe(1);
    await cache.delete(`${ns}:k`);
    await expect(cache.get(`${ns}:k`)).resolves.toBeUndefined();
  });

  it('invalidates tagged keys atomically and keeps others', async () => {
    await cache.set(`${ns}:a`, 'a', { ttlSeconds: 60, tags: [`${ns}:owner:1`] });
    await cache.set(`${ns}:b`, 'b', { ttlSeconds: 120, tags: [`${ns}:owner:1`, `${ns}:scope`] });
    await cache.set(`${ns}:c`, 'c', { ttlSeconds: 60, tags: [`${ns}:owner:2`] });
    // The tag set lives as long as its longest-lived member.
    expect(await cache.client.ttl(`tag:${ns}:owner:1`)).toBeGreaterThan(100);

    await cache.invalidateTags([`${ns}:owner:1`]);
    await expect(cache.get(`${ns}:a`)).resolves.toBeUndefined();
    await expect(cache.get(`${ns}:b`)).resolves.toBeUndefined();
    await expect(cache.get(`${ns}:c`)).resolves.toBe('c');
    expect(await cache.client.exists(`tag:${ns}:owner:1`)).toBe(0);
  });

  it('reads a value Redis answered while this process was busy for longer than a second', async () => {
    await cache.set(`${ns}:busy`, { a: 1 }, { ttlSeconds: 30 });
    const reading = cache.getManyText([`${ns}:busy`, `${ns}:absent`]);
    // The read goes out in this turn's setImmediate (auto-pipelining); then the process is busy
    // (thousands of connections at once, a long garbage collection) while Redis answers at once.
    await new Promise((resolve) => setImmediate(resolve));
    keepBusy(1_500);
    await expect(reading).resolves.toEqual([JSON.stringify({ a: 1 }), undefined]);
  });

  it('closes within a second from a Redis that is connected but no longer answers', async () => {
    // Answers what the client sends on connecting (CLIENT SETINFO: OK; the ready check's INFO:
    // empty), then nothing: QUIT is never answered.
    const sockets: net.Socket[] = [];
    const silentRedis = net.createServer((socket) => {
      sockets.push(socket);
      let ready = false;
      socket.on('data', (chunk: Buffer) => {
        for (const command of chunk.toString().split('*').slice(1)) {
          if (ready) return;
          ready = /\r\ninfo\r\n/i.test(command);
          socket.write(ready ? '$0\r\n\r\n' : '+OK\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => silentRedis.listen(0, '127.0.0.1', resolve));
    const hung = RedisCache.fromUrl(`redis://127.0.0.1:${(silentRedis.address() as AddressInfo).port}`, silent);
    try {
      expect(await hung.connect()).toBe(true);
      const startedAt = performance.now();
      await hung.close();
      // The connect timeout (1 s), not the 15 s that clear unanswered commands; slack for CI.
      expect(performance.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await hung.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silentRedis.close(resolve));
    }
  });

  it('answers ping', async () => {
    await expect(cache.ping()).resolves.toBeUndefined();
  });

  it('starts without a reachable Redis, and then misses and skips writes at once', async () => {
    const unreachable = RedisCache.fromUrl('redis://127.0.0.1:1', silent);
    expect(await unreachable.connect(200)).toBe(false);
    const startedAt = Date.now();
    await expect(unreachable.ping()).rejects.toThrow('Redis unavailable');
    await expect(unreachable.get('k')).resolves.toBeUndefined();
    await expect(unreachable.set('k', 1, { ttlSeconds: 10, tags: ['t'] })).resolves.toBeUndefined();
    await expect(unreachable.invalidateTags(['t'])).resolves.toBeUndefined();
    // Each would wait for a reconnect (seconds) if it did not fail at once; slack for a loaded machine.
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    // The invalidation waits for Redis; reads miss until it has been replayed.
    expect(unreachable.hasPendingInvalidations).toBe(true);
    await unreachable.close();
    // ioredis keeps a 2 s timer after disconnecting a socket that never connected.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });
});
