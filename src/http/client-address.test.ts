import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { clientAddressResolver } from './client-address';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress } as Socket,
    connection: { remoteAddress } as Socket,
  } as IncomingMessage;
}

describe('clientAddressResolver', () => {
  it('is the socket peer when no proxy is trusted', () => {
    expect(clientAddressResolver(false)(request('127.0.0.1', '203.0.113.9'))).toBe('127.0.0.1');
  });

  it('takes X-Forwarded-For from a trusted proxy only', () => {
    const clientAddress = clientAddressResolver('loopback');
    expect(clientAddress(request('127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(request('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7');
  });

  it('walks back as many hops as it is told to trust, no further', () => {
    const oneHop = clientAddressResolver(1);
    expect(oneHop(request('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddressResolver(2)(request('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('198.51.100.1');
  });

  it('trusts subnets and lists of addresses', () => {
    const clientAddress = clientAddressResolver('10.0.0.0/8, 192.0.2.1');
    expect(clientAddress(request('10.1.2.3', '203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(request('192.0.2.1', '203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(request('192.0.2.2', '203.0.113.9'))).toBe('192.0.2.2');
  });
});
