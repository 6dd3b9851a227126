import { ErrorCode } from '../../lib/errors';

/** One row of CONTRACT.md section 9: at most `limit` hits in any sliding `windowMs`. */
export interface RateLimitScope {
  /** Part of the Redis key and of `extensions.scope` on RATE_LIMITED. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function scope(name: string, limit: number, windowMs: number): RateLimitScope {
  return { name, limit, windowMs };
}

export const SCOPES = {
  operationsPerUser: scope('OPERATIONS_PER_USER', 300, MINUTE),
  operationsPerIp: scope('OPERATIONS_PER_IP', 60, MINUTE),
  mutationsPerUser: scope('MUTATIONS_PER_USER', 120, MINUTE),
  loginFailures: scope('LOGIN_FAILURES', 5, 15 * MINUTE),
  /** Across addresses: a botnet guessing one account's password. */
  loginFailuresPerAccount: scope('LOGIN_FAILURES_PER_ACCOUNT', 20, 15 * MINUTE),
  /** Wrong current passwords in changePassword/deleteAccount: a stolen token guessing the password. */
  passwordCheckFailures: scope('PASSWORD_CHECK_FAILURES', 5, 15 * MINUTE),
  resetPasswordPerIp: scope('RESET_PASSWORD_PER_IP', 10, HOUR),
  /** Automatic persisted queries stored (a request carrying a hash and its query). */
  persistedQueryRegistrationsPerUser: scope('APQ_REGISTRATIONS_PER_USER', 100, HOUR),
  persistedQueryRegistrationsPerIp: scope('APQ_REGISTRATIONS_PER_IP', 20, HOUR),
  registrationsPerIp: scope('REGISTER_PER_IP', 5, HOUR),
  passwordResetsPerEmail: scope('PASSWORD_RESET_PER_EMAIL', 3, HOUR),
  passwordResetsPerIp: scope('PASSWORD_RESET_PER_IP', 20, HOUR),
  emailVerificationsPerEmail: scope('EMAIL_VERIFICATION_PER_EMAIL', 3, HOUR),
  emailVerificationsPerIp: scope('EMAIL_VERIFICATION_PER_IP', 20, HOUR),
  connectionRequestsPerUser: scope('CONNECTION_REQUESTS_PER_USER', 20, DAY),
  supportMessagesPerUser: scope('SUPPORT_MESSAGES_PER_USER', 10, HOUR),
  supportRepliesPerUser: scope('SUPPORT_REPLIES_PER_USER', 300, HOUR),
  dataExportsPerUser: scope('DATA_EXPORTS_PER_USER', 3, DAY),
} as const;

/**
 * Who a field's window counts: the signed-in user, the client address, the email the
 * mutation is about (`input.email`), or that email from that address.
 */
export type RateLimitSubject = 'user' | 'ip' | 'email' | 'emailAndIp';

export interface FieldRateLimit {
  readonly scope: RateLimitScope;
  readonly subject: RateLimitSubject;
  /**
   * Count only attempts that fail with this code. The slot is still taken before the field
   * runs (so that the sixth attempt is refused without checking the password, and racing
   * attempts cannot get past the limit), and given back once the field did not fail so.
   */
  readonly onlyFailingWith?: ErrorCode;
}

/** Failed password checks of an email: from one address, and from anywhere. */
const LOGIN_LIMITS: readonly FieldRateLimit[] = [
  { scope: SCOPES.loginFailures, subject: 'emailAndIp', onlyFailingWith: ErrorCode.UNAUTHENTICATED },
  { scope: SCOPES.loginFailuresPerAccount, subject: 'email', onlyFailingWith: ErrorCode.UNAUTHENTICATED },
];

/**
 * Per root mutation field, besides the per-operation scopes every request counts in. The
 * two `request…` mutations each have their own windows.
 */
export const MUTATION_FIELD_LIMITS: Readonly<Record<string, readonly FieldRateLimit[]>> = {
  login: LOGIN_LIMITS,
  restoreAccount: LOGIN_LIMITS,
  changePassword: [{ scope: SCOPES.passwordCheckFailures, subject: 'user', onlyFailingWith: ErrorCode.BAD_USER_INPUT }],
  deleteAccount: [{ scope: SCOPES.passwordCheckFailures, subject: 'user', onlyFailingWith: ErrorCode.BAD_USER_INPUT }],
  resetPassword: [{ scope: SCOPES.resetPasswordPerIp, subject: 'ip' }],
  register: [{ scope: SCOPES.registrationsPerIp, subject: 'ip' }],
  requestPasswordReset: [
    { scope: SCOPES.passwordResetsPerEmail, subject: 'email' },
    { scope: SCOPES.passwordResetsPerIp, subject: 'ip' },
  ],
  replyToSupportMessage: [{ scope: SCOPES.supportRepliesPerUser, subject: 'user' }],
  requestEmailVerification: [
    { scope: SCOPES.emailVerificationsPerEmail, subject: 'email' },
    { scope: SCOPES.emailVerificationsPerIp, subject: 'ip' },
  ],
  sendConnectionRequest: [{ scope: SCOPES.connectionRequestsPerUser, subject: 'user' }],
  sendSupportMessage: [{ scope: SCOPES.supportMessagesPerUser, subject: 'user' }],
  exportMyData: [{ scope: SCOPES.dataExportsPerUser, subject: 'user' }],
};

/**
 * Root fields that count as this many operations in the per-user / per-address window: an
 * uncached dashboard over up to a year costs far more than an ordinary read.
 */
export const ROOT_FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  dashboard: 10,
};
