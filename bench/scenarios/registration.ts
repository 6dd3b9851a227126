import { answered } from '../lib/load';
import { measuredLoad, rowFromLoad, type BenchContext, type ScenarioRow } from '../lib/scenario';

const REGISTER = `mutation BenchRegister($input: RegisterInput!) {
  register(input: $input) { token expiresAt user { id email } }
}`;

/**
 * Seed scenario 1: N registrations at once (the seed: 1,000), each on a connection of its
 * own; every one hashes a password with argon2id, writes the user and an audit event, and
 * sends a verification email (to the file outbox).
 */
export async function registrations(ctx: BenchContext): Promise<ScenarioRow[]> {
  const count = ctx.settings.registrations;
  const run = Date.now().toString(36);
  ctx.log(`registrations: ${count} at once`);
  const result = await measuredLoad(ctx, ['BenchRegister'], {
    connections: count,
    amount: count,
    maxSeconds: 180,
    timeoutSeconds: 170,
    request: (n) => ({
      operationName: 'BenchRegister',
      query: REGISTER,
      variables: {
        input: { email: `bench-${run}-${n}@example.com`, password: 'bench-password-123', fullName: `Bench ${n}`, timezone: 'UTC' },
      },
    }),
    check: (body) => answered(body, '"token"'),
  });
  const allDone = result.responses === count && result.errors === 0;
  return [
    rowFromLoad('Registrations', `${count.toLocaleString('en-US')} concurrent (1 each)`, result, {
      text: `${count.toLocaleString('en-US')} concurrent all succeed`,
      met: allDone,
      ...(allDone ? {} : { missedBecause: `${result.responses - result.errors} of ${count} succeeded` }),
    }),
  ];
}
