import type { IncomingMessage } from 'node:http';
import type { Express, Request } from 'express';

/**
 * The client's address exactly as express's `req.ip` gives it (TRUST_PROXY decides whether
 * X-Forwarded-For counts), for requests express never handles: WebSocket upgrades.
 */
export function clientAddressOf(app: Express, request: IncomingMessage): string | null {
  const view = Object.create(app.request, {
    headers: { value: request.headers },
    socket: { value: request.socket },
  }) as Request;
  return view.ip ?? null;
}
