import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ConnectionInitMessage, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../lib/logger';

/**
 * graphql-ws on a `ws` server: the package's `useServer` (graphql-ws/use/ws, which its docs
 * offer as a starter to adapt), reduced to what we use and logging through pino: `useServer`
 * writes every socket error (a client's oversized message, a dropped connection) to
 * console.error, outside the JSON log.
 */

/** What every graphql-ws callback gets as `ctx.extra`. */
export interface SocketExtra {
  readonly socket: WebSocket;
  /** The HTTP upgrade request. */
  readonly request: IncomingMessage;
}

/** Sockets that stop answering pings are dropped after this long (and pinged this often). */
const KEEP_ALIVE_MS = 12_000;

export function attachGraphqlWs<P extends ConnectionInitMessage['payload']>(
  options: ServerOptions<P, SocketExtra>,
  wsServer: WebSocketServer,
  logger: Logger,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;

  wsServer.on('error', (error) => {
    logger.error({ err: error }, 'websocket server error');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  wsServer.on('connection', (socket, request) => {
    // ws has already closed the socket with the right code (e.g. 1009 for an oversized message).
    socket.on('error', (error) => logger.warn({ err: error }, 'websocket error'));

    let pongWait: NodeJS.Timeout | undefined;
    const pings = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              logger.error({ err: error }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request },
    );

    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pings);
      closed(code, String(reason)).catch((error: unknown) => logger.error({ err: error }, 'graphql-ws close handling failed'));
    });
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
