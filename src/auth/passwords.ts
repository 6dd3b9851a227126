import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` is a const enum in the package's typings, which swc cannot inline: its value
// for argon2id is 2. The library's other defaults (19 MiB, t=2, p=1) are OWASP's minimum.
const ARGON2ID = 2 as Algorithm;

/** Contract bounds for passwords (CONTRACT.md section 8). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * An argon2id hash with a random salt. `salt` is for demo data only (src/ops/demo-data): a
 * fixed salt makes its one published demo password hash the same on every run.
 */
export function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...(salt ? { salt } : {}) });
}

// Verified against when the account does not exist, so an unknown email takes as long to
// refuse as a wrong password (no timing oracle for registered addresses).
let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `passwordHash`. A missing account (`null`) or an unreadable
 * stored hash never matches.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  if (passwordHash === null) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
