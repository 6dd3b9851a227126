import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../lib/logger';
import { requestIdFrom, runInRequestScope } from '../lib/request-scope';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Gives every request an id (echoed in `X-Request-Id`) and a logger that carries it. */
export function assignRequestId(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.locals.requestId = requestId;
    res.locals.logger = logger.child({ requestId });
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/**
 * Enters the request scope for what follows. Mounted after body parsing: the body stream's
 * callbacks run outside the scope, which would lose it for everything after them.
 */
export function enterRequestScope(req: Request, res: Response, next: NextFunction): void {
  const { requestId, logger } = res.locals as { requestId: string; logger: Logger };
  runInRequestScope({ requestId, logger }, next);
}
