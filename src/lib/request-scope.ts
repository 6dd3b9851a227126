import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

/**
 * The state of one HTTP request or WebSocket operation: its id, its logger, what it did (for
 * the request log and metrics) and, with read replicas, where its reads go. It is created
 * once per request and travels in the GraphQL context.
 *
 * Code that is not handed the context (the database adapter counting statements, the
 * replica router) finds it through ONE AsyncLocalStorage, entered only when something needs
 * it (`enterAsyncScope` in http/graphql-route.ts): on Node 20 any entered AsyncLocalStorage turns on promise hooks
 * for the whole process, which cost a fifth of the CPU of a request when three stores were
 * entered on every one.
 */
export class RequestScope {
  operationName: string | null = null;
  viewerId: string | null = null;
  /** SQL statements counted at the driver while this request was in the async scope. */
  sqlStatements = 0;
  /** Set once the operation is known to be a query (read replicas serve it). */
  readOnly = false;
  /** The replica serving this request's reads, picked on its first routed read. */
  replica: unknown = undefined;
  #logger: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly rootLogger: Logger,
  ) {}

  /** Carries `requestId` on every line; built on first use (most requests never log). */
  get logger(): Logger {
    this.#logger ??= this.rootLogger.child({ requestId: this.requestId });
    return this.#logger;
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request whose async work is running, when it was entered. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed `X-Request-Id` from a proxy so logs line up across hops. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}
