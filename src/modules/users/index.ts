import { defineModule, type LoadersOf, type ServicesOf } from '../module';
import { AccountResolver } from './account-resolver';
import { AuthService } from './auth-service';
import { DataExportService } from './data-export';
import { createUnreadSupportMessageCountLoader, createUserProfileLoader } from './loaders';
import { UserResolver } from './resolver';
import { UserService } from './service';

/** Accounts, sign-in, profiles and the personal data export. */
export const usersModule = defineModule({
  resolvers: [UserResolver, AccountResolver],
  createServices: ({ config, prisma, afterWrite, liveUsers, jwtKey, mailer, logger }) => ({
    users: new UserService(prisma, liveUsers, afterWrite, { purgeAfterDays: config.accountPurgeAfterDays }),
    auth: new AuthService({ prisma, jwtKey, mailer, logger, afterWrite }),
    dataExport: new DataExportService(prisma),
  }),
  createLoaders: (prisma) => ({
    /** Public profiles of live or deleted users, for embedded `owner`, `createdBy`, ... fields. */
    userProfiles: createUserProfileLoader(prisma),
    /** `User.unreadSupportMessageCount` by user id. */
    unreadSupportMessageCounts: createUnreadSupportMessageCountLoader(prisma),
  }),
});

// What this module puts on every operation's context (modules/context-types.ts).
declare module '../context-types' {
  interface ContextServices extends ServicesOf<typeof usersModule> {}
  interface ContextLoaders extends LoadersOf<typeof usersModule> {}
}
