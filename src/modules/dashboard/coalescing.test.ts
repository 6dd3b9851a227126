import { Client } from 'pg';
import { waitFor } from '../../../test/helpers/wait-for';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { lockWaiters } from '../../../test/helpers/pg-client';

/**
 * Many requests at once for the same uncached dashboard cost one computation and are all
 * answered (issue 10: 5,000 connections on 200 owners, every answer a 200), while distinct
 * views still count against the per-user cap (dashboard-abuse.test.ts).
 */

const DASHBOARD = 'query ($days: Int) { dashboard(days: $days) { days generatedAt } }';

describe('identical dashboard computations in flight', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('share one computation: one statement waits, every request gets the same answer', async () => {
    const user = await app.createUser();
    const locker = new Client({ connectionString: app.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE entries IN ACCESS EXCLUSIVE MODE');
      const asked = Array.from({ length: 6 }, () => app.gql(DASHBOARD, { days: 14 }, { token: user.token }));
      const waiting = () => lockWaiters(locker);
      // A loaded CI machine may take seconds to start the computation: wait as long as the test may run.
      await waitFor('the computation waiting for the lock', async () => (await waiting()) >= 1, { timeoutMs: 40_000 });
      // Give the other five time to start their own computation, were they to.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await waiting()).toBe(1);
      await locker.query('COMMIT');
      const answers = await Promise.all(asked);
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      expect(new Set(answers.map((answer) => answer.data!.dashboard.generatedAt)).size).toBe(1);
    } finally {
      await locker.end();
    }
  }, 60_000);
});
