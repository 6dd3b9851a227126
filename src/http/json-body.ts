import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ErrorCode } from '../lib/errors';

/** CONTRACT.md section 8: bodies over 1 MB get HTTP 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request the server refuses before GraphQL sees it, with the contract's code. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = () => new HttpRequestError(413, ErrorCode.PAYLOAD_TOO_LARGE, 'Request body is larger than 1 MB');
const notJson = () => new HttpRequestError(400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');

/** Whether the body is JSON by its media type (parameters such as charset aside). */
export function isJsonRequest(request: IncomingMessage): boolean {
  const type = request.headers['content-type'];
  if (!type) return false;
  const end = type.indexOf(';');
  return (end === -1 ? type : type.slice(0, end)).trim().toLowerCase() === 'application/json';
}

function decoded(request: IncomingMessage): Readable {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return request;
    case 'gzip':
      return request.pipe(createGunzip());
    case 'deflate':
      return request.pipe(createInflate());
    case 'br':
      return request.pipe(createBrotliDecompress());
    default:
      throw new HttpRequestError(415, ErrorCode.BAD_REQUEST, `Unsupported content encoding "${encoding}"`);
  }
}

/**
 * The JSON body of a request: an object or array (a bare string or number is no GraphQL
 * request), at most MAX_BODY_BYTES after decompression. An empty body is `{}`, which Apollo
 * then refuses as a request without a query.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    throw tooLarge();
  }
  const stream = decoded(request);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpRequestError) {
      request.resume();
      throw error;
    }
    if (stream !== request) throw new HttpRequestError(400, ErrorCode.BAD_REQUEST, 'Request body could not be decompressed');
    throw error;
  }
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8').trim();
  if (text === '') return {};
  if (text[0] !== '{' && text[0] !== '[') throw notJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}
