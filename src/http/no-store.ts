import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer on /graphql is one viewer's data or an error about their request:
 * `Cache-Control: no-store` on all of them (GET queries, refused tokens and the explorer
 * page included), so no browser or proxy keeps a copy. Set here rather than by Apollo's
 * cache-control plugin, which wraps every field resolver and skips answers that fail early.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}
