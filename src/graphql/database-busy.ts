import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { HashingQueueFullError, PASSWORD_HASHING_BUSY_REASON } from '../auth/hashing-queue';
import { DATABASE_BUSY_MESSAGE, DATABASE_BUSY_REASON, DATABASE_BUSY_RETRY_AFTER_SECONDS, isPoolWaitExceeded } from '../db/pool-wait';
import { anyInErrorChain } from '../lib/error-chain';
import { ErrorCode } from '../lib/errors';

/**
 * Why a request is refused as busy, if it is: no database connection came free in time
 * (db/pool-wait.ts), or too many password checks are already waiting (auth/hashing-queue.ts).
 */
export function busyReasonOf(error: unknown): string | undefined {
  if (isPoolWaitExceeded(error)) return DATABASE_BUSY_REASON;
  if (anyInErrorChain(error, (inner) => inner instanceof HashingQueueFullError)) return PASSWORD_HASHING_BUSY_REASON;
  return undefined;
}

/**
 * HTTP 503 with `Retry-After` for a request refused as busy: what load balancers and HTTP
 * clients know to retry. The body
 * keeps the GraphQL error (format-error.ts gives it its message and reason).
 */
const BUSY_STATUS = 503;

function busyHeaders(): HeaderMap {
  return new HeaderMap([['retry-after', String(DATABASE_BUSY_RETRY_AFTER_SECONDS)]]);
}

/** For failures before execution (the token check in the context): Apollo reads the status from the error. */
export function asDatabaseBusy(error: unknown, requestId: string): unknown {
  if (!isPoolWaitExceeded(error)) return error;
  return new GraphQLError(DATABASE_BUSY_MESSAGE, {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      requestId,
      // Apollo iterates these headers as a Map; graphql-yoga's typings (pulled in by the
      // explorer's renderer) declare a plain record for the same extension.
      http: { status: BUSY_STATUS, headers: busyHeaders() as unknown as Record<string, string> },
    },
  });
}

/** For failures during execution: any field refused as busy makes the whole answer a 503. */
export function databaseBusyPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (!errors.some((error) => busyReasonOf(error) !== undefined)) return;
          response.http.status = BUSY_STATUS;
          for (const [name, value] of busyHeaders()) response.http.headers.set(name, value);
        },
      };
    },
  };
}
