import { defineModule, none, type ServicesOf } from '../module';
import { SupportDeskResolver, SupportReceivedResolver } from './desk-resolver';
import { SupportDeskService } from './desk-service';
import { SupportMessageResolver } from './resolver';
import { SupportService } from './service';
import { SupportEvents } from './support-events';

/** Support conversations between users and the team (support desk: SUPPORT accounts). */
export const supportModule = defineModule({
  resolvers: [SupportMessageResolver, SupportDeskResolver, SupportReceivedResolver],
  createServices: ({ prisma, mailer, events, logger, afterWrite }) => ({
    support: new SupportService(prisma, afterWrite),
    supportDesk: new SupportDeskService({ prisma, mailer, events, logger, afterWrite }),
    supportEvents: new SupportEvents(prisma, events),
  }),
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof supportModule> {}
}
