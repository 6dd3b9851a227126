import type { IncomingHttpHeaders } from 'node:http';
import type { User as UserRecord } from '../generated/prisma/client';
import { unauthenticated } from '../lib/errors';
import { InvalidAccessTokenError, verifyAccessToken } from './access-token';

/** The signed-in user a request acts as. */
export interface Viewer {
  readonly id: bigint;
  /** The live user row, loaded once per request while checking the token. */
  readonly user: UserRecord;
  /** When the token expires (a subscription socket closes then). */
  readonly tokenExpiresAt: Date;
}

export interface ViewerDependencies {
  jwtKey: Uint8Array;
  /**
   * The live user a token names (modules/users' UserService). Described here rather than
   * imported: the users module imports `Viewer` from this file, so auth never imports it back.
   */
  users: { findLiveById(id: bigint): Promise<UserRecord | null> };
}

const INVALID_TOKEN_MESSAGE = 'Invalid or expired token';

/**
 * The error for a token that was sent but cannot be accepted. It fails the whole request
 * (public operations and `me` included, CONTRACT.md section 2) so clients drop the token;
 * HTTP 200 like any other GraphQL error response, so clients see it in `errors`.
 */
function invalidToken() {
  const error = unauthenticated(INVALID_TOKEN_MESSAGE);
  error.extensions.http = { status: 200 };
  return error;
}

/**
 * `Authorization: Bearer <JWT>` → the viewer; no header → null (anonymous). A header that
 * is not a valid, unexpired, unrevoked token for a live user throws UNAUTHENTICATED.
 */
export async function resolveViewerFromAuthorization(
  authorization: string | undefined,
  deps: ViewerDependencies,
): Promise<Viewer | null> {
  if (authorization === undefined || authorization.trim() === '') return null;

  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw invalidToken();

  let claims;
  try {
    claims = await verifyAccessToken(match[1], deps.jwtKey);
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) throw invalidToken();
    throw error;
  }

  const user = await deps.users.findLiveById(claims.userId);
  if (!user) throw invalidToken();
  // `iat` has whole seconds: compare at that precision, or a token issued in the same
  // second as the password change would be refused.
  if (claims.issuedAt < Math.floor(user.passwordChangedAt.getTime() / 1000)) throw invalidToken();

  return { id: user.id, user, tokenExpiresAt: new Date(claims.expiresAt * 1000) };
}

export function resolveViewer(
  req: { headers: IncomingHttpHeaders },
  deps: ViewerDependencies,
): Promise<Viewer | null> {
  return resolveViewerFromAuthorization(req.headers.authorization, deps);
}
