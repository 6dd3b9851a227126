// Manifests load every module's decorated classes (type-graphql): the metadata API must
// exist first, whichever entry file (schema, services or loaders) is imported first.
import 'reflect-metadata';
import type { AppModule } from './module';
import * as registry from './registry';

type Registered = (typeof registry)[keyof typeof registry];

/** `A | B` → `A & B`: every module's members side by side. */
type Merged<Union> = (Union extends unknown ? (member: Union) => void : never) extends (member: infer All) => void ? All : never;

/** Every registered module's services, by the names their manifests give them. */
export type ModuleServices = Merged<ReturnType<Registered['createServices']>>;

/** Every registered module's DataLoaders, by the names their manifests give them. */
export type ModuleLoaders = Merged<ReturnType<Registered['createLoaders']>>;

/** `true` when both types have the same members with the same types, else `never`. */
export type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** The registered modules, in registry order. */
export const appModules: ReadonlyArray<AppModule<object, object>> = Object.values(registry);

/**
 * Puts the modules' services (or loaders) into one object; a name two modules both use would
 * silently replace one of them, so it throws instead.
 */
export function mergeMembers<Merged>(parts: readonly object[], what: string): Merged {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, member] of Object.entries(part)) {
      if (name in merged) throw new Error(`two modules register ${what} named "${name}"`);
      merged[name] = member;
    }
  }
  return merged as Merged;
}
