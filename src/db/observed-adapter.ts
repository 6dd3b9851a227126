import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** One SQL statement the database ran (or refused), as the driver adapter saw it. */
export interface StatementEvent {
  /** The parameterised text (`$1`…): values are never included. */
  sql: string;
  durationMs: number;
  failed: boolean;
}

export type StatementListener = (event: StatementEvent) => void;

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Wraps a Prisma driver adapter factory so that every statement it sends is reported to
 * `listener`: the queries and commands of the client and its transactions, with BEGIN
 * reported when a transaction starts. This is the one place every real statement passes, for
 * PostgreSQL and PGlite alike, and it runs in the async context of the caller, so a listener
 * can attribute statements to the request that caused them.
 */
export function observeStatements(factory: SqlDriverAdapterFactory, listener: StatementListener): SqlDriverAdapterFactory {
  const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const startedAt = performance.now();
    let failed = true;
    try {
      const result = await run();
      failed = false;
      return result;
    } finally {
      listener({ sql, durationMs: performance.now() - startedAt, failed });
    }
  };

  const observeQueryable = <T extends SqlDriverAdapter | Transaction>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function') return value;
        const method = (value as AsyncMethod).bind(object);
        switch (property) {
          case 'queryRaw':
          case 'executeRaw':
            return (query: SqlQuery) => timed(query.sql, () => method(query));
          case 'executeScript':
            return (script: string) => timed(script, () => method(script));
          case 'startTransaction':
            return async (...args: unknown[]) =>
              observeQueryable((await timed('BEGIN', () => method(...args))) as Transaction);
          default:
            return method;
        }
      },
    });

  return new Proxy(factory, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (property === 'connect' && typeof value === 'function') {
        return async () => observeQueryable(await (value as () => Promise<SqlDriverAdapter>).call(object));
      }
      return typeof value === 'function' ? (value as AsyncMethod).bind(object) : value;
    },
  });
}
