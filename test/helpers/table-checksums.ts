import { Client } from 'pg';
import { withClient } from './pg-client';

/**
 * Fingerprints of a database's contents, to compare two databases (a backup and its restore)
 * or one database before and after a data move: per table the row count and an md5 over
 * every row's text form in primary-key order; per sequence its position.
 */

export interface TableFingerprint {
  rows: number;
  md5: string;
}

export interface DatabaseFingerprint {
  tables: Record<string, TableFingerprint>;
  sequences: Record<string, string>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A connection whose row text of timestamptz columns does not depend on the server's time zone. */
function withUtcClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(databaseUrl, async (client) => {
    await client.query(`SET TimeZone = 'UTC'`);
    return work(client);
  });
}

/** Row count and md5 of one table (optionally a WHERE clause over it, alias `t`). */
export async function tableFingerprint(client: Client, table: string, where = 'true'): Promise<TableFingerprint> {
  const { rows: keyRows } = await client.query<{ column: string }>(
    `SELECT a.attname AS column
     FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quote(table)],
  );
  const orderBy = keyRows.length > 0 ? keyRows.map((row) => `t.${quote(row.column)}`).join(', ') : 't::text';
  const { rows } = await client.query<{ rows: number; md5: string }>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${orderBy}), '')) AS md5
     FROM ${quote(table)} t WHERE ${where}`,
  );
  return rows[0]!;
}

/** Every base table and sequence of the public schema. */
export function databaseFingerprint(databaseUrl: string): Promise<DatabaseFingerprint> {
  return withUtcClient(databaseUrl, async (client) => {
    const { rows: tableRows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const tables: Record<string, TableFingerprint> = {};
    for (const { name } of tableRows) tables[name] = await tableFingerprint(client, name);

    const { rows: sequenceRows } = await client.query<{ name: string }>(
      `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    const sequences: Record<string, string> = {};
    for (const { name } of sequenceRows) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT last_value::text || CASE WHEN is_called THEN '' ELSE ' (not called)' END AS position FROM ${quote(name)}`,
      );
      sequences[name] = rows[0]!.position;
    }
    return { tables, sequences };
  });
}

/** Runs `work` with a connected client (UTC session), for ad-hoc fingerprints. */
export function withFingerprintClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  return withUtcClient(databaseUrl, work);
}
