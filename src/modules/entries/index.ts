import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { EntryChangeFieldResolver, EntryFieldResolver, EntrySnapshotFieldResolver } from './field-resolvers';
import { createEntryLoaders } from './loaders';
import { EntryReadService } from './read-service';
import { EntryResolver } from './resolver';
import { EntryWriteService } from './write-service';

/** Entries recorded against deed items, their history and archives. */
export const entriesModule = defineModule({
  resolvers: [EntryResolver, EntryFieldResolver, EntryChangeFieldResolver, EntrySnapshotFieldResolver],
  createServices: ({ prisma, entryEvents, goalEvents, afterWrite }) => ({
    entryReads: new EntryReadService(prisma),
    entryWrites: new EntryWriteService(prisma, entryEvents, goalEvents, afterWrite),
  }),
  createLoaders: createEntryLoaders,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof entriesModule> {}
  interface ContextLoaders extends LoadersOf<typeof entriesModule> {}
}
