/**
 * Publish/subscribe of small after-commit notifications (CONTRACT.md section 10). Messages
 * carry ids only, as strings: subscribers re-read the rows they need with their own access
 * checks, so a message never leaks data and never goes stale in transit.
 */
export type EventMessage = Readonly<Record<string, string>>;

export type EventHandler = (message: EventMessage) => void;

export interface EventBus {
  /** `redis` reaches every instance on the same Redis; `memory` this process only. */
  readonly kind: 'redis' | 'memory';
  /**
   * Never throws and never waits for the network: handlers in this process run before it
   * returns, other instances get the message when Redis delivers it (or never, while it is down).
   */
  publish(topic: string, message: EventMessage): void;
  /**
   * Like publish, but resolves once every instance the message reached ran its handlers (or
   * after a bounded wait for a stalled one, or once Redis failed to answer: logged, never
   * thrown). For changes other instances must know of before the writer answers its client.
   */
  publishAcknowledged(topic: string, message: EventMessage): Promise<void>;
  /** Returns the function that stops this handler. */
  subscribe(topic: string, handler: EventHandler): () => void;
  /**
   * Whether messages from other instances are arriving, and since when: `null` while they
   * are not (Redis unreachable); a number that changes whenever some may have been missed
   * (a reconnect). What a cache kept while trusting those messages holds only for the same
   * number.
   */
  receivingSince(): number | null;
  /** Resolves once messages from other instances arrive (or after a bounded wait). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The handlers of this process by topic; both buses dispatch through it. */
export class LocalTopics {
  private readonly handlers = new Map<string, Set<EventHandler>>();

  constructor(private readonly onHandlerError: (error: unknown, topic: string) => void) {}

  subscribe(topic: string, handler: EventHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(topic);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) this.handlers.delete(topic);
    };
  }

  dispatch(topic: string, message: EventMessage): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(message);
      } catch (error) {
        this.onHandlerError(error, topic);
      }
    }
  }
}

/** No REDIS_URL: a single instance, so this process is everyone. */
export class MemoryEventBus implements EventBus {
  readonly kind = 'memory' as const;
  private readonly topics: LocalTopics;

  constructor(onHandlerError: (error: unknown, topic: string) => void) {
    this.topics = new LocalTopics(onHandlerError);
  }

  publish(topic: string, message: EventMessage): void {
    this.topics.dispatch(topic, message);
  }

  async publishAcknowledged(topic: string, message: EventMessage): Promise<void> {
    this.publish(topic, message);
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.topics.subscribe(topic, handler);
  }

  receivingSince(): number | null {
    return 0;
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
