import { Router } from 'express';

/** Something the server needs in order to serve traffic (database, Redis). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: every dependency answers (200), or
 * 503 naming what failed; also 503 while shutting down, so balancers stop sending traffic.
 */
export function healthRoutes(checks: readonly ReadinessCheck[], isShuttingDown: () => boolean): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', failed: ['shutdown'], checks: {} });
      return;
    }
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await check();
          return { name, ok: true, detail: 'ok' };
        } catch (error) {
          return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const failed = results.filter((result) => !result.ok).map((result) => result.name);
    res.status(failed.length === 0 ? 200 : 503).json({
      status: failed.length === 0 ? 'ok' : 'unavailable',
      failed,
      checks: Object.fromEntries(results.map((result) => [result.name, result.detail])),
    });
  });

  return router;
}
