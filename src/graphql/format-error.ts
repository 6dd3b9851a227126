import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, INTERNAL_ERROR_MESSAGE } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { currentRequestScope } from '../lib/request-scope';
import { ScalarInputError } from '../lib/scalars';

/** A scalar refused its input (our scalars throw ScalarInputError; the ID scalar a BAD_USER_INPUT GraphQLError). */
function causedByBadScalar(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = (current as { originalError?: unknown }).originalError) {
    if (current instanceof ScalarInputError) return true;
    if (current instanceof GraphQLError && current.extensions.code === ErrorCode.BAD_USER_INPUT) return true;
    if ((current as { originalError?: unknown }).originalError === current) break;
  }
  return false;
}

function withCode(formatted: GraphQLFormattedError, code: ErrorCode): GraphQLFormattedError {
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/**
 * Apollo's `formatError`: errors the server raised on purpose keep their code and message;
 * anything unexpected is logged with the request id and masked for the client
 * (CONTRACT.md section 11).
 */
export function createErrorFormatter(fallbackLogger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;

    // A literal like `date: "2025-02-30"` fails in validation; the contract calls it bad input.
    if (causedByBadScalar(error)) return withCode(formatted, ErrorCode.BAD_USER_INPUT);
    // The contract has one code for documents the server refuses, syntax errors included.
    if (code === 'GRAPHQL_PARSE_FAILED') return withCode(formatted, ErrorCode.GRAPHQL_VALIDATION_FAILED);
    if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;

    const scope = currentRequestScope();
    const logger = scope?.logger ?? fallbackLogger;
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(scope ? { requestId: scope.requestId } : {}) },
    };
  };
}
