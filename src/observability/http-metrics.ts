import type { RequestListener, ServerResponse } from 'node:http';
import { sendError } from '../http/respond';
import { ErrorCode } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { Metrics } from './metrics';

export const METRICS_PATH = '/metrics';

/** `GET /metrics` in the Prometheus text format. */
export function metricsScrape(metrics: Metrics) {
  return async (res: ServerResponse): Promise<void> => {
    const body = await metrics.render();
    res.setHeader('content-type', metrics.contentType);
    res.end(body);
  };
}

/** METRICS_PORT: a listener that serves the scrape endpoint and nothing else. */
export function metricsOnlyListener(metrics: Metrics, logger: Logger): RequestListener {
  const scrape = metricsScrape(metrics);
  return (request, res) => {
    const path = (request.url ?? '/').split('?', 1)[0];
    if (request.method !== 'GET' || path !== METRICS_PATH) {
      sendError(res, 404, ErrorCode.NOT_FOUND, `Not found: metrics are served at ${METRICS_PATH}`);
      return;
    }
    scrape(res).catch((error: unknown) => {
      logger.error({ err: error }, 'metrics scrape failed');
      res.destroy();
    });
  };
}
