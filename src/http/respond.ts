import type { ServerResponse } from 'node:http';
import { httpErrorBody, type ErrorCode } from '../lib/errors';

/** Sends `body` as JSON with `status` (what express's `res.status().json()` did). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** The contract's error shape for a request refused outside GraphQL (404, 413, ...). */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, httpErrorBody(code, message));
}
