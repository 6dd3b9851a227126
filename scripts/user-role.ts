/**
 * Sets an account's role from the command line (package.json script):
 *   npm run user:role -- <email> <USER|SUPPORT>
 * SUPPORT accounts answer the support desk (supportInbox, replyToSupportMessage, ...) and see
 * nothing else of other users' data. There is no API for this; each change is audited
 * (ROLE_CHANGED). Works on DATABASE_URL or, with the server stopped, on the embedded PGlite
 * database. Exit codes: 0 done, 1 error, 64 usage.
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { announceToInstances } from '../src/events';
import { createLogger } from '../src/lib/logger';
import { setUserRole, UserRoleError } from '../src/modules/support/user-role';
import { USER_CHANGED_TOPIC } from '../src/modules/users/live-users';

const USAGE = 'usage: npm run user:role -- <email> <USER|SUPPORT>';

async function run(args: string[]): Promise<number> {
  const [email, role] = args;
  if (!email || !role || args.length !== 2) {
    console.error(USAGE);
    return 64;
  }
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const result = await setUserRole(db.prisma, email, role.toUpperCase());
    // Running instances keep user rows for a while (modules/users/live-users.ts).
    if (result.changed) {
      await announceToInstances(config, USER_CHANGED_TOPIC, { userId: String(result.userId) }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`warning: running servers not told (${reason}); they show the new role within VIEWER_CACHE_SECONDS`);
      });
    }
    console.log(result.changed ? `${email}: ${result.from} → ${result.to}` : `${email} is already ${result.to}`);
    return 0;
  } catch (error) {
    if (error instanceof UserRoleError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
