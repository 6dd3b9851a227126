import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { passwordHashingLoad } from '../auth/passwords';
import type { PoolStats } from '../db/client';

/**
 * The Prometheus metrics of one server instance, served at `GET /metrics`. Each instance has
 * its own registry, so several servers in one process (tests) never share or clash.
 */

/** Issue 4's Redis circuit breaker reports through `setRedisBreakerState`. */
export type BreakerState = 'closed' | 'half_open' | 'open';

/** GraphQL requests executing and waiting, and connections parked (http/admission.ts). */
export type AdmissionLoad = { readonly running: number; readonly waiting: number; readonly parked: number };

const BREAKER_STATE_VALUES: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

// Operation names come from clients: past this many distinct names, new ones share one label
// so a client cannot blow up the number of time series.
const MAX_OPERATION_NAMES = 200;
export const OTHER_OPERATION = '__other';
export const ANONYMOUS_OPERATION = '__anonymous';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STATEMENT_BUCKETS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144];

/** A gauge with one sample per state, read when scraped; `read` returns nothing to report none. */
function stateGauge(registry: Registry, name: string, help: string, read: () => Record<string, number> | undefined): void {
  new Gauge({
    name,
    help,
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      for (const [state, value] of Object.entries(read() ?? {})) this.set({ state }, value);
    },
  });
}

export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'kitaab_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  readonly graphqlOperationDuration = new Histogram({
    name: 'kitaab_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and type',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'kitaab_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly sqlStatementsPerOperation = new Histogram({
    name: 'kitaab_sql_statements_per_operation',
    help: 'SQL statements one GraphQL operation ran, by operation name',
    labelNames: ['operation_name'] as const,
    buckets: STATEMENT_BUCKETS,
    registers: [this.registry],
  });

  readonly slowSqlStatements = new Counter({
    name: 'kitaab_sql_slow_statements_total',
    help: 'SQL statements that took longer than SLOW_QUERY_MS',
    registers: [this.registry],
  });

  readonly cacheLookups = new Counter({
    name: 'kitaab_cache_lookups_total',
    help: 'Cache reads by result (hit or miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly redisBreakerState = new Gauge({
    name: 'kitaab_redis_breaker_state',
    help: 'Redis circuit breaker: 0 closed, 1 half-open, 2 open',
    registers: [this.registry],
  });

  readonly reminderJobRuns = new Counter({
    name: 'kitaab_reminder_job_runs_total',
    help: 'Reminder scheduler runs, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly remindersSent = new Counter({
    name: 'kitaab_reminders_sent_total',
    help: 'Reminders delivered',
    registers: [this.registry],
  });

  private poolStats: (() => PoolStats | undefined) | undefined;
  private admissionLoad: (() => AdmissionLoad) | undefined;
  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'kitaab_' });
    this.redisBreakerState.set(BREAKER_STATE_VALUES.closed);
    // Read at scrape time (`collect`): the pool's and the queues' counts are read, not tracked.
    stateGauge(this.registry, 'kitaab_db_pool_connections', 'Database pool connections by state (total, in_use, idle, waiting = requests queued for one)', () => {
      const stats = this.poolStats?.();
      return stats && { total: stats.total, idle: stats.idle, in_use: stats.total - stats.idle, waiting: stats.waiting };
    });
    stateGauge(
      this.registry,
      'kitaab_graphql_admission',
      'GraphQL requests executing (running), read and waiting for a turn (waiting), and connections parked unread while the queue is crowded (parked); http/admission.ts',
      () => this.admissionLoad?.(),
    );
    stateGauge(this.registry, 'kitaab_password_hashing', 'Password hashes (argon2) running and queued for a slot (auth/hashing-queue.ts)', passwordHashingLoad);
  }

  /** Where the pool gauge reads from (the embedded database has no pool: report nothing). */
  observePool(stats: () => PoolStats | undefined): void {
    this.poolStats = stats;
  }

  /** Where the admission gauge reads from. */
  observeAdmission(load: () => AdmissionLoad): void {
    this.admissionLoad = load;
  }

  setRedisBreakerState(state: BreakerState): void {
    this.redisBreakerState.set(BREAKER_STATE_VALUES[state]);
  }

  /** The label for a client-chosen operation name, bounded in number. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.operationNames.add(name);
    return name;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
