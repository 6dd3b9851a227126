import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { resolveViewerFromAuthorization, type Viewer } from '../../auth/viewer';
import { buildContext, type Context, type ContextDependencies, type OperationIdentity } from '../../context';
import { MAX_BODY_BYTES } from '../../http/json-body';
import { ErrorCode, unauthenticated } from '../../lib/errors';
import { RequestScope } from '../../lib/request-scope';
import type { RequestOrigin } from '../../modules/audit/audit-log';
import { formatError, logUnexpectedErrors, withRequestId } from '../format-error';
import { loadTrustedDocuments, operationNotTrusted, resolveTrustedDocument } from '../trusted-documents';
import { addressSubject } from '../rate-limits/request-checks';
import { prepareSubscription, subscribeWithEventContexts } from './operation';
import {
  MAX_SOCKETS_PER_ADDRESS,
  MAX_SOCKETS_PER_USER,
  SocketCounts,
  SocketSubscriptions,
  TOKEN_REVOKED_CLOSE_REASON,
  TOO_MANY_SOCKETS_CLOSE_CODE,
  TOO_MANY_SOCKETS_CLOSE_REASON,
} from './session-limits';
import { attachGraphqlWs } from './ws-transport';

/**
 * Subscriptions over graphql-ws on the GraphQL path (CONTRACT.md sections 2 and 10).
 *
 * - `connection_init` carries `{ "authorization": "Bearer <JWT>" }`, checked by the same code
 *   as HTTP. An invalid, expired or revoked token closes the socket with 4403; no token
 *   connects anonymously (operations then fail UNAUTHENTICATED). The socket closes (4403)
 *   when the token expires.
 * - Every operation gets its own context, built like an HTTP request's, and every event of a
 *   subscription executes with a fresh one (see subscribeWithEventContexts).
 * - The token is checked again before every subscribe and every event: once the password
 *   changed or the account was deleted or deactivated, the socket closes with 4403.
 * - Sockets per user and per address, subscriptions per socket and subscribes per minute are
 *   capped (session-limits.ts).
 */

/** What one socket authenticated as, from `connection_init`. */
interface Connection {
  viewer: Viewer | null;
  /** As sent at `connection_init`: checked again before every subscribe and every event. */
  authorization: string | undefined;
  origin: Omit<RequestOrigin, 'requestId'>;
  subscriptions: SocketSubscriptions;
}

export interface SubscriptionServer {
  /** Closes every socket (1001 Going away) and stops accepting new ones. */
  dispose(): Promise<void>;
}

export const INVALID_TOKEN_CLOSE_REASON = 'Invalid or expired token';
export const TOKEN_EXPIRED_CLOSE_REASON = 'Token expired';

// setTimeout's ceiling (~24.8 days); tokens live 24 h.
const MAX_TIMER_MS = 2 ** 31 - 1;

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): unknown {
  return params?.authorization ?? params?.Authorization;
}

function isUnauthenticated(error: unknown): boolean {
  return (error as GraphQLError | undefined)?.extensions?.code === ErrorCode.UNAUTHENTICATED;
}

