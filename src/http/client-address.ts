import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type ClientAddress = (request: IncomingMessage) => string | null;

/**
 * The client's address of a request or WebSocket upgrade. TRUST_PROXY decides whether
 * X-Forwarded-For counts: a hop count trusts that many proxies in front of the server, a
 * list of addresses/subnets (or `loopback`, ...) trusts exactly those; off trusts nobody, so
 * the socket peer is the client. The same rules as express's `trust proxy` setting.
 */
export function clientAddressResolver(trustProxy: false | number | string): ClientAddress {
  if (trustProxy === false) return (request) => request.socket.remoteAddress ?? null;
  const trust: (address: string, hop: number) => boolean =
    typeof trustProxy === 'number'
      ? (_address, hop) => hop < trustProxy
      : proxyAddr.compile(trustProxy.split(',').map((item) => item.trim()));
  return (request) => (request.socket.remoteAddress === undefined ? null : proxyAddr(request, trust));
}
