import type { Request } from 'express';
import { resolveViewer, type Viewer } from './auth/viewer';
import type { Cache } from './cache';
import type { Config } from './config';
import { asDatabaseBusy } from './graphql/database-busy';
import type { PrismaClient } from './generated/prisma/client';
import type { Logger } from './lib/logger';
import { currentRequestScope, requestIdFrom } from './lib/request-scope';
import { createLoaders, type Loaders } from './loaders';
import { PermissionAuthority } from './modules/access/authority';
import type { RequestOrigin } from './modules/audit/audit-log';
import type { Services } from './services';

/** The per-request GraphQL context every resolver receives through `@Ctx()`. */
export interface Context {
  readonly requestId: string;
  /** null when the request carries no token. */
  readonly viewer: Viewer | null;
  readonly prisma: PrismaClient;
  readonly cache: Cache;
  readonly services: Services;
  readonly loaders: Loaders;
  /** The one permission authority, scoped to this viewer and request. */
  readonly authority: PermissionAuthority;
  /** Client ip, user agent and request id, for audit rows. */
  readonly origin: RequestOrigin;
  /** Carries `requestId` on every line. */
  readonly logger: Logger;
}

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
  readonly requestId: string;
  readonly viewer: Viewer | null;
  readonly origin: RequestOrigin;
  /** Carries `requestId`; the viewer's id is added here. */
  readonly logger: Logger;
}

/**
 * The context of one operation, over HTTP or a WebSocket: every call gets fresh DataLoaders
 * and a fresh permission authority, so nothing remembered crosses operations.
 */
export function buildContext(deps: ContextDependencies, identity: OperationIdentity): Context {
  const { requestId, viewer, origin, logger } = identity;
  const loaders = createLoaders(deps.prisma);
  // The token check just read the viewer's row: their own profile (dashboards, `owner` of
  // their deeds and entries) needs no second query.
  if (viewer) {
    const { id, fullName, timezone } = viewer.user;
    loaders.userProfiles.prime(id, { id, fullName, timezone });
  }
  return {
    requestId,
    viewer,
    prisma: deps.prisma,
    cache: deps.cache,
    services: deps.services,
    loaders,
    authority: new PermissionAuthority(deps.prisma, viewer?.id ?? null),
    origin,
    logger: viewer ? logger.child({ userId: viewer.id.toString() }) : logger,
  };
}

/** Throws UNAUTHENTICATED (failing the whole request) when a token is sent but not valid. */
export async function createContext(deps: ContextDependencies, req: Request): Promise<Context> {
  const scope = currentRequestScope();
  const requestId = scope?.requestId ?? requestIdFrom(req.headers['x-request-id']);
  const logger = scope?.logger ?? deps.logger.child({ requestId });
  const viewer = await resolveViewer(req, { jwtKey: deps.jwtKey, users: deps.services.users }).catch((error: unknown) => {
    throw asDatabaseBusy(error);
  });
  return buildContext(deps, {
    requestId,
    viewer,
    origin: { ipAddress: req.ip ?? null, userAgent: req.get('user-agent') ?? null, requestId },
    logger,
  });
}
