import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { parseSamples, scrapeMetrics, type Samples } from '../../test/helpers/metrics-scrape';
import { StatementCounter } from '../../test/helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { ReminderJob } from '../jobs/reminders';
import { FileOutboxMailer } from '../mail/file-outbox';
import { ANONYMOUS_OPERATION, Metrics, OTHER_OPERATION } from './metrics';

/** `/metrics` scraped over HTTP after real traffic. */

let app: TestApp;
let user: TestUser;

const scrape = () => scrapeMetrics(app.origin);

// The unread count is read from the database every time (the viewer's own row is kept across requests).
const WHO_AM_I = 'query WhoAmI { me { id email unreadSupportMessageCount } }';

beforeAll(async () => {
  app = await startTestApp();
  user = await app.createUser();
});

afterAll(async () => {
  await app.stop();
});

describe('GET /metrics after traffic', () => {
  let samples: Samples;
  let statementsOfOneWhoAmI: number;

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) expect((await app.gql(WHO_AM_I, {}, { token: user.token })).errors).toBeUndefined();
    // One of each error kind the formatter lets through, plus a refused document.
    expect((await app.gql('query Ghost { user(id: "987654321") { id } }', {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql('query Bad { user(id: "not-an-id") { id } }', {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.gql('query Typo { nope }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badLogin = 'mutation BadLogin { login(input: { email: "nobody@example.test", password: "wrong-password-1" }) { token } }';
    expect((await app.gql(badLogin)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A refused token fails while the context is built, before any operation hook.
    expect((await app.gql('query Me { me { id } }', {}, { token: `${user.token}x` })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The real statements of one request, counted by PostgreSQL itself.
    const counter = await StatementCounter.connect(app.database.url);
    try {
      statementsOfOneWhoAmI = await counter.count(() => app.gql(WHO_AM_I, {}, { token: user.token }));
    } finally {
      await counter.close();
    }

    // Nothing reads the cache over HTTP yet (dashboards and APQ will): use the server's own cache object.
    await app.server.cache.set('metrics-test:present', { ok: true }, { ttlSeconds: 60 });
    expect(await app.server.cache.get('metrics-test:present')).toEqual({ ok: true });
    expect(await app.server.cache.get('metrics-test:absent')).toBeUndefined();

    // One reminder run reporting into the server's registry (the scheduler is off in tests).
    const reminderUser = await app.createUser();
    await app.prisma.notification.create({
      data: { userId: reminderUser.id, notificationTime: new Date('1970-01-01T00:00:00Z'), timezone: 'UTC' },
    });
    const outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-metrics-'));
    try {
      const reminders = new ReminderJob({
        prisma: app.prisma,
        mailer: new FileOutboxMailer(outboxDir),
        logger: pino({ level: 'silent' }),
        metrics: app.server.metrics,
      });
      expect((await reminders.runOnce(new Date('2025-02-02T08:00:00Z'))).sent).toBe(1);
    } finally {
      await fs.rm(outboxDir, { recursive: true, force: true });
    }

    app.server.metrics.setRedisBreakerState('open');

    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    samples = scraped.samples;
  });

  test('HTTP request durations by method, route and status', () => {
    const count = (status: number) =>
      samples.get(`kitaab_http_request_duration_seconds_count{method="POST",route="/graphql",status_code="${status}"}`) ?? 0;
    // Nine GraphQL requests; Apollo answers the two refused documents with 400.
    expect(count(200)).toBe(7);
    expect(count(400)).toBe(2);
    expect(samples.get('kitaab_http_request_duration_seconds_sum{method="POST",route="/graphql",status_code="200"}')).toBeGreaterThan(0);
  });

  test('GraphQL operation durations by operation name', () => {
    expect(samples.get('kitaab_graphql_operation_duration_seconds_count{operation_name="WhoAmI",operation_type="query"}')).toBe(4);
    expect(samples.get('kitaab_graphql_operation_duration_seconds_sum{operation_name="WhoAmI",operation_type="query"}')).toBeGreaterThan(0);
    expect(samples.get('kitaab_graphql_operation_duration_seconds_count{operation_name="Ghost",operation_type="query"}')).toBe(1);
  });

  test('errors by code', () => {
    expect(samples.get('kitaab_graphql_errors_total{code="NOT_FOUND"}')).toBe(1);
    expect(samples.get('kitaab_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(samples.get('kitaab_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(samples.get('kitaab_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(2);
  });

  test('SQL statements per operation: the count equals what PostgreSQL ran', () => {
    expect(statementsOfOneWhoAmI).toBeGreaterThanOrEqual(1);
    expect(samples.get('kitaab_sql_statements_per_operation_count{operation_name="WhoAmI"}')).toBe(4);
    // Plus the first request's look-up of the viewer's row, which later requests reuse.
    expect(samples.get('kitaab_sql_statements_per_operation_sum{operation_name="WhoAmI"}')).toBe(4 * statementsOfOneWhoAmI + 1);
  });

  test('cache hits and misses', () => {
    expect(samples.get('kitaab_cache_lookups_total{result="hit"}')).toBe(1);
    expect(samples.get('kitaab_cache_lookups_total{result="miss"}')).toBe(1);
  });

  test('database pool connections', () => {
    expect(samples.get('kitaab_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('kitaab_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('kitaab_db_pool_connections{state="in_use"}')).toBe(0);
    expect(samples.get('kitaab_db_pool_connections{state="waiting"}')).toBe(0);
  });

  test('Redis breaker state and reminder runs and sends', () => {
    expect(samples.get('kitaab_redis_breaker_state')).toBe(2);
    expect(samples.get('kitaab_reminder_job_runs_total{outcome="success"}')).toBe(1);
    expect(samples.get('kitaab_reminders_sent_total')).toBe(1);
  });

  test('process metrics come along', () => {
    expect(samples.get('kitaab_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('kitaab_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});

describe('operation name labels', () => {
  test('anonymous and invalid names are grouped; past 200 distinct names the rest share one label', () => {
    const metrics = new Metrics();
    expect(metrics.operationLabel(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(metrics.operationLabel('')).toBe(ANONYMOUS_OPERATION);
    expect(metrics.operationLabel('not a name')).toBe(OTHER_OPERATION);
    for (let i = 0; i < 200; i += 1) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('Op0')).toBe('Op0');
    expect(metrics.operationLabel('OneTooMany')).toBe(OTHER_OPERATION);
  });

  test('the breaker gauge reads 0 closed, 1 half-open, 2 open', async () => {
    const metrics = new Metrics();
    const gauge = async () => parseSamples(await metrics.render()).get('kitaab_redis_breaker_state');
    expect(await gauge()).toBe(0);
    metrics.setRedisBreakerState('half_open');
    expect(await gauge()).toBe(1);
    metrics.setRedisBreakerState('closed');
    expect(await gauge()).toBe(0);
  });
});
