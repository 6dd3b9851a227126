import { hashPassword } from '../../auth/passwords';
import { postGraphQLFrom } from '../../../test/helpers/from-address';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { startRedis, stopRedis, type RedisServer } from '../../../test/services/redis';

/**
 * Issue 11 item 2 over HTTP: password hashing cannot be multiplied inside one request, and
 * every field that checks a password has a failure limit (rate limits on, own Redis).
 */

const PASSWORD = 'correct horse battery staple';
const WRONG = 'wrong password!';
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token }
}`;
const CHANGE = `mutation Change($current: String!) {
  changePassword(input: { currentPassword: $current, newPassword: "a brand new password" }) { token }
}`;
const DELETE = 'mutation Delete($password: String!) { deleteAccount(input: { password: $password }) { deletedUserId } }';

describe('credential checks (issue 11 item 2)', () => {
  let redis: RedisServer;
  let app: TestApp;

  beforeAll(async () => {
    redis = await startRedis();
    app = await startTestApp({ REDIS_URL: redis.url, RATE_LIMITS: 'on' });
  });
  afterAll(async () => {
    await app?.stop();
    if (redis) await stopRedis(redis);
  });

  async function withPassword(): Promise<TestUser> {
    const user = await app.createUser();
    await app.updateUser(user.id, { passwordHash: await hashPassword(PASSWORD) });
    return user;
  }

  function credentialRefusal(response: { status: number; data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) {
    expect(response.status).toBe(400);
    expect(response.data ?? undefined).toBeUndefined();
    expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'CREDENTIAL_FIELDS' }]);
  }

  it('refuses an operation with two password-checking fields before anything runs', async () => {
    const user = await withPassword();
    const twelve = `mutation ($email: String!) { ${Array.from(
      { length: 12 },
      (_, i) => `l${i}: login(input: { email: $email, password: "${PASSWORD}" }) { token }`,
    ).join(' ')} }`;
    credentialRefusal(await postGraphQLFrom(app.url, '127.0.2.1', { query: twelve, variables: { email: user.email } }));
    const mixed = `mutation ($email: String!) {
      login(input: { email: $email, password: "${PASSWORD}" }) { token }
      changePassword(input: { currentPassword: "${PASSWORD}", newPassword: "another long password" }) { token }
    }`;
    credentialRefusal(
      await postGraphQLFrom(app.url, '127.0.2.1', { query: mixed, variables: { email: user.email } }, { token: user.token }),
    );
    // Nothing ran: no login was recorded.
    expect(await app.prisma.auditLog.count({ where: { entityId: user.id, action: 'LOGGED_IN' } })).toBe(0);
    const one = await postGraphQLFrom(app.url, '127.0.2.1', { query: LOGIN, variables: { email: user.email, password: PASSWORD } });
    expect(one.errors).toBeUndefined();
  });

  it('limits wrong current passwords in changePassword and deleteAccount to 5 per 15 minutes per account', async () => {
    const user = await withPassword();
    const from = '127.0.2.2';
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const failed = await postGraphQLFrom(app.url, from, { query: CHANGE, variables: { current: WRONG } }, { token: user.token });
      expect(errorCode(failed)).toBe('BAD_USER_INPUT');
    }
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const failed = await postGraphQLFrom(app.url, from, { query: DELETE, variables: { password: WRONG } }, { token: user.token });
      expect(errorCode(failed)).toBe('BAD_USER_INPUT');
    }
    // The right password no longer helps, from any address: the window is the account's.
    for (const request of [
      { query: CHANGE, variables: { current: PASSWORD } },
      { query: DELETE, variables: { password: PASSWORD } },
    ]) {
      const refused = await postGraphQLFrom(app.url, '127.0.2.3', request, { token: user.token });
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', scope: 'PASSWORD_CHECK_FAILURES' }),
      );
    }
    expect(await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(expect.objectContaining({ deletedAt: null }));
  });

  it('counts login failures per account across addresses: the 21st in 15 minutes is refused', async () => {
    const user = await withPassword();
    for (let address = 1; address <= 4; address += 1) {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const failed = await postGraphQLFrom(app.url, `127.0.3.${address}`, { query: LOGIN, variables: { email: user.email, password: WRONG } });
        expect(errorCode(failed)).toBe('UNAUTHENTICATED');
      }
    }
    const refused = await postGraphQLFrom(app.url, '127.0.3.5', { query: LOGIN, variables: { email: user.email, password: PASSWORD } });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'RATE_LIMITED', scope: 'LOGIN_FAILURES_PER_ACCOUNT' }));
    // Another account from the same addresses is untouched.
    const other = await withPassword();
    const ok = await postGraphQLFrom(app.url, '127.0.3.5', { query: LOGIN, variables: { email: other.email, password: PASSWORD } });
    expect(ok.errors).toBeUndefined();
  });

  it('limits resetPassword to 10 attempts an hour per address', async () => {
    const reset = 'mutation { resetPassword(input: { token: "not-a-token", newPassword: "long enough password" }) { token } }';
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(errorCode(await postGraphQLFrom(app.url, '127.0.2.4', { query: reset }))).toBe('BAD_USER_INPUT');
    }
    const refused = await postGraphQLFrom(app.url, '127.0.2.4', { query: reset });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'RATE_LIMITED', scope: 'RESET_PASSWORD_PER_IP' }));
  });
});
