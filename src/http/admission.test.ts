import { Client } from 'pg';
import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { waitFor } from '../../test/helpers/wait-for';
import { DATABASE_BUSY_MESSAGE } from '../db/pool-wait';
import { SERVER_BUSY_REASON } from './admission';
import { lockWaiters } from '../../test/helpers/pg-client';

/**
 * MAX_CONCURRENT_REQUESTS and MAX_QUEUED_REQUESTS through HTTP: with the one execution slot
 * held, the next request waits its turn, the one after is refused at once as busy, probes are
 * not queued, and the waiting request is answered once the slot frees.
 */

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '1' });
  user = await app.createUser();
});

afterAll(async () => {
  await app.stop();
});

const ME = '{ me { id } }';

test('one request executes, one waits, the next is refused with 503 SERVER_BUSY; probes still answer', async () => {
  // The token check reads the users table: locked, the first request holds its slot there.
  const locker = new Client({ connectionString: app.database.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const executing = app.gql(ME, {}, { token: user.token });
    await waitFor('the first request waiting for the lock', async () => (await lockWaiters(locker)) === 1);
    // Of two more, the first to arrive waits for the slot and the other is refused at once.
    const more = ['admission-a', 'admission-b'].map((requestId) =>
      app.gql(ME, {}, { token: user.token, headers: { 'x-request-id': requestId } }).then((response) => ({ requestId, response })),
    );
    const refused = await Promise.race(more);
    expect(refused.response.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toBe('1');
    expect(refused.response.errors).toEqual([
      { message: DATABASE_BUSY_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: SERVER_BUSY_REASON, requestId: refused.requestId } },
    ]);
    expect((await fetch(new URL('/healthz', app.url))).status).toBe(200);
    const waiting = more[refused.requestId === 'admission-a' ? 1 : 0]!.then(({ response }) => response);
    let waitingAnswered = false;
    void waiting.finally(() => (waitingAnswered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(waitingAnswered).toBe(false);

    await locker.query('COMMIT');
    for (const response of await Promise.all([executing, waiting])) {
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ me: { id: user.gid } });
    }
  } finally {
    await locker.end();
  }
  expect((await app.gql(ME, {}, { token: user.token })).data).toEqual({ me: { id: user.gid } });
});
