import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { createSocialLoaders } from './loaders';
// Relations load first: schema.graphql is printed in the order the types are declared.
import { RelationResolver } from './relations/resolver';
import { RelationService } from './relations/service';
import { PermissionResolver } from './permissions/resolver';
import { PermissionService } from './permissions/service';

/** Connections between users and the permissions they grant each other. */
export const socialModule = defineModule({
  resolvers: [RelationResolver, PermissionResolver],
  createServices: ({ prisma, afterWrite }) => ({
    relations: new RelationService(prisma, afterWrite),
    permissions: new PermissionService(prisma, afterWrite),
  }),
  createLoaders: createSocialLoaders,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof socialModule> {}
  interface ContextLoaders extends LoadersOf<typeof socialModule> {}
}
