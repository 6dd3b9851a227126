import { Client } from 'pg';
import { waitFor } from '../../../test/helpers/wait-for';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { MAX_CONCURRENT_DASHBOARD_COMPUTATIONS, MAX_QUEUED_DASHBOARD_COMPUTATIONS } from './service';
import { lockWaiters } from '../../../test/helpers/pg-client';

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

});

describe('uncached dashboards of one user at once', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Rate limits off: within them a user cannot ask for more dashboards a minute than wait.
    app = await startTestApp({ REDIS_URL: '', RATE_LIMITS: 'off' });
  });
  afterAll(() => app.stop());

  const capacity = MAX_CONCURRENT_DASHBOARD_COMPUTATIONS + MAX_QUEUED_DASHBOARD_COMPUTATIONS;

  it(`computes ${MAX_CONCURRENT_DASHBOARD_COMPUTATIONS} at once, queues ${MAX_QUEUED_DASHBOARD_COMPUTATIONS} more and refuses the next; others keep being served`, async () => {
    const user = await app.createUser();
    const other = await app.createUser();
    // Hold the entries table so that computations wait inside the database, where we can see them.
    const locker = new Client({ connectionString: app.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE entries IN ACCESS EXCLUSIVE MODE');
      const answered: Array<Awaited<ReturnType<TestApp['gql']>>> = [];
      const all = Array.from({ length: capacity + 1 }, (_, n) =>
        app.gql(DASHBOARD, { days: 10 + n }, { token: user.token }).then((response) => (answered.push(response), response)),
      );
      await waitFor('the computations beyond the queue refused', async () => answered.length > 0);
      expect(await lockWaiters(locker)).toBeLessThanOrEqual(MAX_CONCURRENT_DASHBOARD_COMPUTATIONS);
      expect(answered.map(errorCode)).toEqual(['RATE_LIMITED']);
      expect(answered[0]!.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', scope: 'DASHBOARD_COMPUTATIONS', retryAfter: 1 }),
      );
      const otherUsers = await app.gql('{ me { id } }', {}, { token: other.token });
      expect(otherUsers.errors).toBeUndefined();
      await locker.query('COMMIT');
      const responses = await Promise.all(all);
      expect(responses.filter((response) => response.errors === undefined)).toHaveLength(capacity);
    } finally {
      await locker.end();
    }
    // Done computing: the same user may compute again.
    expect((await app.gql(DASHBOARD, { days: 5 }, { token: user.token })).errors).toBeUndefined();
  });
});
