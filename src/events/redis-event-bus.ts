import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from '../lib/logger';
import { answeredWithin } from '../lib/within';
import { LocalTopics, type EventBus, type EventHandler, type EventMessage } from './event-bus';

// Publishing never waits on a slow or absent Redis: the mutation that publishes already committed.
const PUBLISH_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
/** How long startup waits for the subscription before serving anyway. */
const START_WAIT_MS = 2_000;
/**
 * How long publishAcknowledged waits for the other instances to say they handled a message:
 * a stalled instance delays the writer's answer by this much at most, never fails it.
 */
export const ACKNOWLEDGE_WAIT_MS = 1_000;

interface Envelope {
  /** The publishing instance, which already dispatched the message to its own handlers. */
  origin: string;
  topic: string;
  message: EventMessage;
  /** Set by publishAcknowledged: receivers publish this id on the origin's reply channel once handled. */
  ack?: string;
}

/** The acknowledgements one publishAcknowledged waits for. */
class Acknowledgements {
  /** Heard so far, this instance's own receipt included; they may come before PUBLISH's answer. */
  private heard = 0;
  /** How many subscriptions Redis delivered the message to (PUBLISH's answer), once known. */
  private expected: number | null = null;
  private resolve!: (all: true) => void;
  readonly all = new Promise<true>((resolve) => {
    this.resolve = resolve;
  });

  hear(): void {
    this.heard += 1;
    this.settle();
  }

  expect(delivered: number): void {
    this.expected = delivered;
    this.settle();
  }

  missing(): number {
    return (this.expected ?? 0) - this.heard;
  }

  private settle(): void {
    if (this.expected !== null && this.heard >= this.expected) this.resolve(true);
  }
}

function retryStrategy(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { origin, topic, message } = value as Record<string, unknown>;
  return typeof origin === 'string' && typeof topic === 'string' && typeof message === 'object' && message !== null;
}

/** Where an instance hears that others handled what it published. */
function replyChannel(channel: string, instanceId: string): string {
  return `${channel}:ack:${instanceId}`;
}

/**
 * Cross-instance events over Redis pub/sub: one channel per deployment, every instance
 * subscribed once (a subscriber connection cannot run other commands, so it is separate
 * from the publisher), topics dispatched in-process. A message is handed to this instance's
 * own handlers directly, so they keep getting events while Redis is down; other instances
 * get them in publish order. Pub/sub is at-most-once: what is published while Redis is down
 * does not reach other instances. Redis answering a PUBLISH means it queued the message for
 * the other instances, not that they read it: publishAcknowledged therefore waits until each
 * instance Redis delivered to says on this instance's reply channel that its handlers ran.
 * Written here rather than with graphql-redis-subscriptions: that package's PubSub awaits
 * Redis on publish and delivers to local subscribers only through Redis, both of which this
 * bus must not do (a committed write never waits on Redis, and this instance's subscribers
 * keep their events through an outage).
 */
