import type { ApolloServerPlugin } from '@apollo/server';
import type { PrismaClient } from '../generated/prisma/client';
import { currentRequestScope, type RequestScope } from '../lib/request-scope';

/**
 * Read/write splitting by GraphQL operation type (DATABASE_REPLICA_URLS): every statement of
 * a `query` operation that only reads goes to one replica, chosen per request; mutations,
 * subscriptions, statements outside a request, and all writes and transactions go to the
 * primary. The split lives in ONE client handed to everything (services, loaders, the
 * permission authority), which asks the request's route on each call, so no caller has to
 * choose.
 *
 * Not @prisma/extension-read-replicas: it routes each statement by its kind alone, so reads
 * inside a mutation would go to a (possibly lagging) replica, and raw SQL (the authority's)
 * would always go to the primary.
 *
 * Authentication (the viewer's row, read while the context is built, before the operation
 * is known) stays on the primary, so a revoked token is refused without replication lag.
 * A client that reads right after writing may not see its write yet (replication lag).
 */

/** Apollo plugin: a `query` operation switches its request's scope to read-only. */
export function readOnlyOperationRouting<TContext extends { scope: RequestScope }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          contextValue.scope.readOnly = operation?.operation === 'query';
        },
      };
    },
  };
}

/** Model methods that only read; every other method (create, update, upsert, ...) writes. */
const READ_METHODS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);

/** Raw SQL that returns rows; `$executeRaw*` and `$transaction` always go to the primary. */
const READ_ROOT_METHODS = new Set(['$queryRaw', '$queryRawUnsafe']);

function bound<T>(owner: object, name: PropertyKey): T {
  const value = Reflect.get(owner, name, owner) as unknown;
  return (typeof value === 'function' ? value.bind(owner) : value) as T;
}

/**
 * A client that behaves like `primary` but sends the reads of read-only requests to one of
 * `replicas` (round robin over requests).
 */
export function routeReadsToReplicas(primary: PrismaClient, replicas: readonly PrismaClient[]): PrismaClient {
  if (replicas.length === 0) return primary;
  let next = 0;
  const readerFor = (): PrismaClient => {
    // The server enters the request scope of every request when replicas are configured.
    const scope = currentRequestScope();
    if (!scope?.readOnly) return primary;
    scope.replica ??= replicas[next++ % replicas.length]!;
    return scope.replica as PrismaClient;
  };

  const delegates = new Map<string, object>();
  const delegate = (model: string): object => {
    let found = delegates.get(model);
    if (!found) {
      found = new Proxy(Reflect.get(primary, model) as object, {
        get: (primaryDelegate, method) =>
          typeof method === 'string' && READ_METHODS.has(method)
            ? bound(Reflect.get(readerFor(), model) as object, method)
            : bound(primaryDelegate, method),
      });
      delegates.set(model, found);
    }
    return found;
  };

  const routed = new Proxy(primary, {
    get(target, name) {
      if (typeof name !== 'string') return bound(target, name);
      if (READ_ROOT_METHODS.has(name)) return bound(readerFor(), name);
      // Model delegates are the client's lower-case properties (`user`, `entry`, ...).
      const value = Reflect.get(target, name, target) as unknown;
      if (!name.startsWith('$') && !name.startsWith('_') && typeof value === 'object' && value !== null) {
        return delegate(name);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  primaries.set(routed, primary);
  return routed;
}

/** The primary behind each client routeReadsToReplicas made. */
const primaries = new WeakMap<PrismaClient, PrismaClient>();

/**
 * The primary of a routed client (the client itself when it routes nothing): for a read whose
 * result outlives the request (a computation that is cached), which must not come from a
 * lagging replica. Cheaper than a transaction, which costs a BEGIN and a COMMIT around it.
 */
export function primaryOf(client: PrismaClient): PrismaClient {
  return primaries.get(client) ?? client;
}
