import { GraphQLError } from 'graphql';

/** `errors[].extensions.code` values of CONTRACT.md section 11 (plus the HTTP-level ones of section 8). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** PERSISTED_OPERATIONS=only: not an operation of the trusted-documents manifest (graphql/trusted-documents.ts). */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** An operation priced under the cost limit resolved more objects than the runtime backstop allows. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** One invalid part of an argument, e.g. `{ path: ['input', 'entries', 3, 'count'], ... }`. */
export interface FieldError {
  path: ReadonlyArray<string | number>;
  message: string;
  /** Which rule failed (`max`, `required`, `isEmail`, ...). */
  constraint: string;
}

/** Why a FORBIDDEN, CONFLICT or BAD_USER_INPUT happened, when clients may branch on it. */
export type ErrorReason = 'EMAIL_NOT_VERIFIED' | 'CYCLE' | (string & {});

function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Missing, invalid, expired or revoked token on an operation that needs one; failed login. */
export function unauthenticated(message = 'Authentication required'): GraphQLError {
  return codedError(ErrorCode.UNAUTHENTICATED, message);
}

/** The viewer can see the object but may not perform the action. */
export function forbidden(message = 'Not allowed', reason?: ErrorReason): GraphQLError {
  return codedError(ErrorCode.FORBIDDEN, message, reason ? { reason } : {});
}

/**
 * Missing or not visible: the message must not reveal which, so callers pass only the
 * kind of object (`notFound('Deed')` gives "Deed not found").
 */
export function notFound(what = 'Object'): GraphQLError {
  return codedError(ErrorCode.NOT_FOUND, `${what} not found`);
}

export function badUserInput(
  message: string,
  options: { fieldErrors?: FieldError[]; reason?: ErrorReason } = {},
): GraphQLError {
  const extensions: Record<string, unknown> = {};
  if (options.fieldErrors?.length) extensions.fieldErrors = options.fieldErrors;
  if (options.reason) extensions.reason = options.reason;
  return codedError(ErrorCode.BAD_USER_INPUT, message, extensions);
}

/** A single invalid argument value, with its path and the rule it broke. */
export function invalidField(path: FieldError['path'], message: string, constraint: string): GraphQLError {
  return badUserInput(message, { fieldErrors: [{ path, message, constraint }] });
}

export function conflict(message: string, reason?: ErrorReason): GraphQLError {
  return codedError(ErrorCode.CONFLICT, message, reason ? { reason } : {});
}

/** `retryAfterSeconds` is rounded up: a client that waits that long may try again. */
export function rateLimited(retryAfterSeconds: number, message = 'Too many requests'): GraphQLError {
  return codedError(ErrorCode.RATE_LIMITED, message, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

/**
 * Query limits (section 8): depth, complexity, root fields, aliases, and expensive root fields
 * per operation (password checks, dashboards).
 */
export type QueryLimitReason = 'DEPTH' | 'COMPLEXITY' | 'ROOT_FIELDS' | 'ALIASES' | 'CREDENTIAL_FIELDS' | 'DASHBOARDS';

export function queryLimitExceeded(message: string, reason: QueryLimitReason): GraphQLError {
  return codedError(ErrorCode.GRAPHQL_VALIDATION_FAILED, message, { reason });
}

/** Body of an HTTP-level error response (413, 400) in the GraphQL error shape. */
export function httpErrorBody(code: ErrorCode, message: string): { errors: Array<{ message: string; extensions: { code: ErrorCode } }> } {
  return { errors: [{ message, extensions: { code } }] };
}
