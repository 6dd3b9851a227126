import type { ContextServices } from './modules/context-types';
import type { ServiceDependencies, SharedServices } from './modules/module';
import { appModules, mergeMembers, type ModuleServices, type SameMembers } from './modules/registered';
import { createSharedServices } from './modules/shared-services';

export type { ServiceDependencies };

/**
 * Every domain service, shared by all requests: the shared hooks (mailer, after-commit events,
 * dashboard cache) and what each registered module's manifest builds.
 */
export type Services = SharedServices & ModuleServices;

/**
 * Compiles only while the services every module declares on the context
 * (modules/context-types.ts) are exactly those the registered modules build.
 */
export const servicesMatchContext: SameMembers<ModuleServices, ContextServices> = true;

export function createServices(deps: ServiceDependencies): Services {
  const shared = createSharedServices(deps);
  const moduleDeps = { ...deps, ...shared };
  return mergeMembers<Services>([shared, ...appModules.map((module) => module.createServices(moduleDeps))], 'a service');
}
