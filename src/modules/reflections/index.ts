import { defineModule, none } from '../module';
import { ReflectionResolver } from './resolver';
import { ReflectionService } from './service';

/** Owners' reflections. */
export const reflectionsModule = defineModule({
  resolvers: [ReflectionResolver],
  createServices: ({ prisma }) => ({ reflections: new ReflectionService(prisma) }),
  createLoaders: none,
});
