import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databaseReplicaUrls: [],
      dbPoolMax: 10,
      dbStatementTimeoutMs: 15000,
      dbPoolWaitMs: 10000,
      slowQueryMs: 200,
      redisUrl: undefined,
      dataDir: path.resolve('.data'),
      jwtSecret: undefined,
      migrateOnStart: true,
      rateLimits: true,
      trustProxy: false,
      mailOutboxDir: path.resolve('.data', 'outbox'),
      mailOutboxConfigured: false,
      smtpUrl: undefined,
      logLevel: 'info',
      explorer: true,
      reminders: true,
      persistedOperations: 'off',
      backupDir: path.resolve('.data', 'backups'),
      backupKeepDays: 14,
      archiveAfterDays: 730,
      auditRetentionDays: 2557,
      accountPurgeAfterDays: 30,
      viewerCacheSeconds: 60,
      maxConcurrentRequests: 128,
      maxQueuedRequests: 10000,
      passwordHashConcurrency: undefined,
      passwordHashQueueMax: 2000,
      metricsPort: undefined,
      metricsHost: '127.0.0.1',
      operationSqlStats: true,
      compileAtUse: 2,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://kitaab:pw@db.internal:5432/kitaab',
      DATABASE_REPLICA_URLS: 'postgresql://r1/kitaab, postgres://r2/kitaab',
      DB_POOL_MAX: '25',
      DB_STATEMENT_TIMEOUT_MS: '0',
      DB_POOL_WAIT_MS: '2500',
      SLOW_QUERY_MS: '50',
      REDIS_URL: 'rediss://:pw@cache.internal:6380/2',
      DATA_DIR: '/var/lib/kitaab',
      JWT_SECRET: 'x'.repeat(40),
      MIGRATE_ON_START: 'false',
      RATE_LIMITS: 'off',
      TRUST_PROXY: 'loopback,10.0.0.0/8, fd00::/8',
      MAIL_OUTBOX_DIR: '/var/mail/kitaab',
      SMTP_URL: 'smtps://user:pw@smtp.example.com:465',
      LOG_LEVEL: 'debug',
      EXPLORER: 'on',
      REMINDERS: 'off',
      PERSISTED_OPERATIONS: 'only',
      BACKUP_DIR: '/backups',
      BACKUP_KEEP_DAYS: '30',
      ARCHIVE_AFTER_DAYS: '365',
      AUDIT_RETENTION_DAYS: '3650',
      ACCOUNT_PURGE_AFTER_DAYS: '14',
      VIEWER_CACHE_SECONDS: '5',
      MAX_CONCURRENT_REQUESTS: '64',
      MAX_QUEUED_REQUESTS: '0',
      PASSWORD_HASH_CONCURRENCY: '3',
      PASSWORD_HASH_QUEUE_MAX: '500',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      OPERATION_SQL_STATS: 'on',
      COMPILE_AT_USE: '5',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://kitaab:pw@db.internal:5432/kitaab',
      databaseReplicaUrls: ['postgresql://r1/kitaab', 'postgres://r2/kitaab'],
      dbPoolMax: 25,
      dbStatementTimeoutMs: 0,
      dbPoolWaitMs: 2500,
      slowQueryMs: 50,
      redisUrl: 'rediss://:pw@cache.internal:6380/2',
      dataDir: '/var/lib/kitaab',
      jwtSecret: 'x'.repeat(40),
      migrateOnStart: false,
      rateLimits: false,
      trustProxy: 'loopback, 10.0.0.0/8, fd00::/8',
      mailOutboxDir: '/var/mail/kitaab',
      mailOutboxConfigured: true,
      smtpUrl: 'smtps://user:pw@smtp.example.com:465',
      logLevel: 'debug',
      explorer: true,
      reminders: false,
      persistedOperations: 'only',
      backupDir: '/backups',
      backupKeepDays: 30,
      archiveAfterDays: 365,
      auditRetentionDays: 3650,
      accountPurgeAfterDays: 14,
      viewerCacheSeconds: 5,
      maxConcurrentRequests: 64,
      maxQueuedRequests: 0,
      passwordHashConcurrency: 3,
      passwordHashQueueMax: 500,
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      operationSqlStats: true,
      compileAtUse: 5,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '  ', LOG_LEVEL: '' })).toMatchObject({
      port: 4000,
      redisUrl: undefined,
      logLevel: 'info',
    });
  });

  it('derives the outbox and backup directories from DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: 'state' });
    expect(config.dataDir).toBe(path.resolve('state'));
    expect(config.mailOutboxDir).toBe(path.resolve('state', 'outbox'));
    expect(config.backupDir).toBe(path.resolve('state', 'backups'));
  });

  it.each([
    ['abc', 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")'],
    ['0', 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "0")'],
    ['70000', 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "70000")'],
    ['80.5', 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "80.5")'],
  ])('rejects PORT=%s with one line naming the variable', (value, message) => {
    const error = configError({ PORT: value });
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    [{ DB_POOL_MAX: '0' }, 'DB_POOL_MAX must be an integer between 1 and 1000 (got "0")'],
    [{ BACKUP_KEEP_DAYS: '-1' }, 'BACKUP_KEEP_DAYS must be an integer between 1 and 3650 (got "-1")'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START must be one of on, off, true, false, 1, 0, yes, no (got "maybe")'],
    [{ RATE_LIMITS: 'sometimes' }, 'RATE_LIMITS must be one of on, off, true, false, 1, 0, yes, no (got "sometimes")'],
    [
      { TRUST_PROXY: 'true' },
      'TRUST_PROXY must be off, a number of proxy hops, or addresses, subnets or loopback/linklocal/uniquelocal (got "true")',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, test, production (got "staging")'],
    [{ PERSISTED_OPERATIONS: 'on' }, 'PERSISTED_OPERATIONS must be one of off, only (got "on")'],
    [{ HOST: 'local host' }, 'HOST must be a host name or IP address (got "local host")'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET is required when NODE_ENV=production'],
  ])('rejects %j', (env, problem) => {
    expect(configError(env).message).toBe(`Invalid configuration: ${problem}`);
  });

  it('checks URL schemes without echoing values that may hold credentials', () => {
    const database = configError({ DATABASE_URL: 'mysql://root:hunter2@db/kitaab' });
    expect(database.message).toBe(
      'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (got scheme "mysql:")',
    );
    const redis = configError({ REDIS_URL: 'not a url hunter2' });
    expect(redis.message).toBe('Invalid configuration: REDIS_URL must be a redis:// or rediss:// URL');
    const replicas = configError({ DATABASE_REPLICA_URLS: 'postgres://ok/db,http://bad:hunter2@x' });
    expect(replicas.message).toBe(
      'Invalid configuration: DATABASE_REPLICA_URLS entry 2 must be a postgres:// or postgresql:// URL (got scheme "http:")',
    );
    const smtp = configError({ SMTP_URL: 'http://mail' });
    expect(smtp.message).toContain('SMTP_URL must be a smtp:// or smtps:// URL');
    const secret = configError({ JWT_SECRET: 'hunter2' });
    expect(secret.message).toBe('Invalid configuration: JWT_SECRET must be at least 32 characters long');
    for (const error of [database, redis, replicas, secret]) expect(error.message).not.toContain('hunter2');
  });

  it('accepts the flag spellings', () => {
    for (const word of ['true', '1', 'yes', 'on', 'ON', 'True']) expect(loadConfig({ REMINDERS: word }).reminders).toBe(true);
    for (const word of ['false', '0', 'no', 'off', 'OFF']) expect(loadConfig({ REMINDERS: word }).reminders).toBe(false);
  });

  it('turns the explorer off by default in production only', () => {
    const secret = 'y'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, EXPLORER: 'on' }).explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).explorer).toBe(true);
    expect(loadConfig({ EXPLORER: 'off' }).explorer).toBe(false);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ SOMETHING_ELSE: 'whatever', PATH: '/bin' })).not.toThrow();
  });
});

describe('configuration discipline', () => {
  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
        return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
      }),
    );
    return nested.flat();
  }

  it('reads process.env only in src/config.ts', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(__dirname)) {
      if (file === path.join(__dirname, 'config.ts')) continue;
      if ((await fs.readFile(file, 'utf8')).includes('process.env')) offenders.push(path.relative(__dirname, file));
    }
    expect(offenders).toEqual([]);
  });
});
