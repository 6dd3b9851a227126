import net from 'node:net';
import pino from 'pino';
import { waitFor } from '../../test/helpers/wait-for';
import { ACKNOWLEDGE_WAIT_MS, RedisEventBus } from './redis-event-bus';

/**
 * A Redis that leaves a reconnected subscriber's SUBSCRIBE unanswered. ioredis re-subscribes
 * by itself after a reconnect and never handles that command's failure: closed before Redis
 * answered (a shutdown during an outage), it rejected with "Connection is closed." and nothing
 * caught it, which Node turns into an uncaught exception (a CI test failed on it). The bus
 * re-subscribes on its own, with the failure handled, and ioredis' own is off.
 */
class FlakyRedis {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();
  subscriber: net.Socket | undefined;
  holdSubscribes = false;
  subscribesHeld = 0;

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let command: string[] | undefined;
      while ((command = takeCommand(buffered, (rest) => (buffered = rest)))) this.answer(socket, command);
    });
  }

  private answer(socket: net.Socket, [name, ...args]: string[]): void {
    switch (name!.toLowerCase()) {
      case 'info':
        return void socket.write(bulk('# Server\r\nloading:0\r\n'));
      case 'subscribe':
        if (this.holdSubscribes) {
          this.subscribesHeld += 1;
          return;
        }
        this.subscriber = socket;
        return void socket.write(args.map((channel, i) => `*3\r\n${bulk('subscribe')}${bulk(channel)}:${i + 1}\r\n`).join(''));
      case 'quit':
        // With a SUBSCRIBE unanswered, Redis goes away instead of answering in order.
        if (this.subscribesHeld > 0) return void socket.destroy();
        socket.write('+OK\r\n');
        return void socket.end();
      default:
        return void socket.write('+OK\r\n');
    }
  }
}

function bulk(text: string): string {
  return `$${Buffer.byteLength(text, 'latin1')}\r\n${text}\r\n`;
}

/** One RESP array of bulk strings from the front of `input`, or undefined until it is complete. */
function takeCommand(input: string, keep: (rest: string) => void): string[] | undefined {
  const lines = input.split('\r\n');
  const count = /^\*(\d+)$/.exec(lines[0] ?? '')?.[1];
  if (count === undefined || lines.length < 1 + 2 * Number(count) + 1) return undefined;
  const parts = Array.from({ length: Number(count) }, (_, i) => lines[2 + 2 * i]!);
  keep(lines.slice(1 + 2 * Number(count)).join('\r\n'));
  return parts;
}

describe('Redis bus: re-subscribing after a reconnect', () => {
  let redis: FlakyRedis;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeEach(() => {
    redis = new FlakyRedis();
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled);
    await redis.close();
  });

  it('closes with a re-subscription still unanswered, and leaves no failure unhandled', async () => {
    const port = await redis.listen();
    const bus = new RedisEventBus(`redis://127.0.0.1:${port}`, 'kitaab:events:resubscribe', pino({ level: 'silent' }));
    await bus.start();
    await waitFor('the first subscription', async () => bus.receivingSince() !== null);

    redis.holdSubscribes = true;
    redis.subscriber!.destroy();
    await waitFor('a SUBSCRIBE after the reconnect', async () => redis.subscribesHeld > 0);
    await bus.close();
    // Rejections are reported once the microtask queue has drained.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled).toEqual([]);
  });
});

describe('Redis bus: after its subscriber connection drops', () => {
  it('hears the channel and its acknowledgements again, subscribed by the bus itself', async () => {
    const url = process.env.REDIS_URL!;
    const channel = `kitaab:events:resubscribed-${Date.now()}`;
    const logger = pino({ level: 'silent' });
    const [one, two] = [new RedisEventBus(url, channel, logger), new RedisEventBus(url, channel, logger)];
    try {
      await Promise.all([one.start(), two.start()]);
      const heard: unknown[] = [];
      two.subscribe('t', (message) => heard.push(message.id));
      const before = two.receivingSince();

      (two as unknown as { subscriber: { stream: net.Socket } }).subscriber.stream.destroy();
      await waitFor('the re-subscription', async () => (two.receivingSince() ?? 0) > (before ?? 0));

      const startedAt = Date.now();
      await one.publishAcknowledged('t', { id: '1' });
      await two.publishAcknowledged('t', { id: '2' });
      // Both waited for acknowledgements, not for the bound: two hears its own reply channel too.
      expect(Date.now() - startedAt).toBeLessThan(ACKNOWLEDGE_WAIT_MS);
      await waitFor('the message from the other instance', async () => heard.includes('1'));
      expect(heard).toEqual(['1', '2']);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
