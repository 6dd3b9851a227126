import { defineModule, none, type ServicesOf } from '../module';
import { AuditEventResolver } from './resolver';
import { AuditEventService } from './service';

/** The audit trail a user may read about themselves. */
export const auditModule = defineModule({
  resolvers: [AuditEventResolver],
  createServices: ({ prisma }) => ({ audit: new AuditEventService(prisma) }),
  createLoaders: none,
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof auditModule> {}
}
