import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RawConnection } from '../../test/helpers/raw-connection';
import { waitFor } from '../../test/helpers/wait-for';
import { ConnectionParking, type ConnectionParkingOptions } from './connection-parking';

/**
 * The parking mechanism on a plain node:http server whose queue length the test sets by hand:
 * which connections are parked, that a parked connection's request stays unread, in what order
 * they are woken, and that no connection is left parked (an idle client, a client that leaves,
 * shutdown). Through the whole app (admission control with a real queue): admission.test.ts.
 */

let server: http.Server;
let parking: ConnectionParking;
let url: string;
/** The queue length the parking sees. */
let waiting: number;
/** Request paths in the order node:http read them. */
let read: string[];

async function startServer(options: Partial<Omit<ConnectionParkingOptions, 'waiting'>> = {}, keepAliveTimeout = 5_000): Promise<void> {
  waiting = 0;
  read = [];
  server = http.createServer();
  server.keepAliveTimeout = keepAliveTimeout;
  parking = new ConnectionParking(server, { waiting: () => waiting, parkAt: 1, maxWaiting: 100, ...options });
  server.on('request', (request: http.IncomingMessage, res: http.ServerResponse) => {
    parking.arrived(request.socket);
    read.push(request.url ?? '');
    res.once('finish', () => parking.answered(request.socket));
    request.resume();
    request.on('end', () => {
      res.setHeader('content-length', Buffer.byteLength(request.url ?? ''));
      res.end(request.url);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const openConnections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A keep-alive connection answered while the queue is crowded, so parked (its request not kept in `read`). */
async function parkedConnection(): Promise<RawConnection> {
  const before = parking.size;
  const connection = await RawConnection.open(url);
  connection.post('/answered', {});
  expect((await connection.response()).body).toBe('/answered');
  await waitFor('the answered connection parked', async () => parking.size === before + 1);
  read = read.filter((requestPath) => requestPath !== '/answered');
  return connection;
}

test('a keep-alive connection answered while the queue is crowded is parked: its next request stays unread until a request leaves the queue', async () => {
  await startServer();
  waiting = 1;
  const connection = await parkedConnection();
  connection.post('/parked', {});
  await pause(100);
  expect(read).toEqual([]);

  waiting = 0;
  parking.wake();
  expect((await connection.response()).body).toBe('/parked');
  expect(parking.size).toBe(0);
});

test('a new connection is read even while the queue is crowded: its first request may be a probe', async () => {
  await startServer();
  waiting = 1;
  const probe = await RawConnection.open(url);
  probe.post('/healthz', {});
  expect((await probe.response()).body).toBe('/healthz');
});

test('no keep-alive timer closes a parked connection, and the timer is back once it is woken', async () => {
  await startServer({}, 100);
  waiting = 1;
  const connection = await parkedConnection();
  connection.post('/second', {});
  await pause(400);
  expect(connection.closed).toBe(false);
  expect(read).toEqual([]);

  waiting = 0;
  parking.wake();
  expect((await connection.response()).body).toBe('/second');
  await waitFor('the idle keep-alive connection closed by its timer', async () => connection.closed, { timeoutMs: 2_000 });
});

test('parked connections are woken in the order they were parked, and one whose client sends nothing does not hold up the next', async () => {
  await startServer();
  waiting = 1;
  const idle = await parkedConnection();
  const first = await parkedConnection();
  const second = await parkedConnection();
  second.post('/second', {});
  first.post('/first', {});
  await pause(50);

  waiting = 0;
  parking.wake();
  expect((await first.response()).body).toBe('/first');
  expect((await second.response()).body).toBe('/second');
  expect(read).toEqual(['/first', '/second']);
  expect(parking.size).toBe(0);

  idle.post('/late', {});
  expect((await idle.response()).body).toBe('/late');
});

test('a parked connection whose client left is closed when its turn comes, and the next one is woken in its place', async () => {
  await startServer();
  waiting = 1;
  const leaving = await parkedConnection();
  const staying = await parkedConnection();
  staying.post('/staying', {});
  // Unread, the client's close is not seen yet: it still counts as parked.
  leaving.close();
  await pause(50);
  expect(parking.size).toBe(2);

  waiting = 0;
  parking.wake();
  expect((await staying.response()).body).toBe('/staying');
  expect(read).toEqual(['/staying']);
  expect(parking.size).toBe(0);
});

test('when the crowd leaves at once, one wake closes every parked connection, round after round, with no request to drive it', async () => {
  await startServer({ parkAt: 2 });
  waiting = 2;
  const crowd = [];
  for (let index = 0; index < 7; index += 1) crowd.push(await parkedConnection());
  for (const connection of crowd) connection.close();
  await pause(50);
  expect(parking.size).toBe(7);

  // The last request leaving the queue.
  waiting = 0;
  parking.wake();
  await waitFor('every parked connection closed', async () => parking.size === 0 && (await openConnections()) === 0);
  expect(read).toEqual([]);
});

test('no connection is parked once parked and waiting reach maxWaiting: its next request is read, so that admission can refuse it', async () => {
  await startServer({ maxWaiting: 3 });
  waiting = 2;
  await parkedConnection();
  const overflow = await RawConnection.open(url);
  overflow.post('/first', {});
  await overflow.response();
  overflow.post('/second', {});
  expect((await overflow.response()).body).toBe('/second');
  expect(parking.size).toBe(1);
});

test('release wakes every parked connection, their requests are read before it resolves, and nothing is parked after it', async () => {
  await startServer();
  waiting = 5;
  const parked = [await parkedConnection(), await parkedConnection(), await parkedConnection()];
  parked.forEach((connection, index) => connection.post(`/parked-${index}`, {}));
  await pause(50);
  expect(read).toEqual([]);

  await parking.release();
  expect(read.sort()).toEqual(['/parked-0', '/parked-1', '/parked-2']);
  expect(parking.size).toBe(0);

  const after = await RawConnection.open(url);
  after.post('/after', {});
  expect((await after.response()).body).toBe('/after');
  expect(parking.size).toBe(0);
});
