import type Redis from 'ioredis';
import pino from 'pino';
import { createEventBus, eventChannel } from './index';
import { ACKNOWLEDGE_WAIT_MS, RedisEventBus } from './redis-event-bus';

const logger = pino({ level: 'silent' });

describe('eventChannel', () => {
  it('is shared by instances of one database and differs between databases', () => {
    const of = (databaseUrl: string | undefined, dataDir = '/data') => eventChannel({ databaseUrl, dataDir });
    expect(of('postgres://u:one@db:5432/kitaab')).toBe(of('postgres://other:two@db:5432/kitaab?sslmode=require'));
    expect(of('postgres://db:5432/kitaab')).not.toBe(of('postgres://db:5432/kitaab_staging'));
    expect(of('postgres://db:5432/kitaab')).not.toBe(of('postgres://db2:5432/kitaab'));
    expect(of(undefined, '/a')).not.toBe(of(undefined, '/b'));
    expect(of('postgres://db:5432/kitaab')).toMatch(/^kitaab:events:[0-9a-f]{16}$/);
  });
});

describe('in-process bus (no REDIS_URL)', () => {
  it('delivers to the handlers of the topic until they unsubscribe', async () => {
    const bus = createEventBus({ redisUrl: undefined, databaseUrl: undefined, dataDir: '/data' }, logger);
    expect(bus.kind).toBe('memory');
    const got: Array<[string, unknown]> = [];
    const stop = bus.subscribe('t:1', (message) => got.push(['a', message]));
    bus.subscribe('t:2', (message) => got.push(['b', message]));
    bus.publish('t:1', { id: '1' });
    stop();
    bus.publish('t:1', { id: '2' });
    bus.publish('t:2', { id: '3' });
    expect(got).toEqual([
      ['a', { id: '1' }],
      ['b', { id: '3' }],
    ]);
    await bus.close();
  });

  it('a failing handler does not stop the others', () => {
    const bus = createEventBus({ redisUrl: undefined, databaseUrl: undefined, dataDir: '/data' }, logger);
    const got: unknown[] = [];
    bus.subscribe('t', () => {
      throw new Error('handler broke');
    });
    bus.subscribe('t', (message) => got.push(message));
    expect(() => bus.publish('t', { id: '1' })).not.toThrow();
    expect(got).toEqual([{ id: '1' }]);
  });
});

describe('Redis bus with Redis unreachable', () => {
  it('starts after a bounded wait, publishes without waiting, still delivers in this process', async () => {
    // Nothing listens on port 1.
    const bus = new RedisEventBus('redis://127.0.0.1:1', 'kitaab:events:test', logger);
    const startedAt = Date.now();
    await bus.start();
    expect(Date.now() - startedAt).toBeLessThan(3_000);

    const got: unknown[] = [];
    bus.subscribe('t', (message) => got.push(message));
    const publishedAt = Date.now();
    bus.publish('t', { id: '7' });
    // In-process delivery is synchronous; waiting on the absent Redis would take seconds.
    expect(Date.now() - publishedAt).toBeLessThan(500);
    expect(got).toEqual([{ id: '7' }]);
    await bus.close();
  });
});

describe('Redis bus across instances', () => {
  it('delivers once to every instance on the channel, in publish order, and ignores other channels', async () => {
    const url = process.env.REDIS_URL!;
    const channel = `kitaab:events:test-${Date.now()}`;
    const [one, two, elsewhere] = [
      new RedisEventBus(url, channel, logger),
      new RedisEventBus(url, channel, logger),
      new RedisEventBus(url, `${channel}-other`, logger),
    ];
    await Promise.all([one.start(), two.start(), elsewhere.start()]);
    const seen: Record<string, unknown[]> = { one: [], two: [], elsewhere: [] };
    one.subscribe('t', (message) => seen.one!.push(message.n));
    two.subscribe('t', (message) => seen.two!.push(message.n));
    elsewhere.subscribe('t', (message) => seen.elsewhere!.push(message.n));

    for (let n = 1; n <= 20; n++) one.publish('t', { n: String(n) });
    const expected = Array.from({ length: 20 }, (_, i) => String(i + 1));
    const deadline = Date.now() + 5_000;
    while (seen.two!.length < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.one).toEqual(expected);
    expect(seen.two).toEqual(expected);
    expect(seen.elsewhere).toEqual([]);
    await Promise.all([one.close(), two.close(), elsewhere.close()]);
  });
});

describe('Redis bus: acknowledged publishing', () => {
  const url = () => process.env.REDIS_URL!;
  /** Stops (or resumes) an instance reading what Redis sends it, as a busy or stalled process would. */
  const reading = (bus: RedisEventBus, on: boolean) => {
    const { stream } = (bus as unknown as { subscriber: Redis }).subscriber;
    if (on) stream.resume();
    else stream.pause();
  };

  it('resolves only once every other instance has run its handlers', async () => {
    const channel = `kitaab:events:ack-${Date.now()}`;
    const [one, two, three] = [new RedisEventBus(url(), channel, logger), new RedisEventBus(url(), channel, logger), new RedisEventBus(url(), channel, logger)];
    try {
      await Promise.all([one.start(), two.start(), three.start()]);
      const happened: string[] = [];
      one.subscribe('t', () => happened.push('one handled'));
      two.subscribe('t', () => happened.push('two handled'));
      three.subscribe('t', () => happened.push('three handled'));

      reading(two, false);
      const published = one.publishAcknowledged('t', { id: '1' }).then(() => happened.push('resolved'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(happened).toEqual(['one handled', 'three handled']);
      reading(two, true);
      await published;
      expect(happened).toEqual(['one handled', 'three handled', 'two handled', 'resolved']);
    } finally {
      reading(two, true);
      await Promise.all([one.close(), two.close(), three.close()]);
    }
  });

  it('waits for a stalled instance a bounded time only', async () => {
    const channel = `kitaab:events:stalled-${Date.now()}`;
    const [one, two] = [new RedisEventBus(url(), channel, logger), new RedisEventBus(url(), channel, logger)];
    try {
      await Promise.all([one.start(), two.start()]);
      reading(two, false);
      const startedAt = Date.now();
      await one.publishAcknowledged('t', { id: '1' });
      const waited = Date.now() - startedAt;
      expect(waited).toBeGreaterThanOrEqual(ACKNOWLEDGE_WAIT_MS - 50);
      expect(waited).toBeLessThan(ACKNOWLEDGE_WAIT_MS + 2_000);
    } finally {
      reading(two, true);
      await Promise.all([one.close(), two.close()]);
    }
  });
});
