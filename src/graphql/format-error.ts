import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DATABASE_BUSY_MESSAGE } from '../db/pool-wait';
import { DATABASE_TIMEOUT_MESSAGE, DATABASE_TIMEOUT_REASON, isStatementTimeout } from '../db/statement-timeout';
import { ErrorCode, INTERNAL_ERROR_MESSAGE } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { ScalarInputError } from '../lib/scalars';
import { busyReasonOf } from './database-busy';
import { fieldErrorsFromVariableError } from './variable-field-errors';

/** A scalar refused its input (our scalars throw ScalarInputError; the ID scalar a BAD_USER_INPUT GraphQLError). */
function causedByBadScalar(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = (current as { originalError?: unknown }).originalError) {
    if (current instanceof ScalarInputError) return true;
    if (current instanceof GraphQLError && current.extensions.code === ErrorCode.BAD_USER_INPUT) return true;
    if ((current as { originalError?: unknown }).originalError === current) break;
  }
  return false;
}

/**
 * Apollo's own refusals of a malformed request (an APQ hash that does not match its query, an
 * unknown APQ version) set an HTTP 4xx but no code: they are the client's fault, not ours.
 */
function isRefusedRequest(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const TIMED_OUT = { message: DATABASE_TIMEOUT_MESSAGE, reason: DATABASE_TIMEOUT_REASON, log: 'database statement timed out' };

/** Not bugs but load problems, and the client can act on them: say so (db/statement-timeout.ts, graphql/database-busy.ts). */
function overloadOf(error: unknown) {
  if (isStatementTimeout(error)) return TIMED_OUT;
  const busy = busyReasonOf(error);
  return busy ? { message: DATABASE_BUSY_MESSAGE, reason: busy, log: `refused as busy (${busy})` } : undefined;
}

function withCode(formatted: GraphQLFormattedError, code: ErrorCode): GraphQLFormattedError {
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/** Bad input always carries `fieldErrors`; for variables that failed coercion, read them from the message. */
function withFieldErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.BAD_USER_INPUT || formatted.extensions.fieldErrors) return formatted;
  const fieldErrors = fieldErrorsFromVariableError(formatted.message);
  return fieldErrors ? { ...formatted, extensions: { ...formatted.extensions, fieldErrors } } : formatted;
}

/** An error the server did not raise on purpose: masked for the client, logged for us. */
function isUnexpected(code: unknown, error: unknown): boolean {
  if (causedByBadScalar(error) || code === 'GRAPHQL_PARSE_FAILED' || isRefusedRequest(error)) return false;
  return code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Logs an unexpected error: a warning for load problems, an error for everything else. */
export function logUnexpectedError(error: unknown, logger: Logger, path?: GraphQLFormattedError['path']): void {
  const overload = overloadOf(error);
  const fields = { err: unwrapResolverError(error), ...(path ? { path } : {}) };
  if (overload) logger.warn(fields, overload.log);
  else logger.error(fields, 'unexpected error');
}

/**
 * Apollo's `formatError`: errors the server raised on purpose keep their code and message;
 * anything unexpected is masked for the client (CONTRACT.md section 11). It has no request at
 * hand: errorReportingPlugin logs the unexpected ones and adds the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;

  // A literal like `date: "2025-02-30"` fails in validation; the contract calls it bad input.
  if (causedByBadScalar(error)) return withFieldErrors(withCode(formatted, ErrorCode.BAD_USER_INPUT));
  // The contract has one code for documents the server refuses, syntax errors included.
  if (code === 'GRAPHQL_PARSE_FAILED') return withCode(formatted, ErrorCode.GRAPHQL_VALIDATION_FAILED);
  if (isRefusedRequest(error)) return withCode(formatted, ErrorCode.BAD_REQUEST);
  if (!isUnexpected(code, error)) return withFieldErrors(formatted);

  const overload = overloadOf(error);
  const requestId = formatted.extensions?.requestId;
  return {
    message: overload?.message ?? INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(overload ? { reason: overload.reason } : {}),
      ...(typeof requestId === 'string' ? { requestId } : {}),
    },
  };
}

/** The request id on every masked error, so a user's report leads to the log line. */
export function withRequestId(errors: readonly GraphQLFormattedError[], requestId: string): GraphQLFormattedError[] {
  return errors.map((formatted) =>
    formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.extensions.requestId === undefined
      ? { ...formatted, extensions: { ...formatted.extensions, requestId } }
      : formatted,
  );
}

/** Logs, with the request's logger, every error `formatError` masks. */
export function logUnexpectedErrors(errors: readonly GraphQLError[], logger: Logger): void {
  for (const error of errors) {
    if (isUnexpected(error.extensions?.code, error)) logUnexpectedError(error, logger, error.path);
  }
}

/** Where formatError's masked errors get their log line and request id: the plugin sees the context. */
export function errorReportingPlugin<TContext extends { logger: Logger; requestId: string }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          logUnexpectedErrors(errors, contextValue.logger);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = withRequestId(response.body.singleResult.errors, contextValue.requestId);
        },
      };
    },
  };
}
