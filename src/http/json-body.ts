import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCode, httpErrorBody } from '../lib/errors';

/** CONTRACT.md section 8: bodies over 1 MB get HTTP 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function jsonBody() {
  return express.json({ limit: MAX_BODY_BYTES });
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * Turns body-parser failures into the contract's JSON error shape: 413 PAYLOAD_TOO_LARGE,
 * 400 BAD_REQUEST for malformed JSON. Other errors go on to the final handler.
 */
export function jsonBodyErrors(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') {
    res.status(413).json(httpErrorBody(ErrorCode.PAYLOAD_TOO_LARGE, 'Request body is larger than 1 MB'));
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res.status(400).json(httpErrorBody(ErrorCode.BAD_REQUEST, 'Request body is not valid JSON'));
    return;
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    res.status(error.status).json(httpErrorBody(ErrorCode.BAD_REQUEST, error.message));
    return;
  }
  next(error);
}
