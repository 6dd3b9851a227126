import { anyInErrorChain } from '../lib/error-chain';

/**
 * A request that waited `DB_POOL_WAIT_MS` for a database connection without getting one is
 * refused as busy: the server is overloaded, not broken, and the same request can succeed a
 * moment later. Clients get HTTP 503 with `Retry-After`, code INTERNAL_SERVER_ERROR (the
 * contract has no dedicated code), this message and `extensions.reason = "DATABASE_BUSY"`,
 * instead of the masked "Internal server error".
 */
export const DATABASE_BUSY_MESSAGE = 'The server is busy. Try again in a moment.';
export const DATABASE_BUSY_REASON = 'DATABASE_BUSY';
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

// pg-pool's error when `connectionTimeoutMillis` passes with no free connection.
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';
// Prisma's P2028 when `transactionOptions.maxWait` passes before a transaction could start.
const TRANSACTION_WAIT_MESSAGE = 'Unable to start a transaction in the given time';

/** Whether `error` is, or was caused by, a wait for a connection that ran out. */
export function isPoolWaitExceeded(error: unknown): boolean {
  return anyInErrorChain(error, (inner) => {
    const message = typeof inner.message === 'string' ? inner.message : '';
    return message.endsWith(POOL_TIMEOUT_MESSAGE) || message.includes(TRANSACTION_WAIT_MESSAGE);
  });
}