/** `http` is Apollo's hint for the HTTP status; a socket has none. */
function withoutHttpHint(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

export function serveSubscriptions(options: {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  deps: ContextDependencies;
  /** The client's address of an upgrade request, as HTTP requests get it (TRUST_PROXY). */
  clientAddress: (request: http.IncomingMessage) => string | null;
}): SubscriptionServer {
  const { schema, deps } = options;
  const logger = deps.logger.child({ component: 'subscriptions' });
  /** By graphql-ws's per-socket context object. */
  const connections = new WeakMap<object, Connection>();
  /** Builds a fresh context for each event of the operation whose context is the key. */
  const eventContexts = new WeakMap<object, () => Context>();
  // PERSISTED_OPERATIONS=only holds for sockets too (graphql/trusted-documents.ts).
  const trustedDocuments = deps.config.persistedOperations === 'only' ? loadTrustedDocuments() : undefined;
  const socketsPerUser = new SocketCounts(MAX_SOCKETS_PER_USER);
  const socketsPerAddress = new SocketCounts(MAX_SOCKETS_PER_ADDRESS);

  /** Whether the socket's token is still good (one user lookup); closes the socket with 4403 if not. */
  const stillAuthorized = async (connection: Connection, socket: { close(code: number, reason: string): void }) => {
    if (!connection.viewer) return true;
    try {
      await resolveViewerFromAuthorization(connection.authorization, { jwtKey: deps.jwtKey, users: deps.services.users });
      return true;
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      socket.close(CloseCode.Forbidden, TOKEN_REVOKED_CLOSE_REASON);
      return false;
    }
  };

  const format = (errors: readonly GraphQLError[], context?: Context): GraphQLFormattedError[] => {
    logUnexpectedErrors(errors, context?.logger ?? logger);
    const formatted = errors.map((error) => withoutHttpHint(formatError(error.toJSON(), error)));
    return context ? withRequestId(formatted, context.requestId) : formatted;
  };

  // A message may be as large as an HTTP request body, no larger (ws allows 100 MiB by default).
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: MAX_BODY_BYTES });
  const server = attachGraphqlWs<Record<string, unknown>>(
    {
      schema,

      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const authorization = authorizationOf(ctx.connectionParams);
        let viewer: Viewer | null;
        try {
          if (authorization !== undefined && typeof authorization !== 'string') throw new TypeError('authorization is not a string');
          viewer = await resolveViewerFromAuthorization(authorization, { jwtKey: deps.jwtKey, users: deps.services.users });
        } catch (error) {
          if (isUnauthenticated(error) || error instanceof TypeError) {
            socket.close(CloseCode.Forbidden, INVALID_TOKEN_CLOSE_REASON);
          } else {
            logger.error({ err: error }, 'subscription connection failed');
            socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
          // graphql-ws then tries 4403 itself: a socket already closing ignores it.
          return false;
        }

        const address = addressSubject(options.clientAddress(request));
        const user = viewer?.id.toString();
        if (!socketsPerAddress.tryTake(address)) {
          socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, TOO_MANY_SOCKETS_CLOSE_REASON);
          return false;
        }
        if (user !== undefined && !socketsPerUser.tryTake(user)) {
          socketsPerAddress.giveBack(address);
          socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, TOO_MANY_SOCKETS_CLOSE_REASON);
          return false;
        }
        socket.once('close', () => {
          socketsPerAddress.giveBack(address);
          if (user !== undefined) socketsPerUser.giveBack(user);
        });

        if (viewer) {
          const expiry = setTimeout(
            () => socket.close(CloseCode.Forbidden, TOKEN_EXPIRED_CLOSE_REASON),
            Math.min(Math.max(viewer.tokenExpiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS),
          );
          socket.once('close', () => clearTimeout(expiry));
        }
        connections.set(ctx, {
          viewer,
          authorization: authorization as string | undefined,
          origin: { ipAddress: options.clientAddress(request), userAgent: request.headers['user-agent'] ?? null },
          subscriptions: new SocketSubscriptions(),
        });
        return true;
      },

      async onSubscribe(ctx, id, payload) {
        const connection = connections.get(ctx);
        if (!connection) throw new Error('subscribe before the connection was acknowledged');
        if (!(await stillAuthorized(connection, ctx.extra.socket))) return [unauthenticated(TOKEN_REVOKED_CLOSE_REASON)];
        const trusted =
          trustedDocuments && resolveTrustedDocument({ query: payload.query, extensions: payload.extensions ?? undefined }, trustedDocuments);
        if (trusted && 'refused' in trusted) return [operationNotTrusted(trusted.refused)];
        const prepared = prepareSubscription(schema, trusted ? { ...payload, query: trusted.document } : payload);
        if ('errors' in prepared) return prepared.errors;
        const refused = connection.subscriptions.admit(id);
        if (refused) return [refused];

        const scope = new RequestScope(randomUUID(), deps.logger.child({ subscriptionId: id }));
        const identity: OperationIdentity = {
          scope,
          viewer: connection.viewer,
          origin: { ...connection.origin, requestId: scope.requestId },
        };
        const contextValue = buildContext(deps, identity);
        eventContexts.set(contextValue, () => buildContext(deps, identity));
        contextValue.logger.debug({ operationName: payload.operationName ?? null }, 'subscription started');
        return {
          schema,
          document: prepared.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },

      subscribe(args) {
        const operationContext = args.contextValue as Context;
        return subscribeWithEventContexts(args, eventContexts.get(operationContext) ?? (() => operationContext));
      },

      onComplete(ctx, id) {
        connections.get(ctx)?.subscriptions.complete(id);
      },

      async onNext(ctx, _id, _payload, args, result) {
        // A closing socket sends nothing (ws-transport.ts), so the event is not delivered.
        const connection = connections.get(ctx);
        if (connection && !(await stillAuthorized(connection, ctx.extra.socket))) return;
        if (!result.errors?.length) return;
        return { ...result, errors: format(result.errors, args.contextValue as Context) };
      },

      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    wsServer,
    logger,
  );

  return {
    dispose: async () => {
      await server.dispose();
    },
  };
}

/** Apollo's drain phase closes the sockets, as the HTTP drain plugin ends open requests. */
export function subscriptionDrainPlugin<TContext extends object>(server: SubscriptionServer): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await server.dispose();
        },
      };
    },
  };
}
