import { Router } from 'express';

/** Something the server needs in order to serve traffic (database, Redis). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /**
   * The server keeps serving every request without it (Redis: in-process fallbacks). Its
   * failure is reported as `degraded` with a 200, so that an outage of a shared optional
   * dependency does not take every instance out of the balancer at once.
   */
  optional?: boolean;
}

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: every dependency answers (200), or
 * 503 naming what failed; also 503 while shutting down, so balancers stop sending traffic.
 * An optional dependency that fails gives 200 with `status: "degraded"` and its name under
 * `degraded`.
 */
export function healthRoutes(checks: readonly ReadinessCheck[], isShuttingDown: () => boolean): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', failed: ['shutdown'], degraded: [], checks: {} });
      return;
    }
    const results = await Promise.all(
      checks.map(async ({ name, check, optional = false }) => {
        try {
          await check();
          return { name, optional, ok: true, detail: 'ok' };
        } catch (error) {
          const problem = error instanceof Error ? error.message : String(error);
          return { name, optional, ok: false, detail: optional ? `degraded: ${problem}` : problem };
        }
      }),
    );
    const failed = results.filter((result) => !result.ok && !result.optional).map((result) => result.name);
    const degraded = results.filter((result) => !result.ok && result.optional).map((result) => result.name);
    const status = failed.length > 0 ? 'unavailable' : degraded.length > 0 ? 'degraded' : 'ok';
    res.status(failed.length === 0 ? 200 : 503).json({
      status,
      failed,
      degraded,
      checks: Object.fromEntries(results.map((result) => [result.name, result.detail])),
    });
  });

  return router;
}
