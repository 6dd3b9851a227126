import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens sent by email (verification, password reset): 32 random bytes as base64url. Only
 * their sha256 (hex) is stored, so a database leak yields no usable token.
 */

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const EMAIL_VERIFICATION_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface OneTimeToken {
  /** Goes into the email; never stored. */
  token: string;
  /** Stored in `token_hash`. */
  tokenHash: string;
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateOneTimeToken(): OneTimeToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashOneTimeToken(token) };
}

/** Cheap pre-check: anything else cannot be one of ours (saves a query). */
export function looksLikeOneTimeToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
