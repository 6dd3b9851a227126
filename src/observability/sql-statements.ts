import type { StatementListener } from '../db/observed-adapter';
import type { Logger } from '../lib/logger';
import { currentRequestScope } from '../lib/request-scope';
import type { Metrics } from './metrics';

const MAX_LOGGED_SQL_LENGTH = 1_000;

export interface SqlStatementListenerOptions {
  metrics: Metrics;
  logger: Logger;
  /** Statements longer than this are logged (`SLOW_QUERY_MS`; 0 logs every statement). */
  slowQueryMs: number;
}

/**
 * Counts each statement against the GraphQL request that caused it (the per-operation
 * histogram is observed when the response is sent) and logs the slow ones, with the request
 * id when there is a request. Only the parameterised SQL text is logged, never values.
 */
export function sqlStatementListener({ metrics, logger, slowQueryMs }: SqlStatementListenerOptions): StatementListener {
  return ({ sql, durationMs, failed }) => {
    // Only when the server entered the request's async scope (see lib/request-scope.ts).
    const scope = currentRequestScope();
    if (scope) scope.sqlStatements += 1;
    if (durationMs <= slowQueryMs) return;

    metrics.slowSqlStatements.inc();
    (scope?.logger ?? logger).warn(
      {
        durationMs: Math.round(durationMs),
        slowQueryMs,
        sql: sql.length > MAX_LOGGED_SQL_LENGTH ? `${sql.slice(0, MAX_LOGGED_SQL_LENGTH)}…` : sql,
        failed,
        ...(scope?.operationName ? { operationName: scope.operationName } : {}),
      },
      'slow SQL statement',
    );
  };
}
