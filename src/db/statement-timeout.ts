import { anyInErrorChain } from '../lib/error-chain';

/**
 * PostgreSQL cancels a statement that runs past `statement_timeout` (`DB_STATEMENT_TIMEOUT_MS`)
 * with SQLSTATE 57014 (query_canceled). The client then gets a clear error instead of the
 * masked "Internal server error": INTERNAL_SERVER_ERROR (the contract has no dedicated code)
 * with this message and `extensions.reason = "DATABASE_TIMEOUT"`, so it can retry or narrow
 * the request. The message tells nothing about the data.
 */
export const DATABASE_TIMEOUT_MESSAGE = 'The database took too long to answer. Try again, or ask for less at once.';
export const DATABASE_TIMEOUT_REASON = 'DATABASE_TIMEOUT';

const QUERY_CANCELED = '57014';

/**
 * Whether `error` was caused by a cancelled statement. It arrives wrapped: pg's error (code)
 * inside the driver adapter's (`cause.code`), inside Prisma's (`meta.driverAdapterError`),
 * inside GraphQL's (`originalError`), so the chain is walked.
 */
export function isStatementTimeout(error: unknown): boolean {
  return anyInErrorChain(error, (inner) => inner.code === QUERY_CANCELED || inner.originalCode === QUERY_CANCELED);
}
