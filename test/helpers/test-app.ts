import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { signAccessToken } from '../../src/auth/access-token';
import { loadConfig, type Config } from '../../src/config';
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client';
import { USER_CHANGED_TOPIC } from '../../src/modules/users/live-users';
import { startServer, type RunningServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './database';

/**
 * The whole server, in-process, on its own fresh database cloned from the migrated template
 * and the test run's Redis. Integration tests talk to it over HTTP, as a client would.
 */

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData | null;
  errors?: GraphQLError[];
  headers: Headers;
}

export interface TestUser {
  id: bigint;
  /** The id as the API renders it. */
  gid: string;
  email: string;
  token: string;
}

export interface TestApp {
  readonly url: string;
  readonly origin: string;
  readonly server: RunningServer;
  readonly prisma: PrismaClient;
  readonly database: TestDatabase;
  readonly outboxDir: string;
  gql<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  /** A live user inserted directly (verified unless told otherwise) with a valid token. */
  createUser(options?: { timezone?: string; emailVerified?: boolean; fullName?: string }): Promise<TestUser>;
  /**
   * Changes a user row behind the API's back, then announces it as the API's own writers do
   * (instances keep user rows across requests: src/modules/users/live-users.ts).
   */
  updateUser(id: bigint, data: Prisma.UserUpdateInput): Promise<void>;
  stop(): Promise<void>;
}

let userSeq = 0;

export interface TestAppOptions {
  /** Where the server logs (e.g. a pino logger on a capturing stream); silent by default. */
  logger?: Logger;
  /** Another app's database: this app is a second instance of the same deployment, and leaves the database to its owner. */
  database?: TestDatabase;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-test-app-'));
  const config: Config = {
    ...loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? '',
      DATA_DIR: dataDir,
      JWT_SECRET: 'integration-test-secret-long-enough-for-hs256',
      MIGRATE_ON_START: 'false',
      RATE_LIMITS: 'off',
      REMINDERS: 'off',
      LOG_LEVEL: 'silent',
      // Compiled from the first use, so that the suite runs what production runs from the second.
      COMPILE_AT_USE: '1',
      ...env,
    }),
    port: 0,
  };
  const server = await startServer(config, { logger: options.logger ?? pino({ level: 'silent' }) });
  const origin = new URL(server.url).origin;

  const app: TestApp = {
    url: server.url,
    origin,
    server,
    prisma: server.db.prisma,
    database,
    outboxDir: config.mailOutboxDir,
    async gql(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: GraphQLError[] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    async createUser(options = {}) {
      userSeq += 1;
      const email = `user${userSeq}-${Date.now()}@example.test`;
      const user = await server.db.prisma.user.create({
        data: {
          email,
          passwordHash: 'not-a-real-hash',
          fullName: options.fullName ?? `User ${userSeq}`,
          timezone: options.timezone ?? 'UTC',
          emailVerified: options.emailVerified ?? true,
          passwordChangedAt: new Date(Date.now() - 60_000),
        },
      });
      const { token } = await signAccessToken(user.id, server.jwtKey);
      return { id: user.id, gid: user.id.toString(), email, token };
    },
    async updateUser(id, data) {
      await server.db.prisma.user.update({ where: { id }, data });
      await server.events.publishAcknowledged(USER_CHANGED_TOPIC, { userId: String(id) });
    },
    async stop() {
      await server.stop();
      if (!options.database) await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** The first error's code, for terse assertions. */
export function errorCode(response: { errors?: GraphQLError[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
