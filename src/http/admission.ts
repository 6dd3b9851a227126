import type { IncomingMessage, ServerResponse } from 'node:http';
import { DATABASE_BUSY_MESSAGE, DATABASE_BUSY_RETRY_AFTER_SECONDS } from '../db/pool-wait';
import { createBoundedQueue } from '../lib/bounded-queue';
import { ErrorCode } from '../lib/errors';
import type { GraphqlHandler } from './request-handler';
import { sendJson } from './respond';

export const SERVER_BUSY_REASON = 'SERVER_BUSY';

export interface AdmissionOptions {
  /** GraphQL requests executing at once (MAX_CONCURRENT_REQUESTS). */
  readonly maxInFlight: number;
  /** Requests waiting for a turn before more are refused (MAX_QUEUED_REQUESTS). */
  readonly maxWaiting: number;
}

class ServerBusy extends Error {}

/**
 * Admission control for `/graphql`. Without it every request a client opens starts at once:
 * with thousands of connections each holds its parsed body, context and pending statements,
 * memory grows with the crowd (841 MiB at 5,000 connections in the bench), and requests
 * queue inside the database pool until they pass DB_POOL_WAIT_MS and are refused as busy.
 * Here at most `maxInFlight` execute; the rest wait in arrival order with their body unread
 * (a socket and two small objects each), a request whose client left while waiting is
 * dropped, and past `maxWaiting` a request is refused at once: HTTP 503 with Retry-After.
 */
export function admitted(graphql: GraphqlHandler, { maxInFlight, maxWaiting }: AdmissionOptions): GraphqlHandler {
  const queue = createBoundedQueue({ concurrency: maxInFlight, maxQueued: maxWaiting }, () => new ServerBusy());
  return async (request, res, scope, search) => {
    try {
      await queue.run(() => (clientLeft(request, res) ? Promise.resolve() : graphql(request, res, scope, search)));
    } catch (error) {
      if (!(error instanceof ServerBusy)) throw error;
      request.resume();
      res.setHeader('retry-after', String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
      sendJson(res, 503, {
        errors: [{ message: DATABASE_BUSY_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reason: SERVER_BUSY_REASON, requestId: scope.requestId } }],
      });
    }
  };
}

function clientLeft(request: IncomingMessage, res: ServerResponse): boolean {
  return request.destroyed || res.destroyed;
}
