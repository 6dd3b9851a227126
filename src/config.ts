import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the server reads (CONTRACT.md section 12 plus operational
 * knobs), parsed and validated once. Nothing else in src/ reads process.env.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'development' | 'test' | 'production';
export type PersistedOperationsMode = 'off' | 'only';

export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  /** Unset: the embedded PGlite database under `<dataDir>/pglite`. */
  readonly databaseUrl: string | undefined;
  readonly databaseReplicaUrls: readonly string[];
  readonly dbPoolMax: number;
  readonly dbStatementTimeoutMs: number;
  /** How long a request waits for a pooled connection before it is refused as busy. */
  readonly dbPoolWaitMs: number;
  readonly slowQueryMs: number;
  /** Unset: an in-process cache (single instance only). */
  readonly redisUrl: string | undefined;
  /** Absolute path. */
  readonly dataDir: string;
  /** Unset outside production: see `loadJwtSecret`, which generates and keeps one. */
  readonly jwtSecret: string | undefined;
  readonly migrateOnStart: boolean;
  readonly rateLimits: boolean;
  /**
   * Express' `trust proxy`: which proxies may name the client in X-Forwarded-For (the address
   * audit rows record and per-IP rate limits count). false: the socket's peer is the client.
   */
  readonly trustProxy: false | number | string;
  /** Absolute path. */
  readonly mailOutboxDir: string;
  /**
   * MAIL_OUTBOX_DIR was set. With NODE_ENV=production and no SMTP_URL, only then are messages
   * (reset and verification tokens included) written as files: see mail/index.ts.
   */
  readonly mailOutboxConfigured: boolean;
  readonly smtpUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly explorer: boolean;
  readonly reminders: boolean;
  readonly persistedOperations: PersistedOperationsMode;
  /** Absolute path. */
  readonly backupDir: string;
  readonly backupKeepDays: number;
  readonly archiveAfterDays: number;
  /** audit_log rows older than this many days are deleted by the daily retention job. */
  readonly auditRetentionDays: number;
  /** Grace period of a deleted account before the purge erases it. */
  readonly accountPurgeAfterDays: number;
  /** How long a user row read for a token may serve later requests (modules/users/live-users.ts); 0: never. */
  readonly viewerCacheSeconds: number;
  /** GraphQL requests executing at once; more wait their turn (http/admission.ts). */
  readonly maxConcurrentRequests: number;
  /** Requests waiting for a turn before more are refused as busy (HTTP 503). */
  readonly maxQueuedRequests: number;
  /** argon2 hashes running at once; unset: one fewer than the machine's cores (auth/hashing-queue.ts). */
  readonly passwordHashConcurrency: number | undefined;
  /** Password checks waiting for a hashing slot before more are refused as busy (HTTP 503). */
  readonly passwordHashQueueMax: number;
  /** Serve /metrics only on this port (of `metricsHost`), not beside the API. Unset: on the API's port. */
  readonly metricsPort: number | undefined;
  readonly metricsHost: string;
  /**
   * Count SQL statements per GraphQL operation (request log, metrics). It needs an
   * AsyncLocalStorage scope around every request, which costs every promise on Node 20.
   */
  readonly operationSqlStats: boolean;
  /** A document runs compiled by graphql-jit from its nth use (graphql/compiled-execution.ts); 0: never. */
  readonly compileAtUse: number;
}

export class ConfigError extends Error {
  constructor(problem: string) {
    super(`Invalid configuration: ${problem}`);
    this.name = 'ConfigError';
  }
}

const MIN_JWT_SECRET_LENGTH = 32;

// Values of these variables may hold credentials: error messages never echo them.
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET']);

type Raw = string | undefined;

/** Fails the parse with `problem` ("must be ..."), which names no variable: the caller adds it. */
function fail(ctx: z.RefinementCtx, problem: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
}

// An empty value (`PORT=` in an env file) means "use the default", as if unset.
const raw = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

function integer<F extends number | undefined>(min: number, max: number, fallback: F) {
  return raw.transform((value, ctx): number | F => {
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      return fail(ctx, `must be an integer between ${min} and ${max}`);
    }
    return parsed;
  });
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function flag(fallback: boolean | undefined) {
  return raw.transform((value, ctx): boolean | undefined => {
    if (value === undefined) return fallback;
    const word = value.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return fail(ctx, 'must be one of on, off, true, false, 1, 0, yes, no');
  });
}

