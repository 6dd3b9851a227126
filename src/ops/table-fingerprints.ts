import type { Client } from 'pg';

/**
 * Row count and checksum of every table of the current schema: md5 over the rows' text forms
 * in a fixed order, so two databases with the same rows give the same fingerprints whatever
 * their physical order. Session settings that change text forms are pinned first.
 */

export interface TableFingerprint {
  readonly rows: number;
  readonly md5: string;
}

export type Fingerprints = Record<string, TableFingerprint>;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function fingerprintTables(client: Client): Promise<Fingerprints> {
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3");
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Fingerprints = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${quote(name)} t`,
    );
    result[name] = rows[0]!;
  }
  return result;
}

/** Human-readable differences between what a backup recorded and what a restore holds; empty when equal. */
export function compareFingerprints(expected: Fingerprints, actual: Fingerprints): string[] {
  const differences: string[] = [];
  for (const name of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const want = expected[name];
    const got = actual[name];
    if (!want) differences.push(`${name}: not in the backup's record but restored`);
    else if (!got) differences.push(`${name}: recorded (${want.rows} rows) but missing after restore`);
    else if (want.rows !== got.rows) differences.push(`${name}: ${want.rows} rows recorded, ${got.rows} restored`);
    else if (want.md5 !== got.md5) differences.push(`${name}: checksum differs (${want.rows} rows)`);
  }
  return differences;
}
