import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * What one GraphQL request did, gathered while it runs: the database adapter counts its
 * statements, the Apollo plugin names the operation and the viewer, and the request log and
 * metrics read the result when the response is sent.
 */
export interface OperationStats {
  operationName: string | null;
  viewerId: string | null;
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<OperationStats>();

/** The stats of the request being served; undefined outside one (jobs, startup). */
export function currentOperationStats(): OperationStats | undefined {
  return storage.getStore();
}

/** The stats of a finished or running request, for code that only has the response. */
export function operationStatsOf(res: Response): OperationStats | undefined {
  return res.locals.operationStats as OperationStats | undefined;
}

/**
 * Starts the stats of a GraphQL request. Mounted after body parsing, like the request scope:
 * the body stream's callbacks run outside any async scope.
 */
export function trackOperationStats(_req: Request, res: Response, next: NextFunction): void {
  const stats: OperationStats = { operationName: null, viewerId: null, sqlStatements: 0 };
  res.locals.operationStats = stats;
  storage.run(stats, next);
}
