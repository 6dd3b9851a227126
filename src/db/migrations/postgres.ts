import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import { AdapterTracker, runScript, type MigrationConnection } from './adapters';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

export interface PostgresSettings {
  /** Discrete fields only: a `connectionString` would override `database` for shadow databases. */
  config: pg.ClientConfig;
  /** PostgreSQL schema from the URL's `?schema=`, as Prisma URLs spell it. */
  schema?: string;
}

/** Splits a postgres:// URL into pg's discrete connection fields. */
export function postgresSettingsFromUrl(url: string): PostgresSettings {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`Expected a postgres:// or postgresql:// URL, got ${parsed.protocol}//...`);
  }
  const params = parsed.searchParams;
  const hostname = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  return {
    config: {
      // `?host=/run/postgresql` names a Unix socket directory, as in libpq.
      host: params.get('host') ?? (hostname || 'localhost'),
      port: Number(params.get('port') ?? (parsed.port || 5432)),
      user: decodeURIComponent(parsed.username) || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
      ssl: sslFromMode(params.get('sslmode')),
    },
    schema: params.get('schema') ?? undefined,
  };
}

function sslFromMode(mode: string | null): pg.ClientConfig['ssl'] {
  switch (mode) {
    case 'require':
    case 'no-verify':
      return { rejectUnauthorized: false };
    case 'verify-ca':
    case 'verify-full':
      return true;
    default:
      return undefined;
  }
}

/**
 * adapter-pg for the engine. Shadow databases are created on the same server and, when the engine
 * disposes them, dropped only after their pool is closed, `WITH (FORCE)` (adapter-pg's own helper
 * drops first and fails with "database is being accessed by other users").
 */
export function openPostgres(url: string): MigrationConnection {
  const { config, schema } = postgresSettingsFromUrl(url);
  const tracker = new AdapterTracker();

  const connectTo = async (database: string | undefined) =>
    prepareForEngine(await new PrismaPg({ ...config, database }, { schema }).connect());

  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => tracker.track(await connectTo(config.database)),
    connectToShadowDb: async () => {
      const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID()}`;
      const dropShadow = () => runAdminStatement(config, `DROP DATABASE IF EXISTS "${shadowDatabase}" WITH (FORCE)`);
      await runAdminStatement(config, `CREATE DATABASE "${shadowDatabase}"`);
      try {
        return tracker.track(await connectTo(shadowDatabase), dropShadow);
      } catch (error) {
        await dropShadow();
        throw error;
      }
    },
  };
  return { adapterFactory, close: () => tracker.disposeAll() };
}

async function runAdminStatement(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function prepareForEngine(adapter: PgAdapter): PgAdapter {
  readCharColumnsAsCharacter(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => readCharColumnsAsCharacter(await startTransaction(isolationLevel));
  const pool = adapter.underlyingDriver();
  adapter.executeScript = (script) => runScript((sql) => pool.query(sql), script);
  return adapter;
}

type PerformIO = (query: SqlQuery) => Promise<{ fields: Array<{ dataTypeID: number }> }>;

/**
 * The engine's catalog queries return PostgreSQL's internal `"char"` type (pg_constraint.contype,
 * pg_class.relkind, ...). adapter-pg 7.10 rejects it as unsupported, and reading it as text is not
 * enough: the engine then panics describing a table with a CHECK constraint, because it wants a
 * Character value. So such columns go through adapter-pg as text (its row parsing is fine) and are
 * then reported as Character, as pglite-prisma-adapter does. Only the engine's connections are
 * patched; the application's client is untouched.
 */
function readCharColumnsAsCharacter<T extends SqlQueryable>(queryable: T): T {
  const internals = queryable as T & { performIO?: PerformIO };
  const performIO = internals.performIO;
  if (typeof performIO !== 'function') {
    throw new Error('@prisma/adapter-pg no longer has performIO: revisit the "char" handling in src/db/migrations/postgres.ts');
  }
  // Keyed by the query object, which queryRaw hands to performIO: concurrent queries stay apart.
  const charColumns = new WeakMap<SqlQuery, number[]>();
  internals.performIO = async (query) => {
    const result = await performIO.call(queryable, query);
    const columns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        columns.push(index);
      }
    });
    if (columns.length > 0) charColumns.set(query, columns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}
