import type { Cache } from '../cache';
import type { Config } from '../config';
import type { EventBus } from '../events';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import type { Mailer } from '../mail';
import type { AfterWrite } from './after-write';
import type { DashboardCache } from './dashboard/dashboard-cache';
import type { EntryEvents } from './entries/entry-events';
import type { GoalEvents } from './progress/goal-events';
import type { LiveUsers } from './users/live-users';

/** What services are built from; one set per process. */
export interface ServiceDependencies {
  config: Config;
  prisma: PrismaClient;
  cache: Cache;
  logger: Logger;
  /** Signs access tokens (login, register, password changes). */
  jwtKey: Uint8Array;
  /** After-commit events for subscribers on every instance. */
  events: EventBus;
}

/**
 * The hooks several modules share, built before any module's services (shared-services.ts),
 * so modules never depend on each other's construction order.
 */
export interface SharedServices {
  /** SMTP or the file outbox (config.smtpUrl); reminders send through it too. */
  mailer: Mailer;
  /** After-commit hook of entry writes (subscriptions). */
  entryEvents: EntryEvents;
  /** After-commit hook of goal completion (`meritCompleted` subscriptions). */
  goalEvents: GoalEvents;
  /** Dashboards in the shared cache (the dashboard service reads them; writers drop them through afterWrite). */
  dashboardCache: DashboardCache;
  /** Live user rows across requests (the token check reads them; writers drop them through afterWrite). */
  liveUsers: LiveUsers;
  /** What every writer calls once its transaction committed (after-write.ts). */
  afterWrite: AfterWrite;
}

/** What a module's services factory receives. */
export type ModuleDependencies = ServiceDependencies & SharedServices;

/**
 * A domain module as the entry wiring sees it (each `src/modules/<domain>/index.ts` exports
 * one, and modules/registry.ts lists them): its resolver classes for the schema, its
 * services (built once per process) and its DataLoaders (built fresh for every operation, so
 * batches and caches never cross viewers).
 */
export interface AppModule<ModuleServices extends object, ModuleLoaders extends object> {
  readonly resolvers: readonly Function[];
  createServices(deps: ModuleDependencies): ModuleServices;
  createLoaders(prisma: PrismaClient): ModuleLoaders;
}

/** Checks a manifest against AppModule while keeping its exact services and loaders types. */
export function defineModule<ModuleServices extends object = object, ModuleLoaders extends object = object>(
  module: AppModule<ModuleServices, ModuleLoaders>,
): AppModule<ModuleServices, ModuleLoaders> {
  return module;
}

/** The services a module's manifest builds, by name (what it declares on the context). */
export type ServicesOf<Module extends AppModule<object, object>> = ReturnType<Module['createServices']>;

/** The DataLoaders a module's manifest builds, by name (what it declares on the context). */
export type LoadersOf<Module extends AppModule<object, object>> = ReturnType<Module['createLoaders']>;

/** For modules without loaders (or services). */
export const none = (): object => ({});
