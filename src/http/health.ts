import type { ServerResponse } from 'node:http';
import type { Logger } from '../lib/logger';
import { sendJson } from './respond';

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

/** `GET /healthz`: the process is alive. */
export function serveHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/**
 * `GET /readyz`: every dependency answers (200), or 503 naming what failed; also 503 while
 * shutting down, so balancers stop sending traffic. An optional dependency that fails gives
 * 200 with `status: "degraded"` and its name under `degraded`. Why a check failed goes to the
 * log only: a dependency's error text (host names, addresses, versions) is not for whoever
 * can reach the probe.
 */
export function readinessProbe(checks: readonly ReadinessCheck[], isShuttingDown: () => boolean, logger: Logger) {
  return async (res: ServerResponse): Promise<void> => {
    if (isShuttingDown()) {
      sendJson(res, 503, { status: 'unavailable', failed: ['shutdown'], degraded: [], checks: {} });
      return;
    }
    const results = await Promise.all(
      checks.map(async ({ name, check, optional = false }) => {
        try {
          await check();
          return { name, optional, ok: true, detail: 'ok' };
        } catch (error) {
          logger[optional ? 'warn' : 'error']({ err: error, dependency: name }, 'readiness check failed');
          return { name, optional, ok: false, detail: optional ? 'degraded' : 'unavailable' };
        }
      }),
    );
    const failed = results.filter((result) => !result.ok && !result.optional).map((result) => result.name);
    const degraded = results.filter((result) => !result.ok && result.optional).map((result) => result.name);
    const status = failed.length > 0 ? 'unavailable' : degraded.length > 0 ? 'degraded' : 'ok';
    sendJson(res, failed.length === 0 ? 200 : 503, {
      status,
      failed,
      degraded,
      checks: Object.fromEntries(results.map((result) => [result.name, result.detail])),
    });
  };
}
