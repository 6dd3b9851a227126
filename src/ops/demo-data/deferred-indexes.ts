import type { BulkSession } from './bulk-target';
import type { TableName } from './tables';

/**
 * PostgreSQL's own advice for populating a database: load big tables without their secondary
 * indexes and foreign keys, then build each once. Maintained row by row, the nine indexes and
 * five foreign-key checks of `entries` made loading it about eight times slower on a 2-core
 * machine. Primary keys, CHECK constraints and NOT NULL stay in force during the load; the
 * unique index and the foreign keys are checked in full when they are rebuilt, so a row that
 * breaks one still fails the seed. Runs inside the caller's transaction: if anything fails,
 * the drops roll back with the data.
 */
export async function withIndexesBuiltAfter<T>(
  session: BulkSession,
  tables: readonly TableName[],
  work: () => Promise<T>,
): Promise<T> {
  const list = tables.map((table) => `'${table}'`).join(', ');
  const indexes = await session.query<{ name: string; definition: string }>(`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename IN (${list})
      AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c
        WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass AND c.contype IN ('p', 'u', 'x')
          AND c.conrelid = format('%I.%I', i.schemaname, i.tablename)::regclass)
    ORDER BY i.indexname`);
  const foreignKeys = await session.query<{ table: string; name: string; definition: string }>(`
    SELECT rel.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    JOIN pg_class rel ON rel.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND rel.relname IN (${list})
    ORDER BY rel.relname, c.conname`);

  for (const [table, keys] of groupByTable(foreignKeys)) {
    await session.query(`ALTER TABLE ${quote(table)} ${keys.map((k) => `DROP CONSTRAINT ${quote(k.name)}`).join(', ')}`);
  }
  if (indexes.length > 0) await session.query(`DROP INDEX ${indexes.map((i) => quote(i.name)).join(', ')}`);

  const result = await work();

  // More sort memory makes each build one in-memory sort (the setting ends with the transaction).
  await session.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const index of indexes) await session.query(index.definition);
  for (const [table, keys] of groupByTable(foreignKeys)) {
    await session.query(
      `ALTER TABLE ${quote(table)} ${keys.map((k) => `ADD CONSTRAINT ${quote(k.name)} ${k.definition}`).join(', ')}`,
    );
  }
  return result;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function groupByTable<T extends { table: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.table) ?? [];
    group.push(row);
    groups.set(row.table, group);
  }
  return groups;
}
