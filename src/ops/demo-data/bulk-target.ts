import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { TABLES, type TableName } from './tables';

/** One open transaction on the target. */
export interface BulkSession {
  /** Loads one table's rows, given in COPY text format. */
  copy(table: TableName, text: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
}

/**
 * Where demo data goes: PostgreSQL through `pg` (COPY FROM STDIN) or the embedded PGlite
 * (COPY FROM its blob device).
 */
export interface BulkTarget {
  /** Runs `work` in one transaction; rolls everything back if it throws. */
  transaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  /** Runs a statement that cannot run inside a transaction (VACUUM). */
  runOutsideTransaction(sql: string): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function copyStatement(table: TableName, source: string): string {
  return `COPY ${quote(table)} (${TABLES[table].columns.map(quote).join(', ')}) FROM ${source}`;
}

/** PostgreSQL at `url`, over one connection. */
export function postgresTarget(url: string): BulkTarget {
  const client = new Client({ connectionString: url, application_name: 'kitaab-db-seed' });
  let connected: Promise<unknown> | undefined;
  const session: BulkSession = {
    async copy(table, text) {
      await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(copyStatement(table, 'STDIN'))));
    },
    async query<T>(sql: string) {
      return (await client.query(sql)).rows as T[];
    },
  };
  return {
    async transaction(work) {
      await (connected ??= client.connect());
      await client.query('BEGIN');
      try {
        const result = await work(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async runOutsideTransaction(sql) {
      await (connected ??= client.connect());
      await client.query(sql);
    },
    close: async () => {
      if (connected) await client.end();
    },
  };
}

/** The embedded database, already open (the caller holds its data-dir lock). */
export function pgliteTarget(pglite: PGlite): BulkTarget {
  return {
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          async copy(table, text) {
            await tx.query(copyStatement(table, `'/dev/blob'`), [], { blob: new Blob([text]) });
          },
          async query<T>(sql: string) {
            return (await tx.query<T>(sql)).rows;
          },
        }),
      ),
    async runOutsideTransaction(sql) {
      await pglite.exec(sql);
    },
    close: async () => undefined,
  };
}
