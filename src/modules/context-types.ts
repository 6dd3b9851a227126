import type { Viewer } from '../auth/viewer';
import type { Cache } from '../cache';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import type { RequestScope } from '../lib/request-scope';
import type { PermissionAuthority } from './access/authority';
import type { RequestOrigin } from './audit/audit-log';

/**
 * The per-operation context as resolvers and services see it: types only. The entry wiring
 * (src/context.ts) builds it; modules import it from here, so no module depends on the
 * wiring that is built from every module.
 *
 * `ContextServices` and `ContextLoaders` start empty: each module's `index.ts` adds what its
 * manifest builds (interface merging, `declare module '../context-types'`), and
 * src/services.ts and src/loaders.ts check at compile time that the two lists agree with
 * the registry.
 */

/** Every domain service, by the name its module's manifest gives it (added by each module). */
export interface ContextServices {}

/** The operation's DataLoaders, by the name its module's manifest gives them (added by each module). */
export interface ContextLoaders {}

/**
 * Who acts in an operation: the signed-in viewer, with what services act through for them
 * (their permission authority, where the request came from, the operation's loaders). The
 * context builds it once per operation, on first use; services take it wherever they need
 * to know who acts.
 */
export interface Actor {
  readonly viewerId: bigint;
  readonly viewer: Viewer;
  /** The viewer's IANA timezone ("today", goal windows, reflection dates). */
  readonly timezone: string;
  readonly authority: PermissionAuthority;
  /** Client ip, user agent and request id, for audit rows. */
  readonly origin: RequestOrigin;
  readonly loaders: ContextLoaders;
}

/** The per-operation GraphQL context every resolver receives through `@Ctx()`. */
export interface Context {
  readonly requestId: string;
  /** null when the request carries no token. */
  readonly viewer: Viewer | null;
  /**
   * The signed-in viewer as the one who acts; reading it without a viewer throws
   * UNAUTHENTICATED (every operation outside the public ones of CONTRACT.md section 2).
   */
  readonly actor: Actor;
  readonly prisma: PrismaClient;
  readonly cache: Cache;
  readonly services: ContextServices;
  readonly loaders: ContextLoaders;
  /** The one permission authority, scoped to this viewer and operation. */
  readonly authority: PermissionAuthority;
  /** Client ip, user agent and request id, for audit rows. */
  readonly origin: RequestOrigin;
  /** Carries `requestId` (and the viewer's id) on every line; built on first use. */
  readonly logger: Logger;
  /** What this request did (request log, metrics) and where its reads go (read replicas). */
  readonly scope: RequestScope;
}
