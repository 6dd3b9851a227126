import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app';

/** A real graphql-ws client for subscription tests, and a feed that collects what it receives. */

export interface ClosedSocket {
  code: number;
  reason: string;
}

export interface WsClient {
  readonly client: Client;
  /** Resolves with the close event of the first socket that closes. */
  readonly closed: Promise<ClosedSocket>;
  dispose(): Promise<void>;
}

export function wsUrl(app: TestApp): string {
  return app.url.replace(/^http/, 'ws');
}

export function connect(app: TestApp, connectionParams?: Record<string, unknown>): WsClient {
  let onClosed: (event: ClosedSocket) => void = () => {};
  const closed = new Promise<ClosedSocket>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: wsUrl(app),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    dispose: async () => {
      await client.dispose();
    },
  };
}

/**
 * How many times the server subscribed to a topic of its event bus: graphql-ws has no
 * per-operation acknowledgement, so tests wait on this before writing.
 */
export function topicSubscriptions(app: TestApp): (topic: string) => number {
  const spy = jest.spyOn(app.server.events, 'subscribe');
  return (topic) => spy.mock.calls.filter(([subscribed]) => subscribed === topic).length;
}

/** Starts `query` and resolves once the server listens to `topic`. */
export async function subscribeTo(
  listens: (topic: string) => number,
  topic: string,
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Feed> {
  const before = listens(topic);
  const feed = new Feed(client, query, variables);
  await until(() => listens(topic) > before, 5_000, `the server-side subscription to ${topic}`);
  return feed;
}

/** Resolves once `condition()` holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Everything one subscription received, read in order with `next()`. */
export class Feed<TData = Record<string, any>> {
  readonly results: Array<FormattedExecutionResult<TData, unknown>> = [];
  error: unknown;
  completed = false;
  private read = 0;
  private readonly unsubscribe: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.unsubscribe = client.subscribe<TData>(
      { query, variables },
      {
        next: (result) => void this.results.push(result),
        error: (error) => {
          this.error = error;
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** The next result not read yet. */
  async next(timeoutMs = 5_000): Promise<FormattedExecutionResult<TData, unknown>> {
    await until(() => this.results.length > this.read || this.error !== undefined || this.completed, timeoutMs, 'a subscription event');
    const result = this.results[this.read];
    if (!result) throw new Error(`subscription ended without a result: ${JSON.stringify(this.error ?? 'completed')}`);
    this.read += 1;
    return result;
  }

  /**
   * The protocol's `error` message: what the server refused before running the operation
   * (invalid document, bad variables). Errors raised while subscribing come as a result.
   */
  async refusal(timeoutMs = 5_000): Promise<unknown> {
    await until(() => this.error !== undefined || this.completed, timeoutMs, 'a refusal');
    return this.error;
  }

  /** Results received but not read yet. */
  get unread(): Array<FormattedExecutionResult<TData, unknown>> {
    return this.results.slice(this.read);
  }

  stop(): void {
    this.unsubscribe();
  }
}