export class RedisEventBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly instanceId = randomUUID();
  private readonly replyChannel: string;
  private readonly topics: LocalTopics;
  private readonly pending = new Map<string, Acknowledgements>();
  private acknowledgementIds = 0;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** receivingSince(): bumped each time the channel is (re)subscribed, null while the link is down. */
  private subscribedSince: number | null = null;
  private subscriptions = 0;

  constructor(
    url: string,
    /** Redis channel shared by the instances of one deployment (see createEventBus). */
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    this.replyChannel = replyChannel(channel, this.instanceId);
    this.topics = new LocalTopics((error, topic) => logger.error({ err: error, topic }, 'event handler failed'));
    this.publisher = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: PUBLISH_TIMEOUT_MS,
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      retryStrategy,
    });
    // Keeps SUBSCRIBE queued until Redis answers. ioredis' own re-subscription after a reconnect
    // is off: it never handles that command's failure, so a close before Redis answered it left
    // an unhandled "Connection is closed." rejection; the 'ready' handler below re-subscribes.
    this.subscriber = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy, autoResubscribe: false });
    for (const [role, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) => logger.warn({ err: error, role }, 'redis event bus connection error'));
    }
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
      else if (channel === this.replyChannel) this.pending.get(raw)?.hear();
    });
    this.subscriber.on('close', () => {
      this.subscribedSince = null;
    });
    // After every reconnect: the moment Redis confirms is the moment messages arrive again.
    this.subscriber.on('ready', () => {
      this.subscribeChannels().then(
        () => this.markSubscribed(),
        () => undefined,
      );
    });
  }

  async start(): Promise<void> {
    this.publisher.connect().catch(() => {
      // Logged by the error listener; ioredis keeps reconnecting.
    });
    const subscribed = this.subscribeChannels().then(
      () => {
        this.markSubscribed();
        return true;
      },
      (error: unknown) => {
        this.logger.warn({ err: error }, 'redis event bus could not subscribe');
        return false;
      },
    );
    if (!(await answeredWithin(subscribed, START_WAIT_MS))) this.logger.warn('redis event bus is not subscribed yet: other instances\' events arrive once Redis answers');
  }

  publish(topic: string, message: EventMessage): void {
    this.topics.dispatch(topic, message);
    void this.send({ origin: this.instanceId, topic, message });
  }

  async publishAcknowledged(topic: string, message: EventMessage): Promise<void> {
    this.topics.dispatch(topic, message);
    const ack = String(++this.acknowledgementIds);
    const acknowledgements = new Acknowledgements();
    this.pending.set(ack, acknowledgements);
    try {
      const delivered = await this.send({ origin: this.instanceId, topic, message, ack });
      if (delivered === null) return;
      acknowledgements.expect(delivered);
      if (!(await answeredWithin(acknowledgements.all, ACKNOWLEDGE_WAIT_MS))) {
        this.logger.warn({ topic, delivered, missing: acknowledgements.missing() }, 'not every instance acknowledged the event in time');
      }
    } finally {
      this.pending.delete(ack);
    }
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.topics.subscribe(topic, handler);
  }

  receivingSince(): number | null {
    return this.subscribedSince;
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher, this.subscriber].map(quit));
  }

  /** How many connections Redis delivered the envelope to, or null when it was not published (logged). */
  private async send(envelope: Envelope): Promise<number | null> {
    try {
      return await this.publisher.publish(this.channel, JSON.stringify(envelope));
    } catch (error) {
      this.logger.warn({ err: error, topic: envelope.topic }, 'event not published to other instances');
      return null;
    }
  }

  /** The deployment's channel and this instance's reply channel, at start and after every reconnect. */
  private subscribeChannels(): Promise<unknown> {
    return this.subscriber.subscribe(this.channel, this.replyChannel);
  }

  private markSubscribed(): void {
    if (this.subscriber.status === 'ready') this.subscribedSince = ++this.subscriptions;
  }

  private receive(raw: string): void {
    let envelope: unknown;
    try {
      envelope = JSON.parse(raw);
    } catch {
      envelope = undefined;
    }
    if (!isEnvelope(envelope)) {
      this.logger.warn('malformed message on the event channel');
      return;
    }
    const { origin, topic, message, ack } = envelope;
    if (origin === this.instanceId) {
      // Its handlers ran when it was published; its own subscription is one of those Redis counted.
      if (typeof ack === 'string') this.pending.get(ack)?.hear();
      return;
    }
    this.topics.dispatch(topic, message);
    if (typeof ack === 'string') {
      this.publisher.publish(replyChannel(this.channel, origin), ack).catch((error: unknown) => {
        this.logger.warn({ err: error, topic }, 'event not acknowledged to its publisher');
      });
    }
  }
}

/**
 * Publishes one message to the instances on `channel` from a process that runs no bus (a
 * command-line tool), waiting until Redis took it.
 */
export async function publishOnce(url: string, channel: string, topic: string, message: EventMessage): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const envelope: Envelope = { origin: randomUUID(), topic, message };
    await client.publish(channel, JSON.stringify(envelope));
  } finally {
    await quit(client);
  }
}

async function quit(client: Redis): Promise<void> {
  // Only a connected client can say goodbye; otherwise stop reconnect attempts outright.
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
