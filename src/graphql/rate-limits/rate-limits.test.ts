import Redis from 'ioredis';
import { hashPassword } from '../../auth/passwords';
import { postGraphQLFrom, type AddressedResponse } from '../../../test/helpers/from-address';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { startOwnRedisApp, stopOwnRedisApp } from '../../../test/helpers/own-redis-app';
import { restartRedis, takeRedisDown, type RedisServer } from '../../../test/services/redis';

const PASSWORD = 'correct horse battery staple';
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token }
}`;
const REGISTER = `mutation Register($email: String!) {
  register(input: { email: $email, password: "long enough password", fullName: "Rate Limited" }) { token }
}`;
const RESET = 'mutation Reset($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }';
const ME = '{ me { id } }';

/**
 * A refusal of `scope`, whose window of `windowSeconds` began filling at `firstHitAt`: the
 * first slot frees up `windowSeconds` after that, which is what retryAfter must say (however
 * slowly a loaded machine sent the requests in between).
 */
function expectRateLimited(response: AddressedResponse, scope: string, windowSeconds: number, firstHitAt: number): number {
  const retryAfter = { min: windowSeconds - Math.ceil((Date.now() - firstHitAt) / 1000) - 1, max: windowSeconds };
  expect(response.status).toBe(429);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0]!;
  expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number), scope });
  const seconds = error.extensions!.retryAfter as number;
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(retryAfter.min);
  expect(seconds).toBeLessThanOrEqual(retryAfter.max);
  expect(response.headers['retry-after']).toBe(String(seconds));
  return seconds;
}

async function withPassword(app: TestApp): Promise<TestUser> {
  const user = await app.createUser();
  await app.updateUser(user.id, { passwordHash: await hashPassword(PASSWORD) });
  return user;
}

describe('rate limits (CONTRACT.md section 9) in Redis', () => {
  let redis: RedisServer;
  let inspector: Redis;
  let app: TestApp;

  beforeAll(async () => {
    ({ redis, inspector, app } = await startOwnRedisApp({ RATE_LIMITS: 'on' }));
  });

  afterAll(() => stopOwnRedisApp({ redis, inspector, app }));

  it('refuses the sixth login after five failures for that email and address, even with the right password', async () => {
    const user = await withPassword(app);
    const from = '127.0.1.1';
    const firstHitAt = Date.now();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: 'wrong password!' } });
      expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    }
    const sixth = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: PASSWORD } });
    expectRateLimited(sixth, 'LOGIN_FAILURES', 900, firstHitAt);

    // The window belongs to (email, address): the same email from elsewhere, and another
    // email from here, still get through.
    const elsewhere = await postGraphQLFrom(app.url, '127.0.1.2', { query: LOGIN, variables: { email: user.email, password: PASSWORD } });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.login.token).toEqual(expect.any(String));
    const other = await withPassword(app);
    const otherEmail = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: other.email, password: PASSWORD } });
    expect(otherEmail.errors).toBeUndefined();
    // The email is hashed in the key: no address in clear text in Redis.
    const keys = await inspector.keys('kitaab:rl:LOGIN_FAILURES:*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain(user.email);
  });

  it('counts only failed logins', async () => {
    const user = await withPassword(app);
    const from = '127.0.1.3';
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const ok = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: PASSWORD } });
      expect(ok.errors).toBeUndefined();
    }
    const firstHitAt = Date.now();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: 'wrong password!' } });
      expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    }
    const sixth = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: 'wrong password!' } });
    expectRateLimited(sixth, 'LOGIN_FAILURES', 900, firstHitAt);
  });

  it('allows five registrations per address and hour', async () => {
    const from = '127.0.1.5';
    const firstHitAt = Date.now();
    for (let n = 1; n <= 5; n += 1) {
      const registered = await postGraphQLFrom(app.url, from, { query: REGISTER, variables: { email: `rl-register-${n}-${Date.now()}@example.test` } });
      expect(registered.errors).toBeUndefined();
    }
    const email = `rl-register-6-${Date.now()}@example.test`;
    const sixth = await postGraphQLFrom(app.url, from, { query: REGISTER, variables: { email } });
    expectRateLimited(sixth, 'REGISTER_PER_IP', 3600, firstHitAt);
    // Refused before it ran: no account.
    expect(await app.prisma.user.count({ where: { email } })).toBe(0);
    const elsewhere = await postGraphQLFrom(app.url, '127.0.1.6', { query: REGISTER, variables: { email } });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('refuses the 61st anonymous request of a minute from one address, not a signed-in user there', async () => {
    const from = '127.0.1.7';
    const firstHitAt = Date.now();
    const responses = await Promise.all(Array.from({ length: 60 }, () => postGraphQLFrom(app.url, from, { query: ME })));
    expect(responses.map((response) => response.status)).toEqual(Array(60).fill(200));
    expect(responses.every((response) => response.data?.me === null)).toBe(true);
    expectRateLimited(await postGraphQLFrom(app.url, from, { query: ME }), 'OPERATIONS_PER_IP', 60, firstHitAt);
    // No proxy is trusted (TRUST_PROXY unset): a forged X-Forwarded-For changes nothing.
    const forged = await postGraphQLFrom(app.url, from, { query: ME }, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    expectRateLimited(forged, 'OPERATIONS_PER_IP', 60, firstHitAt);

    const user = await app.createUser();
    const signedIn = await postGraphQLFrom(app.url, from, { query: ME }, { token: user.token });
    expect(signedIn.data).toEqual({ me: { id: user.gid } });
    expect((await postGraphQLFrom(app.url, '127.0.1.8', { query: ME })).data).toEqual({ me: null });
  });

  it('limits a user to 120 mutations a minute', async () => {
    const user = await app.createUser();
    const from = '127.0.1.9';
    const firstHitAt = Date.now();
    const mutation = 'mutation { deleteDeed(input: { id: "999999999" }) { __typename } }';
    const responses = await Promise.all(
      Array.from({ length: 120 }, () => postGraphQLFrom(app.url, from, { query: mutation }, { token: user.token })),
    );
    expect(responses.map(errorCode)).toEqual(Array(120).fill('NOT_FOUND'));
    const refused = await postGraphQLFrom(app.url, from, { query: mutation }, { token: user.token });
    expectRateLimited(refused, 'MUTATIONS_PER_USER', 60, firstHitAt);
    // Queries still count only against the 300 per minute.
    expect((await postGraphQLFrom(app.url, from, { query: ME }, { token: user.token })).data).toEqual({ me: { id: user.gid } });
  });

  it('limits password reset requests per email (3 an hour) and per address (20 an hour)', async () => {
    const email = `rl-reset-${Date.now()}@example.test`;
    const firstHitAt = Date.now();
    for (let n = 1; n <= 3; n += 1) {
      const accepted = await postGraphQLFrom(app.url, '127.0.2.1', { query: RESET, variables: { email } });
      expect(accepted.data).toEqual({ requestPasswordReset: { accepted: true } });
    }
    // From another address: the email's window is full all the same.
    expectRateLimited(
      await postGraphQLFrom(app.url, '127.0.2.2', { query: RESET, variables: { email } }),
      'PASSWORD_RESET_PER_EMAIL',
      3600,
      firstHitAt,
    );

    const firstFromAddressAt = Date.now();
    for (let n = 1; n <= 20; n += 1) {
      const accepted = await postGraphQLFrom(app.url, '127.0.2.3', { query: RESET, variables: { email: `rl-reset-${n}-${email}` } });
      expect(accepted.data).toEqual({ requestPasswordReset: { accepted: true } });
    }
    expectRateLimited(
      await postGraphQLFrom(app.url, '127.0.2.3', { query: RESET, variables: { email: `rl-reset-21-${email}` } }),
      'PASSWORD_RESET_PER_IP',
      3600,
      firstFromAddressAt,
    );
  });

  it('limits support messages to 10 an hour per user, and only that user', async () => {
    const [user, other] = await Promise.all([app.createUser(), app.createUser()]);
    const send = 'mutation { sendSupportMessage(input: { content: "help" }) { __typename } }';
    const firstHitAt = Date.now();
    for (let n = 1; n <= 10; n += 1) {
      expect((await postGraphQLFrom(app.url, '127.0.2.4', { query: send }, { token: user.token })).errors).toBeUndefined();
    }
    const eleventh = await postGraphQLFrom(app.url, '127.0.2.4', { query: send }, { token: user.token });
    expectRateLimited(eleventh, 'SUPPORT_MESSAGES_PER_USER', 3600, firstHitAt);
    expect(await app.prisma.message.count({ where: { userId: user.id } })).toBe(10);
    expect((await postGraphQLFrom(app.url, '127.0.2.4', { query: send }, { token: other.token })).errors).toBeUndefined();
  });

  it('keeps limiting in process while Redis is down, and counts in Redis again once it is back', async () => {
    await takeRedisDown(redis);
    try {
      const from = '127.0.3.1';
      const firstHitAt = Date.now();
      const responses = await Promise.all(Array.from({ length: 60 }, () => postGraphQLFrom(app.url, from, { query: ME })));
      expect(responses.map((response) => response.status)).toEqual(Array(60).fill(200));
      expectRateLimited(await postGraphQLFrom(app.url, from, { query: ME }), 'OPERATIONS_PER_IP', 60, firstHitAt);
    } finally {
      await restartRedis(redis);
    }
    inspector.disconnect();
    inspector = new Redis(redis.url);
    const back = '127.0.3.2';
    for (let deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      expect((await postGraphQLFrom(app.url, back, { query: ME })).status).toBe(200);
      if ((await inspector.exists(`kitaab:rl:OPERATIONS_PER_IP:${back}`)) === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await inspector.exists(`kitaab:rl:OPERATIONS_PER_IP:${back}`)).toBe(1);
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: '', RATE_LIMITS: 'on', TRUST_PROXY: 'loopback' });
  });

  afterAll(() => app?.stop());

  it('counts each client the proxy names, not the proxy', async () => {
    const viaProxy = (client: string) =>
      postGraphQLFrom(app.url, '127.0.5.1', { query: ME }, { headers: { 'x-forwarded-for': client } });
    const firstHitAt = Date.now();
    const responses = await Promise.all(Array.from({ length: 60 }, () => viaProxy('198.51.100.1')));
    expect(responses.map((response) => response.status)).toEqual(Array(60).fill(200));
    expectRateLimited(await viaProxy('198.51.100.1'), 'OPERATIONS_PER_IP', 60, firstHitAt);
    expect((await viaProxy('198.51.100.2')).data).toEqual({ me: null });
  });
});

describe('RATE_LIMITS=off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMITS: 'off' });
  });

  afterAll(() => app?.stop());

  it('lets every request through', async () => {
    const user = await withPassword(app);
    const from = '127.0.4.1';
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const failed = await postGraphQLFrom(app.url, from, { query: LOGIN, variables: { email: user.email, password: 'wrong password!' } });
      expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    }
    const responses = await Promise.all(Array.from({ length: 70 }, () => postGraphQLFrom(app.url, from, { query: ME })));
    expect(responses.map((response) => response.status)).toEqual(Array(70).fill(200));
  });
});
