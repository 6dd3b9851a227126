import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Metrics } from './metrics';

export const METRICS_PATH = '/metrics';

// Unknown paths share one label: a scanner must not create a time series per URL.
const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/readyz', METRICS_PATH]);

function routeLabel(req: Request): string {
  const pathname = req.originalUrl.split('?', 1)[0] ?? '';
  return KNOWN_ROUTES.has(pathname) ? pathname : 'other';
}

/** Observes every HTTP request's duration when its response is finished (or abandoned). */
export function httpRequestMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      stopTimer({ method: req.method, route: routeLabel(req), status_code: String(res.statusCode) });
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoute(metrics: Metrics): Router {
  const router = Router();
  router.get(METRICS_PATH, async (_req, res, next) => {
    try {
      const body = await metrics.render();
      res.setHeader('content-type', metrics.contentType);
      res.send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
