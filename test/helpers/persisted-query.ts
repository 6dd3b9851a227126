import { createHash } from 'node:crypto';
import type { GraphQLError } from './test-app';

/** The sha256 hex digest automatic persisted queries name a query by. */
export function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

export interface PersistedQueryResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: GraphQLError[];
  /** Wall-clock time of the round trip, in ms. */
  elapsedMs: number;
}

/**
 * One APQ request as Apollo's client link sends it: the hash always, the query text only
 * when `withQuery` (the registering retry).
 */
export async function sendPersistedQuery(
  url: string,
  query: string,
  options: { withQuery: boolean; token?: string; variables?: Record<string, unknown> },
): Promise<PersistedQueryResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = {
    ...(options.withQuery ? { query } : {}),
    variables: options.variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(query) } },
  };
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: Record<string, any> | null; errors?: GraphQLError[] };
  return { status: response.status, data: json.data, errors: json.errors, elapsedMs: performance.now() - startedAt };
}
