import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';

/** CONTRACT.md section 2: tokens live 24 h; there is no refresh token. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  userId: bigint;
  /** Seconds since the epoch (the JWT `iat`). */
  issuedAt: number;
  /** Seconds since the epoch (the JWT `exp`). */
  expiresAt: number;
}

export class InvalidAccessTokenError extends Error {
  override name = 'InvalidAccessTokenError';
}

export function accessTokenKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(
  userId: bigint,
  key: Uint8Array,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(userId.toString())
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Tokens whose signature was checked, by key: a client sends the same token with every
 * request for a day, and checking an HMAC through WebCrypto costs more CPU than the rest of
 * a small request. The claims are all a signature proves; expiry is checked on every use,
 * and revocation (password change, deleted account) is the caller's check against the
 * user's row, as before.
 */
const verifiedTokens = new WeakMap<Uint8Array, LRUCache<string, AccessTokenClaims>>();
const VERIFIED_TOKENS_PER_KEY = 10_000;

function isExpired(claims: AccessTokenClaims): boolean {
  return claims.expiresAt <= Math.floor(Date.now() / 1000);
}

/** Checks signature, algorithm and expiry; throws `InvalidAccessTokenError` otherwise. */
export async function verifyAccessToken(token: string, key: Uint8Array): Promise<AccessTokenClaims> {
  let verified = verifiedTokens.get(key);
  if (!verified) {
    verified = new LRUCache({ max: VERIFIED_TOKENS_PER_KEY });
    verifiedTokens.set(key, verified);
  }
  const known = verified.get(token);
  if (known) {
    if (!isExpired(known)) return known;
    verified.delete(token);
    throw new InvalidAccessTokenError('"exp" claim timestamp check failed');
  }
  const claims = await checkSignature(token, key);
  verified.set(token, claims);
  return claims;
}

async function checkSignature(token: string, key: Uint8Array): Promise<AccessTokenClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], requiredClaims: ['sub', 'iat', 'exp'] }));
  } catch (error) {
    throw new InvalidAccessTokenError(error instanceof Error ? error.message : 'unverifiable token');
  }
  if (!payload.sub || !/^[1-9]\d{0,18}$/.test(payload.sub)) throw new InvalidAccessTokenError('malformed subject');
  return { userId: BigInt(payload.sub), issuedAt: payload.iat as number, expiresAt: payload.exp as number };
}

/**
 * When a password change made at `now` takes effect: the start of the next whole second.
 * Tokens carry `iat` in whole seconds and are refused when `iat` is before this instant's
 * second, so every token issued up to and including the second of the change dies with it.
 */
export function passwordChangeEffectiveAt(now: Date = new Date()): Date {
  return new Date((Math.floor(now.getTime() / 1000) + 1) * 1000);
}

/**
 * A token for `user` that its current password epoch accepts: issued at `now`, or at
 * `passwordChangedAt` when that is still ahead (a change made within the last second).
 */
export function signAccessTokenFor(
  user: { id: bigint; passwordChangedAt: Date },
  key: Uint8Array,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = user.passwordChangedAt > now ? user.passwordChangedAt : now;
  return signAccessToken(user.id, key, issuedAt);
}
