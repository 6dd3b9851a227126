import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ErrorCode, INTERNAL_ERROR_MESSAGE } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { RequestScope, requestIdFrom } from '../lib/request-scope';
import { METRICS_PATH } from '../observability/http-metrics';
import type { Metrics } from '../observability/metrics';
import { logRequest, requestLineLogger } from '../observability/request-log';
import { HttpRequestError } from './json-body';
import { sendError, sendJson } from './respond';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A route that answers with the response only. */
export type PlainRoute = (res: ServerResponse) => void | Promise<void>;
/** The GraphQL route: it also needs the request, its scope and its query string. */
export type GraphqlHandler = (request: IncomingMessage, res: ServerResponse, scope: RequestScope, search: string) => Promise<void>;

export interface RequestHandlerOptions {
  logger: Logger;
  metrics: Metrics;
  graphqlPath: string;
  graphql: GraphqlHandler;
  /** GET routes besides GraphQL: /healthz, /readyz and (unless on its own port) /metrics. */
  routes: ReadonlyMap<string, PlainRoute>;
}

// Probes and scrapes arrive every few seconds: logged only at debug level.
const QUIET_PATHS = new Set(['/healthz', '/readyz', METRICS_PATH]);
const NOT_FOUND_MESSAGE = 'Not found: the API is served at /graphql';

/**
 * Headers every answer carries. The API answers JSON that no page may frame or sniff as
 * something else; the explorer page loosens the policy for its own scripts (explorer.ts).
 */
function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
}

/**
 * The server's one request listener on plain node:http: a request id (echoed in
 * `X-Request-Id`), security headers, routing by path, one log line and one duration sample
 * when the answer is sent, and a masked 500 for anything that escapes a route.
 */
export function createRequestHandler({ logger, metrics, graphqlPath, graphql, routes }: RequestHandlerOptions): RequestListener {
  const knownRoutes = new Set([graphqlPath, ...routes.keys()]);
  const requestLog = requestLineLogger(logger);

  return (request, res) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    setSecurityHeaders(res);
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const scope = path === graphqlPath ? new RequestScope(requestId, logger) : undefined;

    res.once('close', () => {
      const durationMs = performance.now() - startedAt;
      const route = knownRoutes.has(path) ? path : 'other';
      metrics.httpRequestDuration.observe({ method: request.method ?? '', route, status_code: String(res.statusCode) }, durationMs / 1000);
      logRequest(requestLog, {
        requestId,
        method: request.method ?? '',
        path,
        statusCode: res.statusCode,
        durationMs,
        quiet: QUIET_PATHS.has(path),
        aborted: !res.writableFinished,
        scope,
      });
    });

    const answer = async (): Promise<void> => {
      if (scope) {
        await graphql(request, res, scope, queryAt === -1 ? '' : url.slice(queryAt));
        return;
      }
      const route = request.method === 'GET' || request.method === 'HEAD' ? routes.get(path) : undefined;
      if (route) await route(res);
      else sendError(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
    };

    answer().catch((error: unknown) => {
      if (error instanceof HttpRequestError) {
        if (!res.headersSent) sendError(res, error.status, error.code, error.message);
        return;
      }
      (scope?.logger ?? logger.child({ requestId })).error({ err: error }, 'unhandled HTTP error');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } }] });
    });
  };
}
