import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../test/helpers/test-app';
import { createLogger } from '../lib/logger';

/**
 * The log through HTTP: the server's real logger (with its redaction) writes into memory.
 */

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  [key: string]: unknown;
}

const lines: string[] = [];
const logged = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
const completed = (requestId: string | null) =>
  logged().filter((line) => line.msg === 'request completed' && line.requestId === requestId);

const PASSWORD = 'Correct-Horse-Battery-Staple-42';
const SLOW_QUERY_MS = 100;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp(
    { SLOW_QUERY_MS: String(SLOW_QUERY_MS) },
    { logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) },
  );
});

afterAll(async () => {
  await app.stop();
});

describe('request log', () => {
  test('one line per request with the request id from X-Request-Id, echoed in the response header', async () => {
    const user = await app.createUser();
    const requestId = 'trace-abc-12345678';
    const res = await app.gql('query WhoAmI { me { id } }', {}, { token: user.token, headers: { 'x-request-id': requestId } });

    expect(res.data).toEqual({ me: { id: user.gid } });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const lineOfRequest = completed(requestId);
    expect(lineOfRequest).toHaveLength(1);
    expect(lineOfRequest[0]).toMatchObject({
      level: 'info',
      service: 'kitaab-api',
      requestId,
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      operationName: 'WhoAmI',
      viewerId: user.gid,
    });
    expect(typeof lineOfRequest[0]?.durationMs).toBe('number');
    // The viewer lookup at least: counted at the database adapter.
    expect(lineOfRequest[0]?.sqlStatements).toBeGreaterThanOrEqual(1);
  });

  test('without X-Request-Id (or with a malformed one) the server generates the id it logs and returns', async () => {
    const res = await app.gql('{ __typename }', {}, { headers: { 'x-request-id': 'bad id with spaces' } });
    const generated = res.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(completed(generated)).toHaveLength(1);
    expect(completed(generated)[0]).toMatchObject({ operationName: null, viewerId: null });
  });

  test('register and login passwords, issued tokens and the bearer header never reach the log', async () => {
    const email = `log-${Date.now()}@example.test`;
    const register = await app.gql(
      'mutation Register($input: RegisterInput!) { register(input: $input) { token user { id } } }',
      { input: { email, password: PASSWORD, fullName: 'Log Test' } },
    );
    expect(register.errors).toBeUndefined();
    const registeredToken = (register.data as { register: { token: string } }).register.token;

    const login = await app.gql('mutation Login($input: LoginInput!) { login(input: $input) { token } }', {
      input: { email, password: PASSWORD },
    });
    expect(login.errors).toBeUndefined();
    const loginToken = (login.data as { login: { token: string } }).login.token;

    const wrongPassword = `${PASSWORD}-wrong`;
    const failed = await app.gql('mutation Login($input: LoginInput!) { login(input: $input) { token } }', {
      input: { email, password: wrongPassword },
    });
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const me = await app.gql('query Me { me { email } }', {}, { token: loginToken });
    expect(me.data).toEqual({ me: { email } });
    // A token the server refuses is not logged either.
    await app.gql('query Me { me { email } }', {}, { token: `${loginToken}x` });

    const everything = lines.join('\n');
    expect(completed(register.headers.get('x-request-id'))).toHaveLength(1);
    expect(completed(me.headers.get('x-request-id'))[0]).toMatchObject({ operationName: 'Me' });
    for (const secret of [PASSWORD, wrongPassword, registeredToken, loginToken, 'Bearer ']) {
      expect(everything).not.toContain(secret);
    }
  });

  test('credentials that code does log are censored, up to GraphQL variables inside a request body', () => {
    const captured: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void captured.push(line) });
    logger.info(
      {
        headers: { authorization: 'Bearer abc.def.ghi' },
        req: {
          headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' },
          body: { variables: { input: { password: 'p1', newPassword: 'p2', currentPassword: 'p3', token: 't1' } } },
        },
        variables: { token: 't2', input: { resetToken: 't3' } },
      },
      'probe',
    );
    const line = JSON.parse(captured[0] ?? '{}') as Record<string, any>;
    expect(line.headers.authorization).toBe('[Redacted]');
    expect(line.req.headers).toEqual({ authorization: '[Redacted]', cookie: '[Redacted]' });
    expect(line.req.body.variables.input).toEqual({
      password: '[Redacted]',
      newPassword: '[Redacted]',
      currentPassword: '[Redacted]',
      token: '[Redacted]',
    });
    expect(line.variables).toEqual({ token: '[Redacted]', input: { resetToken: '[Redacted]' } });
  });

  test(`a statement slower than SLOW_QUERY_MS (${SLOW_QUERY_MS} ms) is logged with the request id and no values`, async () => {
    const user = await app.createUser();
    // Hold the users table for a while: the viewer lookup of the next request waits for it.
    const locker = new Client({ connectionString: app.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const pending = app.gql('query Slow { me { id } }', {}, { token: user.token });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await locker.query('COMMIT');
      const res = await pending;
      expect(res.data).toEqual({ me: { id: user.gid } });

      const requestId = res.headers.get('x-request-id');
      const slow = logged().filter((line) => line.msg === 'slow SQL statement' && line.requestId === requestId);
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatchObject({ level: 'warn', slowQueryMs: SLOW_QUERY_MS, failed: false });
      expect(slow[0]?.durationMs as number).toBeGreaterThanOrEqual(250);
      expect(slow[0]?.sql).toMatch(/FROM "public"\."users"/);
      // Parameterised text only: the looked-up id is a placeholder, not the value.
      expect(slow[0]?.sql).toMatch(/\$1/);
      expect(slow[0]?.sql).not.toContain(`= ${user.gid}`);
    } finally {
      await locker.end();
    }
  });
});
