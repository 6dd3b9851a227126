import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { resolveViewer, type Viewer } from './auth/viewer';
import type { Cache } from './cache';
import type { Config } from './config';
import { asDatabaseBusy } from './graphql/database-busy';
import { logUnexpectedError } from './graphql/format-error';
import { ErrorCode, INTERNAL_ERROR_MESSAGE, unauthenticated } from './lib/errors';
import type { PrismaClient } from './generated/prisma/client';
import type { Logger } from './lib/logger';
import type { RequestScope } from './lib/request-scope';
import { createLoaders, type Loaders } from './loaders';
import { PermissionAuthority } from './modules/access/authority';
import type { RequestOrigin } from './modules/audit/audit-log';
import type { Actor, Context } from './modules/context-types';
import type { Services } from './services';

export type { Actor, Context };

/** Process-wide dependencies the context is built from. */
export interface ContextDependencies {
  config: Config;
  prisma: PrismaClient;
  cache: Cache;
  services: Services;
  logger: Logger;
  jwtKey: Uint8Array;
}

/** Who runs an operation and from where: what an HTTP request or a WebSocket operation supplies. */
export interface OperationIdentity {
  readonly scope: RequestScope;
  readonly viewer: Viewer | null;
  readonly origin: RequestOrigin;
}

/**
 * The context of one operation, over HTTP or a WebSocket: every call gets fresh DataLoaders
 * and a fresh permission authority, so nothing remembered crosses operations.
 */
export function buildContext(deps: ContextDependencies, identity: OperationIdentity): Context {
  const { viewer, scope } = identity;
  const loaders = createLoaders(deps.prisma);
  // The token check just read the viewer's row: their own profile (dashboards, `owner` of
  // their deeds and entries) needs no second query.
  if (viewer) {
    const { id, fullName, timezone } = viewer.user;
    loaders.userProfiles.prime(id, { id, fullName, timezone });
    scope.viewerId = id.toString();
  }
  return new OperationContext(deps, identity, loaders);
}

/**
 * A class rather than an object literal: Apollo copies the context's own properties for
 * every operation, which would run an own getter; the lazy logger lives on the prototype.
 */
class OperationContext implements Context {
  readonly requestId: string;
  readonly viewer: Viewer | null;
  readonly prisma: PrismaClient;
  readonly cache: Cache;
  readonly services: Services;
  readonly authority: PermissionAuthority;
  readonly origin: RequestOrigin;
  readonly scope: RequestScope;
  private operationLogger: Logger | undefined;
  private operationActor: Actor | undefined;

  constructor(
    deps: ContextDependencies,
    identity: OperationIdentity,
    readonly loaders: Loaders,
  ) {
    this.requestId = identity.scope.requestId;
    this.viewer = identity.viewer;
    this.prisma = deps.prisma;
    this.cache = deps.cache;
    this.services = deps.services;
    this.authority = new PermissionAuthority(deps.prisma, identity.viewer?.id ?? null);
    this.origin = identity.origin;
    this.scope = identity.scope;
  }

  /** A pino child per request costs more than most requests log: made when first used. */
  get logger(): Logger {
    this.operationLogger ??= this.viewer ? this.scope.logger.child({ userId: this.viewer.id.toString() }) : this.scope.logger;
    return this.operationLogger;
  }

  /** Built once per operation, when a resolver first needs the viewer as the one who acts. */
  get actor(): Actor {
    if (this.operationActor) return this.operationActor;
    const viewer = this.viewer;
    if (!viewer) throw unauthenticated();
    this.operationActor = {
      viewerId: viewer.id,
      viewer,
      timezone: viewer.user.timezone,
      authority: this.authority,
      origin: this.origin,
      loaders: this.loaders,
    };
    return this.operationActor;
  }
}

/** An HTTP request as the context needs it. */
export interface HttpRequestIdentity {
  readonly headers: IncomingHttpHeaders;
  readonly ipAddress: string | null;
  readonly scope: RequestScope;
}

/**
 * Refused tokens fail the whole request (UNAUTHENTICATED); a busy pool answers 503; anything
 * else is logged here, with the request id, and masked (formatError keeps the request id).
 */
function contextFailure(error: unknown, scope: RequestScope): unknown {
  if (error instanceof GraphQLError && error.extensions.code !== undefined) return error;
  logUnexpectedError(error, scope.logger);
  const busy = asDatabaseBusy(error, scope.requestId);
  if (busy !== error) return busy;
  // formatError masks it, and reads the cause for load problems (a statement timeout).
  return new GraphQLError(INTERNAL_ERROR_MESSAGE, {
    originalError: error instanceof Error ? error : undefined,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: scope.requestId },
  });
}

export async function createContext(deps: ContextDependencies, request: HttpRequestIdentity): Promise<Context> {
  const { scope } = request;
  let viewer: Viewer | null;
  try {
    viewer = await resolveViewer(request, { jwtKey: deps.jwtKey, users: deps.services.users });
  } catch (error) {
    throw contextFailure(error, scope);
  }
  const userAgent = request.headers['user-agent'];
  return buildContext(deps, {
    scope,
    viewer,
    origin: { ipAddress: request.ipAddress, userAgent: userAgent ?? null, requestId: scope.requestId },
  });
}
