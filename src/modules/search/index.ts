import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { createSearchLoaders } from './loaders';
import { SEARCH_NODE_RESOLVERS } from './node-resolvers';
import { SearchResolver } from './resolver';
import { SearchService } from './service';

/** Full-text search (search_documents, kept by triggers). */
export const searchModule = defineModule({
  resolvers: [SearchResolver, ...SEARCH_NODE_RESOLVERS],
  createServices: ({ prisma }) => ({ search: new SearchService(prisma) }),
  createLoaders: createSearchLoaders,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof searchModule> {}
  interface ContextLoaders extends LoadersOf<typeof searchModule> {}
}
