import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../lib/logger';
import { requestIdFrom } from '../lib/request-scope';
import { METRICS_PATH } from './http-metrics';
import { operationStatsOf } from './operation-stats';

// Probes and scrapes arrive every few seconds: logged only at debug level.
const QUIET_PATHS = new Set(['/healthz', '/readyz', METRICS_PATH]);

function pathOf(req: IncomingMessage): string {
  // The query string is left out: a GET /graphql carries the document and variables there.
  return ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?', 1)[0] ?? '';
}

/**
 * One JSON line per HTTP request when its response is sent: request id (the one
 * `assignRequestId` chose, which must run first), method, path, status, duration, and for
 * GraphQL the operation name, the viewer id and the number of SQL statements. Headers and
 * bodies are not logged at all, so credentials cannot leak through this line.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) =>
      ((res as unknown as Response).locals?.requestId as string | undefined) ?? requestIdFrom(req.headers['x-request-id']),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const stats = operationStatsOf(res as unknown as Response);
      if (!stats) return {};
      return { operationName: stats.operationName, viewerId: stats.viewerId, sqlStatements: stats.sqlStatements };
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      return QUIET_PATHS.has(pathOf(req)) ? 'debug' : 'info';
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
}
