import { defineModule, none } from '../module';
import { SearchResolver } from './resolver';
import { SearchService } from './service';

/** Full-text search (search_documents, kept by triggers). */
export const searchModule = defineModule({
  resolvers: [SearchResolver],
  createServices: ({ prisma }) => ({ search: new SearchService(prisma) }),
  createLoaders: none,
});

type SearchServices = ReturnType<(typeof searchModule)['createServices']>;

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends SearchServices {}
}
