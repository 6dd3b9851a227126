import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import { accessTokenKey } from './auth/access-token';
import { defaultHashingConcurrency } from './auth/hashing-queue';
import { loadJwtSecret } from './auth/jwt-secret';
import { configurePasswordHashing } from './auth/passwords';
import { createCache, redisConnectionOf, type Cache } from './cache';
import type { Config } from './config';
import type { Context, ContextDependencies } from './context';
import { openDatabase, pgliteDirectory, type Database } from './db/client';
import { applyMigrations, releaseMigrationEngine } from './db/migrations';
import { createEventBus, type EventBus } from './events';
import { databaseBusyPlugin } from './graphql/database-busy';
import { explorerPlugin } from './graphql/explorer';
import { errorReportingPlugin, formatError } from './graphql/format-error';
import { compiledExecution } from './graphql/compiled-execution';
import { costLimitPlugin, queryLimitRules } from './graphql/limits';
import { serveSubscriptions, subscriptionDrainPlugin, type SubscriptionServer } from './graphql/subscriptions/server';
import { persistedQueriesOptions } from './graphql/persisted-queries';
import { loadTrustedDocuments, trustedDocumentsPlugin } from './graphql/trusted-documents';
import { createRateLimitPlugin } from './graphql/rate-limits';
import { clientAddressResolver } from './http/client-address';
import { createAdmission } from './http/admission';
import { graphqlRoute } from './http/graphql-route';
import { readinessProbe, serveHealth, type ReadinessCheck } from './http/health';
import { createRequestHandler, type PlainRoute } from './http/request-handler';
import { readOnlyOperationRouting } from './db/read-routing';
import { startBackgroundJobs, type Scheduler } from './jobs';
import { backgroundWorkSettled } from './lib/background-work';
import { createLogger, type Logger } from './lib/logger';
import { countCacheLookups } from './observability/cache-metrics';
import { METRICS_PATH, metricsOnlyListener, metricsScrape } from './observability/http-metrics';
import { Metrics } from './observability/metrics';
import { operationMetricsPlugin } from './observability/operation-metrics-plugin';
import { sqlStatementListener } from './observability/sql-statements';
import { buildAppSchema } from './schema';
import { createServices } from './services';

export const GRAPHQL_PATH = '/graphql';

/** Everything one server instance runs on. */
export interface AppDependencies extends ContextDependencies {
  readinessChecks: readonly ReadinessCheck[];
  /** Served at /metrics; a fresh registry when not given. */
  metrics?: Metrics;
}

export interface App {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  /** Fails /readyz from now on; call when shutdown begins. */
  markShuttingDown(): void;
  /** Before the drain: wakes connections parked by admission control, so their requests are answered. */
  releaseParkedConnections(): Promise<void>;
}

