import http from 'node:http';
import type { GraphQLError } from './test-app';

export interface AddressedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  data?: Record<string, any> | null;
  errors?: GraphQLError[];
}

/**
 * POSTs a GraphQL request from a chosen loopback address (any 127.x.y.z on Linux), so tests
 * can act as different client IPs against a server listening on 127.0.0.1.
 */
export function postGraphQLFrom(
  url: string,
  localAddress: string,
  request: { query: string; variables?: Record<string, unknown> },
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<AddressedResponse> {
  const payload = JSON.stringify(request);
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: 'POST', headers, localAddress, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<AddressedResponse, 'status' | 'headers'>;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, data: body.data, errors: body.errors });
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
