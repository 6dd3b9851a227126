import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import type { Config } from '../config';
import { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import { withDirectRawReads } from './direct-raw-reads';
import { observeStatements, type StatementListener } from './observed-adapter';
import { preparedStatementName } from './prepared-statements';
import { lockDataDir } from './pglite-lock';
import { routeReadsToReplicas } from './read-routing';

/** Interactive transactions may run this long; the statement timeout still caps each statement. */
const TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * How long a request waits for a pooled connection (`DB_POOL_WAIT_MS`), both for a plain query
 * and to start a transaction. Prisma's own defaults (2 s to start a transaction) turned a
 * burst of writers queued on one row or a busy pool into errors; past this bound the request
 * is refused as busy (db/pool-wait.ts), which clients may retry.
 */
const DEFAULT_POOL_WAIT_MS = 10_000;

function transactionOptions(poolWaitMs: number) {
  return { maxWait: poolWaitMs, timeout: TRANSACTION_TIMEOUT_MS } as const;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
  /** The embedded instance (kind 'pglite'), for work that must share its single connection. */
  readonly pglite?: PGlite;
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness). */
  ping(): Promise<void>;
  /** Connections of the `pg` pool (undefined for the embedded database, which has none). */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolMax' | 'dbStatementTimeoutMs'> &
  Partial<Pick<Config, 'databaseReplicaUrls' | 'dbPoolWaitMs'>>;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseOptions {
  /** Told about every SQL statement the client runs (metrics, slow-query log). */
  onStatement?: StatementListener;
}

const PING_TIMEOUT_MS = 2_000;

export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function databaseFor(
  prisma: PrismaClient,
  kind: DatabaseKind,
  closeDriver: () => Promise<void>,
  driver: { pglite: PGlite } | { pool: Pool },
): Database {
  let closing: Promise<void> | undefined;
  const pool = 'pool' in driver ? driver.pool : undefined;
  return {
    prisma,
    kind,
    ...('pglite' in driver ? { pglite: driver.pglite } : {}),
    poolStats: () => pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
    ping: async () => {
      await withTimeout(prisma.$queryRaw`SELECT 1`, PING_TIMEOUT_MS, 'database ping');
    },
    close: () => {
      closing ??= prisma.$disconnect().finally(closeDriver);
      return closing;
    },
  };
}

function withObserver(factory: SqlDriverAdapterFactory, options: DatabaseOptions): SqlDriverAdapterFactory {
  return options.onStatement ? observeStatements(factory, options.onStatement) : factory;
}

function openPostgres(config: DatabaseConfig & { databaseUrl: string }, logger: Logger, options: DatabaseOptions): Database {
  const poolWaitMs = config.dbPoolWaitMs ?? DEFAULT_POOL_WAIT_MS;
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max: config.dbPoolMax,
    connectionTimeoutMillis: poolWaitMs,
    application_name: 'kitaab-api',
    // Set per connection at startup; 0 disables the limit, as in PostgreSQL itself. A statement
    // past it is cancelled by the server (SQLSTATE 57014) and its connection goes back to the pool.
    ...(config.dbStatementTimeoutMs > 0 ? { statement_timeout: config.dbStatementTimeoutMs } : {}),
  });
  // An idle client losing its connection emits 'error'; unhandled, it would end the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  // adapter-pg hands the name on to node-postgres as is; undefined leaves a statement unnamed
  // (its type says string only).
  const adapter = withObserver(new PrismaPg(pool, { statementNameGenerator: preparedStatementName as (query: SqlQuery) => string }), options);
  const prisma = withDirectRawReads(new PrismaClient({ adapter, transactionOptions: transactionOptions(poolWaitMs) }), adapter);
  return databaseFor(prisma, 'postgres', () => pool.end(), { pool });
}

async function openPGlite(config: DatabaseConfig, options: DatabaseOptions): Promise<Database> {
  const lock = await lockDataDir(config.dataDir);
  try {
    // Loaded only for the embedded database: a server on PostgreSQL never needs PGlite.
    const { PGlite: EmbeddedPostgres } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const pglite = await EmbeddedPostgres.create(pgliteDirectory(config.dataDir));
    const prisma = new PrismaClient({
      adapter: withObserver(new PrismaPGlite(pglite), options),
      transactionOptions: transactionOptions(config.dbPoolWaitMs ?? DEFAULT_POOL_WAIT_MS),
    });
    const closeDriver = async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        await lock.release();
      }
    };
    return databaseFor(prisma, 'pglite', closeDriver, { pglite });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * PostgreSQL through a `pg` pool when DATABASE_URL is set (plus one pool per
 * DATABASE_REPLICA_URLS entry, serving the reads of read-only operations: read-routing.ts);
 * otherwise PGlite persisted in `<DATA_DIR>/pglite`, which this process then holds exclusively.
 */
export async function openDatabase(config: DatabaseConfig, logger: Logger, options: DatabaseOptions = {}): Promise<Database> {
  const replicaUrls = config.databaseReplicaUrls ?? [];
  if (!config.databaseUrl) {
    if (replicaUrls.length > 0) throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas serve a PostgreSQL primary');
    return openPGlite(config, options);
  }
  const primary = openPostgres({ ...config, databaseUrl: config.databaseUrl }, logger, options);
  if (replicaUrls.length === 0) return primary;
  const replicas = replicaUrls.map((url) => openPostgres({ ...config, databaseUrl: url }, logger, options));
  return withReadReplicas(primary, replicas);
}

/**
 * The primary's Database with reads of read-only requests routed to `replicas`: ping answers
 * for all of them (an instance that cannot reach its replica cannot serve queries), close
 * closes all of them.
 */
function withReadReplicas(primary: Database, replicas: readonly Database[]): Database {
  let closing: Promise<void> | undefined;
  return {
    ...primary,
    prisma: routeReadsToReplicas(
      primary.prisma,
      replicas.map((replica) => replica.prisma),
    ),
    ping: async () => {
      await Promise.all([primary.ping(), ...replicas.map((replica) => replica.ping())]);
    },
    close: () => {
      closing ??= Promise.allSettled([primary.close(), ...replicas.map((replica) => replica.close())]).then((results) => {
        const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        if (failed) throw failed.reason;
      });
      return closing;
    },
  };
}