/** Apollo with the schema, its limits and every cross-cutting plugin, in the order they apply. */
function createApollo(
  deps: AppDependencies,
  { schema, compiledSchema }: { schema: GraphQLSchema; compiledSchema: GraphQLSchema | undefined },
  { httpServer, subscriptions, metrics, countsStatements }: { httpServer: http.Server; subscriptions: SubscriptionServer; metrics: Metrics; countsStatements: boolean },
): ApolloServer<Context> {
  const costLimit = costLimitPlugin<Context>();
  return new ApolloServer<Context>({
    // Documents in use executed compiled by graphql-jit (graphql/compiled-execution.ts).
    ...(compiledSchema
      ? { gateway: compiledExecution({ schema, compiledSchema, needsFieldHooks: costLimit.countsObjects, compileAtUse: deps.config.compileAtUse }) }
      : { schema }),
    formatError,
    // Stack traces go to the log, never to clients; Apollo would otherwise decide from NODE_ENV.
    includeStacktraceInErrorResponses: false,
    introspection: deps.config.explorer,
    // Without introspection, no "Did you mean ...?" hints that spell out the schema either.
    hideSchemaDetailsFromClientErrors: !deps.config.explorer,
    // main.ts owns signals: Apollo's own handler would re-raise the signal instead of exiting 0.
    stopOnTerminationSignals: false,
    logger: deps.logger.child({ component: 'apollo' }),
    // Depth, root fields and aliases (CONTRACT.md section 8); cost needs variables, so it is a plugin.
    validationRules: [...queryLimitRules],
    // Automatic persisted queries in the shared cache (graphql/persisted-queries.ts).
    persistedQueries: persistedQueriesOptions(deps.cache, deps.logger),
    plugins: [
      // PERSISTED_OPERATIONS=only: the client SDK's operations and nothing else, ahead of APQ.
      ...(deps.config.persistedOperations === 'only' ? [trustedDocumentsPlugin<Context>(loadTrustedDocuments())] : []),
      costLimit,
      // Section 9 rate limits; RATE_LIMITS=off (load tests) leaves them out.
      ...(deps.config.rateLimits ? [createRateLimitPlugin(deps.cache, deps.logger)] : []),
      errorReportingPlugin<Context>(),
      operationMetricsPlugin(metrics, countsStatements),
      databaseBusyPlugin<Context>(),
      // Queries read from a replica when DATABASE_REPLICA_URLS is set (db/read-routing.ts).
      ...(deps.config.databaseReplicaUrls.length > 0 ? [readOnlyOperationRouting<Context>()] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptionDrainPlugin<Context>(subscriptions),
      // GraphiQL served whole from this server (Apollo's landing pages load from a CDN).
      deps.config.explorer ? explorerPlugin<Context>(GRAPHQL_PATH) : ApolloServerPluginLandingPageDisabled(),
      // Cache-Control: no-store is set by the GraphQL route for every answer (http/graphql-route.ts).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** The HTTP server with Apollo and the subscription server on it (started, not listening). */
export async function createApp(deps: AppDependencies, buildSchema: () => Promise<GraphQLSchema> | GraphQLSchema = buildAppSchema): Promise<App> {
  const httpServer = http.createServer();
  let shuttingDown = false;
  const metrics = deps.metrics ?? new Metrics();
  const clientAddress = clientAddressResolver(deps.config.trustProxy);
  // Statements are counted per operation, and reads routed to replicas, through the request's
  // async scope; entering it costs every promise of the request on Node 20 (lib/request-scope.ts).
  const enterAsyncScope = deps.config.databaseReplicaUrls.length > 0 || deps.config.operationSqlStats;

  const executableSchema = await buildSchema();
  // Subscriptions over graphql-ws, on the same path and HTTP server (CONTRACT.md section 10).
  const subscriptions = serveSubscriptions({ httpServer, path: GRAPHQL_PATH, schema: executableSchema, deps, clientAddress });
  // graphql-jit's own copy: Apollo may wrap the resolvers of the schema it executes.
  const compiledSchema = deps.config.compileAtUse > 0 ? await buildSchema() : undefined;
  const apollo = createApollo(deps, { schema: executableSchema, compiledSchema }, { httpServer, subscriptions, metrics, countsStatements: enterAsyncScope });
  await apollo.start();

  const routes = new Map<string, PlainRoute>([
    ['/healthz', serveHealth],
    ['/readyz', readinessProbe(deps.readinessChecks, () => shuttingDown, deps.logger)],
  ]);
  // METRICS_PORT: the scrape endpoint only on its own listener (startServer), not next to the API.
  if (deps.config.metricsPort === undefined) routes.set(METRICS_PATH, metricsScrape(metrics));
  const admission = createAdmission(httpServer, graphqlRoute({ apollo, deps, clientAddress, explorer: deps.config.explorer, enterAsyncScope }), {
    maxInFlight: deps.config.maxConcurrentRequests,
    maxWaiting: deps.config.maxQueuedRequests,
  });
  metrics.observeAdmission(admission.load);
  httpServer.on('request', createRequestHandler({ logger: deps.logger, metrics, graphqlPath: GRAPHQL_PATH, graphql: admission.graphql, routes }));

  return {
    httpServer,
    apollo,
    markShuttingDown: () => {
      shuttingDown = true;
    },
    releaseParkedConnections: admission.release,
  };
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4000/graphql` */
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  readonly cache: Cache;
  readonly logger: Logger;
  readonly jwtKey: Uint8Array;
  readonly metrics: Metrics;
  /** Subscription events: Redis pub/sub across instances, or in-process. */
  readonly events: EventBus;
  /** Background jobs of this instance (the reminder run unless `REMINDERS=off`, the progress backstop). */
  readonly jobs: Scheduler;
  /** Drains in-flight requests, then closes the database and cache. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Defaults to a JSON logger on stdout at `config.logLevel`. */
  logger?: Logger;
}

async function migrate(config: Config, db: Database, logger: Logger): Promise<void> {
  const target = db.pglite
    ? { kind: 'pglite' as const, client: db.pglite }
    : { kind: 'postgres' as const, url: config.databaseUrl ?? '' };
  const { applied } = await applyMigrations(target);
  releaseMigrationEngine();
  logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
}

function urlOf(host: string, port: number): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${port}${GRAPHQL_PATH}`;
}

/**
 * Connections the kernel holds accepted-but-not-yet-taken while the event loop is busy (it
 * caps this at net.core.somaxconn). Node's default of 511 overflowed when thousands of
 * clients connected at once, and the kernel then dropped or reset some of them.
 */
const LISTEN_BACKLOG = 4096;

async function listen(httpServer: http.Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  return (httpServer.address() as AddressInfo).port;
}

/**
 * config → JWT secret → database (+ migrations) → cache → HTTP server listening on
 * HOST:PORT (port 0: any free port). On failure, whatever was opened is closed again.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const jwtKey = accessTokenKey(await loadJwtSecret(config));
  const cleanup: Array<() => Promise<void>> = [];
  const closeOpened = async () => {
    for (const close of cleanup.reverse()) await close().catch((error) => logger.warn({ err: error }, 'close failed'));
  };

  configurePasswordHashing({
    concurrency: config.passwordHashConcurrency ?? defaultHashingConcurrency(),
    maxQueued: config.passwordHashQueueMax,
  });
  try {
    const metrics = new Metrics();
    const db = await openDatabase(config, logger, {
      onStatement: sqlStatementListener({ metrics, logger, slowQueryMs: config.slowQueryMs }),
    });
    cleanup.push(() => db.close());
    metrics.observePool(() => db.poolStats());
    logger.info(
      { database: db.kind, ...(db.kind === 'pglite' ? { dir: pgliteDirectory(config.dataDir) } : {}) },
      'database opened',
    );
    if (config.migrateOnStart) await migrate(config, db, logger);

    const cache = countCacheLookups(await createCache(config, logger), metrics);
    cleanup.push(() => cache.close());

    const events = createEventBus(config, logger);
    cleanup.push(() => events.close());
    await events.start();

    const readinessChecks: ReadinessCheck[] = [{ name: 'database', check: () => db.ping() }];
    // Redis down: every request is still served (fallbacks), so /readyz says degraded with a 200.
    if (cache.kind === 'redis') readinessChecks.push({ name: 'redis', optional: true, check: () => cache.ping() });
    redisConnectionOf(cache)?.breaker.onStateChange((state) => metrics.setRedisBreakerState(state));

    const services = createServices({ config, prisma: db.prisma, cache, logger, jwtKey, events });
    const { httpServer, apollo, markShuttingDown, releaseParkedConnections } = await createApp({
      config,
      prisma: db.prisma,
      cache,
      services,
      logger,
      jwtKey,
      readinessChecks,
      metrics,
    });
    // Runs after Apollo's drain (cleanup runs in reverse): mail and audit rows the last
    // requests queued off their response path (lib/background-work.ts) are not lost.
    cleanup.push(() => backgroundWorkSettled());
    cleanup.push(() => apollo.stop());
    cleanup.push(() => releaseParkedConnections());

    // Stopped before the database closes (cleanup runs in reverse), after in-flight runs finish.
    const jobs = startBackgroundJobs({
      config,
      prisma: db.prisma,
      mailer: services.mailer,
      goalEvents: services.goalEvents,
      logger,
      metrics,
    });
    cleanup.push(() => jobs.stop());

    if (config.metricsPort !== undefined) {
      const metricsServer = http.createServer(metricsOnlyListener(metrics, logger));
      await listen(metricsServer, config.metricsHost, config.metricsPort);
      cleanup.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
      logger.info({ host: config.metricsHost, port: config.metricsPort }, 'metrics served on their own port');
    }
    const port = await listen(httpServer, config.host, config.port);
    const url = urlOf(config.host, port);
    logger.info({ url, database: db.kind, cache: cache.kind }, 'server listening');

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      db,
      cache,
      logger,
      jwtKey,
      metrics,
      events,
      jobs,
      stop: () => {
        markShuttingDown();
        // Apollo's stop drains the HTTP server (drain plugin), then the rest closes in reverse.
        stopping ??= closeOpened();
        return stopping;
      },
    };
  } catch (error) {
    await closeOpened();
    throw error;
  }
}
