import { defineModule } from '../module';
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

type SearchServices = ReturnType<(typeof searchModule)['createServices']>;
type SearchLoaders = ReturnType<(typeof searchModule)['createLoaders']>;

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends SearchServices {}
  interface ContextLoaders extends SearchLoaders {}
}
