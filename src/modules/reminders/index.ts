import { defineModule, none, type ServicesOf } from '../module';
import { ReminderResolver } from './resolver';
import { ReminderService } from './service';

/** Owners' reminder settings (the job that sends them is src/jobs/reminders.ts). */
export const remindersModule = defineModule({
  resolvers: [ReminderResolver],
  createServices: ({ prisma }) => ({ reminders: new ReminderService(prisma) }),
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof remindersModule> {}
}
