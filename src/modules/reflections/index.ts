import { defineModule, none, type ServicesOf } from '../module';
import { ReflectionResolver } from './resolver';
import { ReflectionService } from './service';

/** Owners' reflections. */
export const reflectionsModule = defineModule({
  resolvers: [ReflectionResolver],
  createServices: ({ prisma }) => ({ reflections: new ReflectionService(prisma) }),
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof reflectionsModule> {}
}
