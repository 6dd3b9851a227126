import { answered } from '../lib/load';
import { heavyRunsNote, repeatedLoad, rowFromRuns, type BenchContext, type MeasuredLoad, type ScenarioRow } from '../lib/scenario';
import type { Target } from '../lib/targets';

const REGISTER = `mutation BenchRegister($input: RegisterInput!) {
  register(input: $input) { token expiresAt user { id email } }
}`;

const WITHIN_SECONDS = 60;

/** Every run: all registered (no socket error, no wrong answer) and the last answer within the bound. */
function allRegistered(count: number, runs: readonly MeasuredLoad[]): Target {
  const text = `${count.toLocaleString('en-US')} concurrent all succeed within ${WITHIN_SECONDS} s`;
  const reasons = runs.flatMap((run) => [
    ...(run.responses - run.errors < count ? [`${run.responses - run.errors} of ${count} succeeded`] : []),
    ...(run.seconds > WITHIN_SECONDS ? [`all answered after ${run.seconds.toFixed(0)} s`] : []),
  ]);
  return reasons.length === 0 ? { text, met: true } : { text, met: false, missedBecause: reasons.join('; ') };
}

/**
 * Seed scenario 1: N registrations at once (the seed: 1,000), each on a connection of its
 * own; every one hashes a password with argon2id, writes the user and an audit event, and
 * sends a verification email (to the file outbox). Runs BENCH_HEAVY_REPEAT times, each with
 * new addresses.
 */
export async function registrations(ctx: BenchContext): Promise<ScenarioRow[]> {
  const count = ctx.settings.registrations;
  const times = ctx.settings.heavyRepeat;
  const batch = Date.now().toString(36);
  ctx.log(`registrations: ${count} at once, ${times} time${times > 1 ? 's' : ''}`);
  const runs = await repeatedLoad(ctx, times, (run) => ({
    connections: count,
    amount: count,
    maxSeconds: 180,
    timeoutSeconds: 170,
    request: (n) => ({
      operationName: 'BenchRegister',
      query: REGISTER,
      variables: {
        input: { email: `bench-${batch}-${run}-${n}@example.com`, password: 'bench-password-123', fullName: `Bench ${n}`, timezone: 'UTC' },
      },
    }),
    check: (body) => answered(body, '"token"'),
  }));
  return [
    rowFromRuns('Registrations', `${count.toLocaleString('en-US')} concurrent (1 each)`, runs, () => allRegistered(count, runs), {
      plannedRuns: times,
      notes: heavyRunsNote(ctx.settings),
    }),
  ];
}
