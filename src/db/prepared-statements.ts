import { createHash } from 'node:crypto';
import type { SqlQuery } from '@prisma/driver-adapter-utils';

/**
 * Put first in a raw statement's text to have PostgreSQL keep its plan per pooled connection.
 * For a long statement run with a few fixed texts on every request (search): parsing and
 * planning it cost more than running it (search: ~1.5 ms against ~0.4 ms). Never for texts
 * that vary with the data (IN lists of varying length): each text is kept on every connection.
 * Give it scalar parameters where it can (`idIn` in lib/sql.ts): with an array parameter
 * PostgreSQL plans the statement again on every call, and only parsing is saved.
 */
export const PREPARED = '/* prepared */';

/** Names already computed, by statement text (a few texts, each marked by hand). */
const names = new Map<string, string>();

/**
 * node-postgres' statement name for a marked statement (`PREPARED`), else none (unnamed: parsed
 * and planned each time, as Prisma's own statements). The name is the text's hash, so one name
 * never stands for two texts on a connection. Named statements need a session of their own:
 * behind a transaction-mode pooler (PgBouncer before 1.21) they would fail.
 */
export function preparedStatementName(query: SqlQuery): string | undefined {
  if (!query.sql.startsWith(PREPARED)) return undefined;
  let name = names.get(query.sql);
  if (name === undefined) {
    name = `kitaab_${createHash('sha256').update(query.sql).digest('hex').slice(0, 32)}`;
    names.set(query.sql, name);
  }
  return name;
}
