import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import express from 'express';
import { clientAddressOf } from './client-address';

function upgrade(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress } as Socket,
  } as IncomingMessage;
}

describe('clientAddressOf', () => {
  it('is the socket peer when no proxy is trusted', () => {
    const app = express();
    app.set('trust proxy', false);
    expect(clientAddressOf(app, upgrade('127.0.0.1', '203.0.113.9'))).toBe('127.0.0.1');
  });

  it('takes X-Forwarded-For from a trusted proxy only', () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    expect(clientAddressOf(app, upgrade('127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddressOf(app, upgrade('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7');
  });
});
