import { Client } from 'pg';
import { scrapeMetrics } from '../../test/helpers/metrics-scrape';
import { lockWaiters } from '../../test/helpers/pg-client';
import { RawConnection } from '../../test/helpers/raw-connection';
import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { waitFor } from '../../test/helpers/wait-for';
import { DATABASE_BUSY_MESSAGE } from '../db/pool-wait';
import { SERVER_BUSY_REASON } from './admission';

/**
 * MAX_CONCURRENT_REQUESTS and MAX_QUEUED_REQUESTS through HTTP: with the one execution slot
 * held, the next request waits its turn, the one after is refused at once as busy, probes are
 * not queued, and the waiting request is answered once the slot frees. With room for more
 * waiting requests than executing ones, connections answered while requests wait are parked
 * (connection-parking.ts): their next request is read only in its turn, it counts as waiting
 * for the refusal, and a shutdown answers it.
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

const DEEDS = '{ deeds { id } }';

interface ParkedScene {
  readonly connection: RawConnection;
  /** Holds the deeds table: the request executing waits for it, one more waits for a turn. */
  readonly deedsLocker: Client;
  readonly executing: Promise<unknown>;
  readonly waiting: Promise<unknown>;
}

/**
 * A keep-alive connection answered while a request waits, and so parked, with its next request
 * sent: the users table is locked while the connection's request holds the one slot and a
 * deeds query and a `me` queue behind it; with the users lock gone, the connection is answered
 * as the deeds query takes the slot (and waits on the deeds lock) and `me` still waits.
 */
async function parkedConnectionScene(target: TestApp, viewer: TestUser): Promise<ParkedScene> {
  const authorization = { authorization: `Bearer ${viewer.token}` };
  const usersLocker = new Client({ connectionString: target.database.url });
  const deedsLocker = new Client({ connectionString: target.database.url });
  await Promise.all([usersLocker.connect(), deedsLocker.connect()]);
  try {
    await deedsLocker.query('BEGIN');
    await deedsLocker.query('LOCK TABLE deeds IN ACCESS EXCLUSIVE MODE');
    await usersLocker.query('BEGIN');
    await usersLocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const connection = await RawConnection.open(target.url);
    connection.post('/graphql', { query: ME }, authorization);
    await waitFor('the request on the connection holding the slot', async () => (await lockWaiters(usersLocker)) === 1);
    const executing = target.gql(DEEDS, {}, { token: viewer.token });
    await waitFor('the deeds query waiting', async () => (await admissionGauge(target)).waiting === 1);
    const waiting = target.gql(ME, {}, { token: viewer.token });
    await waitFor('`me` waiting too', async () => (await admissionGauge(target)).waiting === 2);

    await usersLocker.query('COMMIT');
    const answer = await connection.response();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { me: { id: viewer.gid } } });
    await waitFor('the deeds query waiting for its lock', async () => (await lockWaiters(deedsLocker)) === 1);
    expect(await admissionGauge(target)).toEqual({ running: 1, waiting: 1, parked: 1 });

    connection.post('/graphql', { query: ME }, authorization);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connection.answered).toBe(0);
    expect(await admissionGauge(target)).toEqual({ running: 1, waiting: 1, parked: 1 });
    return { connection, deedsLocker, executing, waiting };
  } catch (error) {
    await deedsLocker.end();
    throw error;
  } finally {
    await usersLocker.end();
  }
}

async function admissionGauge(target: TestApp): Promise<{ running?: number; waiting?: number; parked?: number }> {
  const { samples } = await scrapeMetrics(target.origin);
  const state = (name: string) => samples.get(`kitaab_graphql_admission{state="${name}"}`);
  return { running: state('running'), waiting: state('waiting'), parked: state('parked') };
}

describe('parked connections (MAX_CONCURRENT_REQUESTS 1, MAX_QUEUED_REQUESTS 3)', () => {
  let parkingApp: TestApp;
  let viewer: TestUser;

  beforeEach(async () => {
    parkingApp = await startTestApp({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '3' });
    viewer = await parkingApp.createUser();
  });

  afterEach(async () => {
    await parkingApp.stop();
  });

  test('a parked request counts as waiting: past MAX_QUEUED_REQUESTS the next is refused, and the parked one is answered in its turn', async () => {
    const { connection, deedsLocker, executing, waiting } = await parkedConnectionScene(parkingApp, viewer);
    try {
      // One executing; waiting: `me`, the parked request, and this one. The next is refused.
      const third = parkingApp.gql(ME, {}, { token: viewer.token });
      await waitFor('the third waiting', async () => (await admissionGauge(parkingApp)).waiting === 2);
      const refused = await parkingApp.gql(ME, {}, { token: viewer.token });
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', reason: SERVER_BUSY_REASON });

      await deedsLocker.query('COMMIT');
      const parkedAnswer = await connection.response();
      expect(parkedAnswer.status).toBe(200);
      expect(JSON.parse(parkedAnswer.body)).toEqual({ data: { me: { id: viewer.gid } } });
      for (const response of (await Promise.all([executing, waiting, third])) as Array<{ status: number }>) expect(response.status).toBe(200);
      // Connections answered while others were woken are parked for a round more at most.
      await waitFor('no connection left parked', async () => (await admissionGauge(parkingApp)).parked === 0);
      expect(await admissionGauge(parkingApp)).toEqual({ running: 0, waiting: 0, parked: 0 });
    } finally {
      await deedsLocker.end();
      connection.close();
    }
  });

  test('shutdown reads and answers the request waiting on a parked connection', async () => {
    const { connection, deedsLocker, executing, waiting } = await parkedConnectionScene(parkingApp, viewer);
    const stopping = parkingApp.server.stop();
    try {
      // Without the release, the drain would by now have closed the parked connection as idle.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(connection.closed).toBe(false);
      await deedsLocker.query('COMMIT');
      const parkedAnswer = await connection.response();
      expect(parkedAnswer.status).toBe(200);
      expect(JSON.parse(parkedAnswer.body)).toEqual({ data: { me: { id: viewer.gid } } });
      for (const response of (await Promise.all([executing, waiting])) as Array<{ status: number }>) expect(response.status).toBe(200);
    } finally {
      await deedsLocker.end();
      connection.close();
      await stopping;
    }
  });
});
