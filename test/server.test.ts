import path from 'node:path';
import {
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import pino from 'pino';
import { accessTokenKey, signAccessToken } from '../src/auth/access-token';
import { MemoryCache } from '../src/cache';
import { loadConfig, type Config } from '../src/config';
import type { PrismaClient } from '../src/generated/prisma/client';
import { BigIntID } from '../src/lib/id';
import { DateScalar } from '../src/lib/scalars';
import { createApp, startServer, type App, type AppDependencies, type RunningServer } from '../src/server';
import type { Services } from '../src/services';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { waitFor } from './helpers/wait-for';
import { makeTempDir } from './helpers/temp-dir';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';
const silent = pino({ level: 'silent' });

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody, headers: response.headers };
}

describe('server against PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: RunningServer;
  let origin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await makeTempDir('kitaab-server-');
    const config: Config = {
      ...loadConfig({
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL,
        DATA_DIR: dataDir,
        JWT_SECRET,
        // The test database is a copy of the migrated template.
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'silent',
      }),
      port: 0,
    };
    server = await startServer(config, { logger: silent });
    origin = new URL(server.url).origin;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('is alive on /healthz', async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready on /readyz when the database and Redis answer', async () => {
    // Redis answers through the breaker's 100 ms timeout: on a busy machine the first probe
    // right after start may still say degraded, so the probe is asked until it settles.
    const ready = await waitFor('/readyz to report both dependencies', async () => {
      const response = await fetch(`${origin}/readyz`);
      const body = (await response.json()) as { status: string };
      return body.status === 'ok' ? { status: response.status, body } : undefined;
    }, { timeoutMs: 5_000 });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', failed: [], degraded: [], checks: { database: 'ok', redis: 'ok' } });
  });

  it('answers `me` with null without a token', async () => {
    const { status, body, headers } = await postGraphQL(server.url, { query: '{ me { id } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { me: null } });
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('tells caches to keep no copy of an answer, GET queries and errors included', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    const failed = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization: 'Bearer not-a-jwt' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['a malformed token', 'Bearer not-a-jwt'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('fails the whole request with UNAUTHENTICATED for %s', async (_case, authorization) => {
    const { status, body } = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('rejects a token signed with another key', async () => {
    const { token } = await signAccessToken(1n, accessTokenKey('some-other-secret-of-sufficient-length'));
    const { body } = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired token', async () => {
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    const { token } = await signAccessToken(1n, server.jwtKey, twoDaysAgo);
    const { body } = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('with a user', () => {
    let prisma: PrismaClient;
    let userId: bigint;

    beforeAll(async () => {
      prisma = server.db.prisma;
      const user = await prisma.user.create({
        data: {
          email: `viewer-${Date.now()}@example.com`,
          passwordHash: 'not-a-real-hash',
          fullName: 'Test Viewer',
          timezone: 'Asia/Karachi',
          passwordChangedAt: new Date(Date.now() - 60_000),
        },
      });
      userId = user.id;
    });

    it('resolves `me` for a valid token', async () => {
      const { token } = await signAccessToken(userId, server.jwtKey);
      const { body } = await postGraphQL(
        server.url,
        {
          query: `{ me { id email emailVerified fullName timezone today createdAt updatedAt
                   preferences { locale theme weekStartsOn defaultDashboardDays } profile { id fullName timezone } } }`,
        },
        { authorization: `Bearer ${token}` },
      );
      expect(body.errors).toBeUndefined();
      const me = body.data?.me as Record<string, unknown>;
      expect(me).toMatchObject({
        id: userId.toString(),
        emailVerified: false,
        fullName: 'Test Viewer',
        timezone: 'Asia/Karachi',
        preferences: { locale: 'en', theme: 'SYSTEM', weekStartsOn: 'MONDAY', defaultDashboardDays: 30 },
        profile: { id: userId.toString(), fullName: 'Test Viewer', timezone: 'Asia/Karachi' },
      });
      expect(me.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(me.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    it('rejects a token issued before the last password change', async () => {
      const { token } = await signAccessToken(userId, server.jwtKey, new Date(Date.now() - 120_000));
      const { body } = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('rejects the token of a deleted account', async () => {
      // Deleted by hand, so an account the server has not seen yet: a row it read would serve
      // for VIEWER_CACHE_SECONDS (only the API's writers announce changes, live-users.test.ts).
      const deleted = await prisma.user.create({
        data: { email: `deleted-${Date.now()}@example.com`, passwordHash: 'x', fullName: 'Gone', deletedAt: new Date() },
      });
      const { token } = await signAccessToken(deleted.id, server.jwtKey);
      const { body } = await postGraphQL(server.url, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MB', async () => {
    const padding = 'a'.repeat(1024 * 1024 + 1);
    const { status, body } = await postGraphQL(server.url, { query: '{ me { id } }', padding });
    expect(status).toBe(413);
    expect(body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers 400 BAD_REQUEST for malformed JSON', async () => {
    const { status, body } = await postGraphQL(server.url, '{"query": "{ me { id } }"');
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('reports a document that does not parse as GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, body } = await postGraphQL(server.url, { query: '{ me { id ' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('server error handling', () => {
  const failingSchema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        boom: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('connection string postgres://secret@db leaked');
          },
        },
        refused: {
          type: GraphQLString,
          resolve: () => {
            throw new GraphQLError('Deed not found', { extensions: { code: 'NOT_FOUND' } });
          },
        },
        echoId: {
          type: GraphQLString,
          args: { id: { type: BigIntID } },
          resolve: (_root, args: { id: bigint }) => `${typeof args.id}:${args.id}`,
        },
        echoDate: {
          type: GraphQLString,
          args: { date: { type: DateScalar } },
          resolve: (_root, args: { date: string }) => args.date,
        },
      },
    }),
  });

  let app: App;
  let origin: string;
  const logged: Array<Record<string, unknown>> = [];

  async function start(overrides: Partial<AppDependencies> = {}): Promise<void> {
    const cache = new MemoryCache();
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const deps: AppDependencies = {
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      prisma: {} as PrismaClient,
      cache,
      services: { users: { findLiveById: () => Promise.reject(new Error('database exploded')) } } as unknown as Services,
      logger,
      jwtKey: accessTokenKey(JWT_SECRET),
      readinessChecks: [
        { name: 'database', check: () => Promise.resolve() },
        { name: 'redis', check: () => Promise.reject(new Error('connect ECONNREFUSED')) },
      ],
      ...overrides,
    };
    app = await createApp(deps, () => failingSchema);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    const address = app.httpServer.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  beforeAll(() => start());
  afterAll(() => app.apollo.stop());
  beforeEach(() => {
    logged.length = 0;
  });

  it('masks unexpected resolver errors and logs them with the request id', async () => {
    const { body, headers } = await postGraphQL(`${origin}/graphql`, { query: '{ boom }' });
    const requestId = headers.get('x-request-id');
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(logged).toEqual([
      expect.objectContaining({ requestId, msg: 'unexpected error', err: expect.objectContaining({ message: expect.stringContaining('leaked') }) }),
    ]);
  });

  it('keeps the request id a proxy sent', async () => {
    const { body } = await postGraphQL(`${origin}/graphql`, { query: '{ boom }' }, { 'x-request-id': 'proxy-id-12345' });
    expect(body.errors?.[0]?.extensions?.requestId).toBe('proxy-id-12345');
  });

  it('masks failures while checking a token', async () => {
    const { token } = await signAccessToken(7n, accessTokenKey(JWT_SECRET));
    const { body, headers } = await postGraphQL(`${origin}/graphql`, { query: '{ refused }' }, { authorization: `Bearer ${token}` });
    expect(body.errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') } },
    ]);
    expect(logged[0]?.err).toEqual(expect.objectContaining({ message: expect.stringContaining('database exploded') }));
  });

  it('passes errors with a contract code through unchanged', async () => {
    const { body } = await postGraphQL(`${origin}/graphql`, { query: '{ refused }' });
    expect(body.errors?.[0]).toMatchObject({ message: 'Deed not found', extensions: { code: 'NOT_FOUND' } });
    expect(logged).toEqual([]);
  });

  it('reports bad scalar values as BAD_USER_INPUT, inline or in variables', async () => {
    const inline = await postGraphQL(`${origin}/graphql`, { query: '{ echoDate(date: "2025-02-30") }' });
    expect(inline.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const variable = await postGraphQL(`${origin}/graphql`, {
      query: 'query ($d: Date) { echoDate(date: $d) }',
      variables: { d: '2025-02-30' },
    });
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const good = await postGraphQL(`${origin}/graphql`, { query: '{ echoDate(date: "2024-02-29") }' });
    expect(good.body).toEqual({ data: { echoDate: '2024-02-29' } });

    const badId = await postGraphQL(`${origin}/graphql`, { query: '{ echoId(id: "abc") }' });
    expect(badId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const goodId = await postGraphQL(`${origin}/graphql`, { query: '{ echoId(id: "42") }' });
    expect(goodId.body).toEqual({ data: { echoId: 'bigint:42' } });
  });

  it('names the failed dependency on /readyz with 503', async () => {
    const response = await fetch(`${origin}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      failed: ['redis'],
      degraded: [],
      checks: { database: 'ok', redis: 'unavailable' },
    });
    // Why goes to the log, not to whoever can reach the probe.
    expect(logged).toContainEqual(
      expect.objectContaining({ dependency: 'redis', err: expect.objectContaining({ message: 'connect ECONNREFUSED' }) }),
    );
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${origin}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });
});
