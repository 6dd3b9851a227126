import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DATABASE_BUSY_MESSAGE, DATABASE_BUSY_RETRY_AFTER_SECONDS } from '../db/pool-wait';
import { createBoundedQueue } from '../lib/bounded-queue';
import { ErrorCode } from '../lib/errors';
import type { AdmissionLoad } from '../observability/metrics';
import { ConnectionParking } from './connection-parking';
import type { GraphqlHandler } from './request-handler';
import { sendJson } from './respond';

export const SERVER_BUSY_REASON = 'SERVER_BUSY';

export interface AdmissionOptions {
  /** GraphQL requests executing at once (MAX_CONCURRENT_REQUESTS). */
  readonly maxInFlight: number;
  /** Requests waiting for a turn, read or on a parked connection, before more are refused (MAX_QUEUED_REQUESTS). */
  readonly maxWaiting: number;
}

export interface Admission {
  /** The GraphQL route behind the queue. */
  readonly graphql: GraphqlHandler;
  load(): AdmissionLoad;
  /** Shutdown: wakes every parked connection so that its request is read and answered in the drain. */
  release(): Promise<void>;
}

class ServerBusy extends Error {}

/**
 * Admission control for `/graphql`. Without it every request a client opens starts at once:
 * with thousands of connections each holds its parsed body, context and pending statements,
 * memory grows with the crowd (841 MiB at 5,000 connections in the bench), and requests
 * queue inside the database pool until they pass DB_POOL_WAIT_MS and are refused as busy.
 * Here at most `maxInFlight` execute; the rest wait in arrival order with their body unread,
 * a request whose client left while waiting is dropped, and past `maxWaiting` a request is
 * refused at once: HTTP 503 with Retry-After. Once as many wait as execute, connections are
 * parked (connection-parking.ts) and their next requests wait unread in the kernel; parked
 * connections count as waiting, so the refusal still comes at `maxWaiting`.
 */
export function createAdmission(server: Server, graphql: GraphqlHandler, { maxInFlight, maxWaiting }: AdmissionOptions): Admission {
  // Parked connections count as waiting; read only once requests arrive, after both exist.
  const parked = () => parking?.size ?? 0;
  const queue = createBoundedQueue({ concurrency: maxInFlight, maxQueued: maxWaiting, waitingElsewhere: parked }, () => new ServerBusy());
  // With room for no more waiting requests than executing ones, parking would only delay refusals.
  const parking = maxInFlight < maxWaiting ? new ConnectionParking(server, { waiting: () => queue.queued, parkAt: maxInFlight, maxWaiting }) : undefined;

  const admitted: GraphqlHandler = async (request, res, scope, search) => {
    if (parking) {
      const socket = request.socket;
      parking.arrived(socket);
      res.once('finish', () => parking.answered(socket));
    }
    try {
      await queue.run(() => {
        parking?.wake();
        return clientLeft(request, res) ? Promise.resolve() : graphql(request, res, scope, search);
      });
    } catch (error) {
      if (!(error instanceof ServerBusy)) throw error;
      request.resume();
      res.setHeader('retry-after', String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
      sendJson(res, 503, {
        errors: [{ message: DATABASE_BUSY_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reason: SERVER_BUSY_REASON, requestId: scope.requestId } }],
      });
    }
  };

  return {
    graphql: admitted,
    load: () => ({ running: queue.running, waiting: queue.queued, parked: parked() }),
    release: async () => parking?.release(),
  };
}

function clientLeft(request: IncomingMessage, res: ServerResponse): boolean {
  return request.destroyed || res.destroyed;
}
