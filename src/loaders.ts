import type { PrismaClient } from './generated/prisma/client';
import type { ContextLoaders } from './modules/context-types';
import { appModules, type ModuleLoaders, type SameMembers } from './modules/registered';

/**
 * The request's DataLoaders, created fresh for every request so batches and caches never
 * cross viewers: what each registered module's manifest builds (e.g. `deeds`, `userProfiles`).
 * Relation fields resolve through them: never a query per parent row.
 *
 * A module's loaders are built the first time a request reads one of them: most operations
 * touch one or two modules, and building every module's DataLoaders for every request was a
 * measurable part of a small request's CPU.
 */
export type Loaders = ModuleLoaders;

/**
 * Compiles only while the loaders every module declares on the context
 * (modules/context-types.ts) are exactly those the registered modules build.
 */
export const loadersMatchContext: SameMembers<Loaders, ContextLoaders> = true;

type LoadersConstructor = new (prisma: PrismaClient) => Loaders;

/** A class with one getter per loader name, built once per process from the manifests. */
function lazyLoadersClass(prisma: PrismaClient): LoadersConstructor {
  const moduleOf = new Map<string, number>();
  appModules.forEach((module, index) => {
    for (const name of Object.keys(module.createLoaders(prisma))) {
      if (moduleOf.has(name)) throw new Error(`two modules register a loader named "${name}"`);
      moduleOf.set(name, index);
    }
  });

  class LazyLoaders {
    /** Each module's loaders of this request, by module index, once read. */
    readonly built: Array<Record<string, unknown> | undefined> = [];
    constructor(readonly prisma: PrismaClient) {}
  }
  for (const [name, index] of moduleOf) {
    Object.defineProperty(LazyLoaders.prototype, name, {
      enumerable: true,
      get(this: LazyLoaders) {
        this.built[index] ??= appModules[index]!.createLoaders(this.prisma) as Record<string, unknown>;
        return this.built[index][name];
      },
    });
  }
  return LazyLoaders as unknown as LoadersConstructor;
}

let LazyLoaders: LoadersConstructor | undefined;

export function createLoaders(prisma: PrismaClient): Loaders {
  LazyLoaders ??= lazyLoadersClass(prisma);
  return new LazyLoaders(prisma);
}
