import { Client } from 'pg';
import { waitFor } from '../../../test/helpers/wait-for';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { MAX_CONCURRENT_DASHBOARD_COMPUTATIONS } from './service';

/**
 * Issue 11 item 4 over HTTP: dashboards per operation, uncached computations running at once
 * per user, and their weight in the per-user operations window (rate limits on, in process).
 */

const DASHBOARD = 'query ($days: Int) { dashboard(days: $days) { days generatedAt } }';

describe('dashboards as a load', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: '', RATE_LIMITS: 'on' });
  });
  afterAll(() => app.stop());

  it('refuses a third dashboard in one operation before anything runs', async () => {
    const user = await app.createUser();
    const three = `{ ${[30, 31, 32].map((days) => `d${days}: dashboard(days: ${days}) { days }`).join(' ')} }`;
    const refused = await app.gql(three, {}, { token: user.token });
    expect(refused.status).toBe(400);
    expect(refused.data ?? undefined).toBeUndefined();
    expect(refused.errors?.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'DASHBOARDS' }]);
    const two = await app.gql('{ a: dashboard(days: 7) { days } b: dashboard(days: 365) { days } }', {}, { token: user.token });
    expect(two.errors).toBeUndefined();
  });

  it('counts a dashboard as 10 operations: the 31st in a minute is refused', async () => {
    const user = await app.createUser();
    for (let read = 1; read <= 30; read += 1) {
      const ok = await app.gql(DASHBOARD, { days: 7 }, { token: user.token });
      expect(ok.errors).toBeUndefined();
    }
    const refused = await app.gql(DASHBOARD, { days: 7 }, { token: user.token });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'RATE_LIMITED', scope: 'OPERATIONS_PER_USER' }));
  });

  it(`computes at most ${MAX_CONCURRENT_DASHBOARD_COMPUTATIONS} uncached dashboards of one user at once; others keep being served`, async () => {
    const user = await app.createUser();
    const other = await app.createUser();
    // Hold the entries table so that computations wait inside the database, where we can see them.
    const locker = new Client({ connectionString: app.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE entries IN ACCESS EXCLUSIVE MODE');
      const running = [10, 11].map((days) => app.gql(DASHBOARD, { days }, { token: user.token }));
      await waitFor('two computations waiting for the lock', async () => {
        const { rows } = await locker.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        );
        return rows[0]!.waiting >= MAX_CONCURRENT_DASHBOARD_COMPUTATIONS;
      });
      const third = await app.gql(DASHBOARD, { days: 12 }, { token: user.token });
      expect(errorCode(third)).toBe('RATE_LIMITED');
      expect(third.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', scope: 'DASHBOARD_COMPUTATIONS', retryAfter: 1 }),
      );
      const otherUsers = await app.gql('{ me { id } }', {}, { token: other.token });
      expect(otherUsers.errors).toBeUndefined();
      await locker.query('COMMIT');
      for (const response of await Promise.all(running)) expect(response.errors).toBeUndefined();
    } finally {
      await locker.end();
    }
    // Done computing: the same user may compute again.
    expect((await app.gql(DASHBOARD, { days: 12 }, { token: user.token })).errors).toBeUndefined();
  });
});