function oneOf<const T extends string>(values: readonly T[], fallback: T) {
  return raw.transform((value, ctx): T => {
    if (value === undefined) return fallback;
    const match = values.find((candidate) => candidate === value.toLowerCase());
    return match ?? fail(ctx, `must be one of ${values.join(', ')}`);
  });
}

function checkUrl(value: string, protocols: readonly string[]): string | undefined {
  const expected = protocols.map((protocol) => `${protocol}//`).join(' or ');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be a ${expected} URL`;
  }
  if (!protocols.includes(url.protocol)) return `must be a ${expected} URL (got scheme "${url.protocol}")`;
  if (!url.hostname && !url.searchParams.has('host')) return `must name a host (${expected}HOST...)`;
  return undefined;
}

function url(protocols: readonly string[]) {
  return raw.transform((value, ctx): string | undefined => {
    if (value === undefined) return undefined;
    const problem = checkUrl(value, protocols);
    return problem ? fail(ctx, problem) : value;
  });
}

function urlList(protocols: readonly string[]) {
  return raw.transform((value, ctx): string[] => {
    if (value === undefined) return [];
    const urls = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    for (const [index, item] of urls.entries()) {
      const problem = checkUrl(item, protocols);
      if (problem) return fail(ctx, `entry ${index + 1} ${problem}`);
    }
    return urls;
  });
}

const directory = raw;

const host = raw.transform((value, ctx) => {
  if (value === undefined) return '127.0.0.1';
  return /^[A-Za-z0-9.:\-[\]]+$/.test(value) ? value : fail(ctx, 'must be a host name or IP address');
});

const jwtSecret = raw.transform((value, ctx) => {
  if (value === undefined) return undefined;
  return value.length >= MIN_JWT_SECRET_LENGTH
    ? value
    : fail(ctx, `must be at least ${MIN_JWT_SECRET_LENGTH} characters long`);
});

const POSTGRES = ['postgres:', 'postgresql:'] as const;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// A hop count, or proxy addresses/subnets/names; never `true`, which would let any client
// pick its own address with a forged header.
const trustProxy = raw.transform((value, ctx): false | number | string => {
  if (value === undefined || FALSE_WORDS.has(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const items = value.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    const [address = '', mask] = item.split('/');
    return PROXY_NAMES.has(item) || (isIP(address) !== 0 && (mask === undefined || /^\d{1,3}$/.test(mask)));
  });
  return valid
    ? items.join(', ')
    : fail(ctx, 'must be off, a number of proxy hops, or addresses, subnets or loopback/linklocal/uniquelocal');
});

const environmentSchema = z.object({
  NODE_ENV: oneOf(['development', 'test', 'production'], 'development'),
  PORT: integer(1, 65535, 4000),
  HOST: host,
  DATABASE_URL: url(POSTGRES),
  DATABASE_REPLICA_URLS: urlList(POSTGRES),
  DB_POOL_MAX: integer(1, 1000, 10),
  DB_STATEMENT_TIMEOUT_MS: integer(0, 3_600_000, 15_000),
  DB_POOL_WAIT_MS: integer(1, 600_000, 10_000),
  SLOW_QUERY_MS: integer(0, 3_600_000, 200),
  REDIS_URL: url(['redis:', 'rediss:']),
  DATA_DIR: directory,
  JWT_SECRET: jwtSecret,
  MIGRATE_ON_START: flag(true),
  RATE_LIMITS: flag(true),
  TRUST_PROXY: trustProxy,
  MAIL_OUTBOX_DIR: directory,
  SMTP_URL: url(['smtp:', 'smtps:']),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  // Default depends on NODE_ENV: resolved below.
  EXPLORER: flag(undefined),
  REMINDERS: flag(true),
  PERSISTED_OPERATIONS: oneOf(['off', 'only'], 'off'),
  BACKUP_DIR: directory,
  BACKUP_KEEP_DAYS: integer(1, 3650, 14),
  ARCHIVE_AFTER_DAYS: integer(1, 36_500, 730),
  // Seven years (7 × 365 + 2 leap days).
  AUDIT_RETENTION_DAYS: integer(1, 36_500, 2557),
  ACCOUNT_PURGE_AFTER_DAYS: integer(0, 3650, 30),
  VIEWER_CACHE_SECONDS: integer(0, 3600, 60),
  MAX_CONCURRENT_REQUESTS: integer(1, 10_000, 128),
  MAX_QUEUED_REQUESTS: integer(0, 100_000, 10_000),
  PASSWORD_HASH_CONCURRENCY: integer(1, 64, undefined),
  PASSWORD_HASH_QUEUE_MAX: integer(0, 100_000, 2_000),
  METRICS_PORT: integer(1, 65535, undefined),
  METRICS_HOST: host,
  // Default depends on NODE_ENV: resolved below.
  OPERATION_SQL_STATS: flag(undefined),
  COMPILE_AT_USE: integer(0, 1_000_000, 2),
});

/** The variables this module reads, e.g. for documentation and tests. */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape) as ReadonlyArray<
  keyof typeof environmentSchema.shape
>;

function describeProblem(issue: z.core.$ZodIssue, env: Record<string, Raw>): string {
  const variable = String(issue.path[0] ?? 'environment');
  const value = env[variable];
  const echo = value !== undefined && !SECRET_VARIABLES.has(variable) ? ` (got ${JSON.stringify(value)})` : '';
  return `${variable} ${issue.message}${echo}`;
}

/**
 * Reads the configuration from `env`. Throws a `ConfigError` whose message is one line
 * naming the first invalid variable and what is wrong with it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const source: Record<string, Raw> = {};
  for (const name of CONFIG_VARIABLES) source[name] = env[name];

  const result = environmentSchema.safeParse(source);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ConfigError(issue ? describeProblem(issue, source) : 'unreadable environment');
  }
  const vars = result.data;

  if (vars.NODE_ENV === 'production' && vars.JWT_SECRET === undefined) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }

  const dataDir = path.resolve(vars.DATA_DIR ?? '.data');
  return Object.freeze({
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    databaseReplicaUrls: Object.freeze(vars.DATABASE_REPLICA_URLS),
    dbPoolMax: vars.DB_POOL_MAX,
    dbStatementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
    dbPoolWaitMs: vars.DB_POOL_WAIT_MS,
    slowQueryMs: vars.SLOW_QUERY_MS,
    redisUrl: vars.REDIS_URL,
    dataDir,
    jwtSecret: vars.JWT_SECRET,
    migrateOnStart: vars.MIGRATE_ON_START ?? true,
    rateLimits: vars.RATE_LIMITS ?? true,
    trustProxy: vars.TRUST_PROXY,
    mailOutboxDir: path.resolve(vars.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    mailOutboxConfigured: vars.MAIL_OUTBOX_DIR !== undefined,
    smtpUrl: vars.SMTP_URL,
    logLevel: vars.LOG_LEVEL,
    explorer: vars.EXPLORER ?? vars.NODE_ENV !== 'production',
    reminders: vars.REMINDERS ?? true,
    persistedOperations: vars.PERSISTED_OPERATIONS,
    backupDir: path.resolve(vars.BACKUP_DIR ?? path.join(dataDir, 'backups')),
    backupKeepDays: vars.BACKUP_KEEP_DAYS,
    archiveAfterDays: vars.ARCHIVE_AFTER_DAYS,
    auditRetentionDays: vars.AUDIT_RETENTION_DAYS,
    accountPurgeAfterDays: vars.ACCOUNT_PURGE_AFTER_DAYS,
    viewerCacheSeconds: vars.VIEWER_CACHE_SECONDS,
    maxConcurrentRequests: vars.MAX_CONCURRENT_REQUESTS,
    maxQueuedRequests: vars.MAX_QUEUED_REQUESTS,
    passwordHashConcurrency: vars.PASSWORD_HASH_CONCURRENCY,
    passwordHashQueueMax: vars.PASSWORD_HASH_QUEUE_MAX,
    metricsPort: vars.METRICS_PORT,
    metricsHost: vars.METRICS_HOST,
    operationSqlStats: vars.OPERATION_SQL_STATS ?? vars.NODE_ENV !== 'production',
    compileAtUse: vars.COMPILE_AT_USE,
  });
}
