import { spawn } from 'node:child_process';
import { startTestServices } from '../test/services/test-services';

/**
 * Runs one command with throwaway PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL are
 * already given) and stops them afterwards, whatever the command's outcome:
 *
 *   node -r @swc-node/register scripts/with-test-services.ts npm run db:diff
 *
 * Exits with the command's exit code.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv[0] === '--' ? argv.slice(1) : argv;
  if (command === undefined) {
    console.error('usage: with-test-services.ts <command> [args...]');
    return 64;
  }
  const services = await startTestServices({
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
  });
  console.error(services.summary);
  try {
    return await run(command, args, { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl });
  } finally {
    await services.stop();
  }
}

/** Runs the command in the foreground; Ctrl-C and SIGTERM go to it, so cleanup still runs. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
