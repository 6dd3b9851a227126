import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { createContext, type Context, type ContextDependencies } from '../context';
import { EXPLORER_CONTENT_SECURITY_POLICY, EXPLORER_DISABLED_MESSAGE, wantsExplorerPage } from '../graphql/explorer';
import { ErrorCode } from '../lib/errors';
import { runInRequestScope, type RequestScope } from '../lib/request-scope';
import type { ClientAddress } from './client-address';
import { isJsonRequest, readJsonBody } from './json-body';
import { sendError } from './respond';

export interface GraphqlRouteOptions {
  apollo: ApolloServer<Context>;
  deps: ContextDependencies;
  clientAddress: ClientAddress;
  /** Whether the explorer is served on `GET /graphql` (EXPLORER). */
  explorer: boolean;
  /**
   * Run each operation inside its request's AsyncLocalStorage scope, so that the database
   * adapter can count its statements and the replica router can route its reads.
   */
  enterAsyncScope: boolean;
}

function headerMapOf(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * `/graphql` on plain node:http: the body is read here and Apollo's
 * `executeHTTPGraphQLRequest` does the rest (what @as-integrations/express5 did, without
 * express's per-request router and response helpers, which cost more CPU than Apollo).
 */
export function graphqlRoute({ apollo, deps, clientAddress, explorer, enterAsyncScope }: GraphqlRouteOptions) {
  return async (request: IncomingMessage, res: ServerResponse, scope: RequestScope, search: string): Promise<void> => {
    // Every answer here is one viewer's data or an error about their request: no cache keeps a copy.
    res.setHeader('cache-control', 'no-store');
    if (!explorer && wantsExplorerPage(request)) {
      sendError(res, 404, ErrorCode.NOT_FOUND, EXPLORER_DISABLED_MESSAGE);
      return;
    }
    const method = request.method ?? 'GET';
    const body = method === 'POST' && isJsonRequest(request) ? await readJsonBody(request) : undefined;
    if (body === undefined) request.resume();

    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers: headerMapOf(request), search, body };
    const context = () => createContext(deps, { headers: request.headers, ipAddress: clientAddress(request), scope });
    const execute = () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
    const response = await (enterAsyncScope ? runInRequestScope(scope, execute) : execute());

    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      res.setHeader('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY);
    }
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Sent as bytes: node:http puts the headers in front of a string answer, a new string
      // the size of the answer that the socket write then copies whole on the V8 heap. A
      // Buffer's bytes live outside the heap and go out beside the headers in one writev
      // (A/B: entries page -3 % and -7 %, `me` and the cached dashboard the same).
      const bytes = Buffer.from(response.body.string);
      res.setHeader('content-length', bytes.length);
      res.end(bytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
