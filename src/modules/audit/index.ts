import { defineModule, none } from '../module';
import { AuditEventResolver } from './resolver';
import { AuditEventService } from './service';

/** The audit trail a user may read about themselves. */
export const auditModule = defineModule({
  resolvers: [AuditEventResolver],
  createServices: ({ prisma }) => ({ audit: new AuditEventService(prisma) }),
  createLoaders: none,
});
