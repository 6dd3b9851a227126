import autocannon from 'autocannon';
import { percentiles, type Percentiles } from './stats';
import { runSteadyLoad } from './steady-load';

/** One GraphQL request of a load run. */
export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  /** What this request's answer must hold, handed to `check` with the answer. */
  expect?: string;
}

export interface LoadOptions {
  /** The /graphql endpoint (loopback only). */
  url: string;
  connections: number;
  /** Hard bound on wall time; requests still in flight then are not counted. */
  maxSeconds: number;
  /** Stop after this many requests (default: only the time bound). */
  amount?: number;
  /**
   * Requests per second over all connections (default: each connection asks again as soon as
   * its answer came back). autocannon gives each connection a per-second quota that it sends
   * back to back when each second starts: enough to offer a throughput, but every connection
   * fires at once, so latencies measure that burst.
   */
  overallRate?: number;
  /**
   * With `overallRate`: requests arrive evenly instead (steady-load.ts), for a latency target
   * at a rate. The load generator then spends more of the shared machine per request than
   * autocannon does.
   */
  steadyArrivals?: boolean;
  /** Seconds a request may take before it counts as an error and the connection retries. */
  timeoutSeconds?: number;
  /** The n-th request (0-based), in the order they are sent. */
  request?(n: number): GraphQLRequest;
  /**
   * A path of the server to GET instead of POSTing `request` to /graphql: a probe
   * (`/healthz`) measures what holding the connections costs without any GraphQL work.
   */
  get?: string;
  /**
   * Whether an HTTP 200 body is a correct answer (no GraphQL error, the expected outcome);
   * `expected` is the request's `expect`. Non-200 answers, timeouts and connection errors are
   * errors anyway.
   */
  check(body: string, expected: string | undefined): boolean;
}

export interface LoadResult {
  /** Responses received (correct or not). */
  responses: number;
  /** Requests sent but still unanswered when the time bound stopped the run. */
  unanswered: number;
  seconds: number;
  requestsPerSecond: number;
  latency: Percentiles | null;
  /** Timeouts, connection errors, non-200 answers and 200 answers that failed `check`. */
  errors: number;
  errorKinds: { timeouts: number; connectionErrors: number; non200: number; wrongAnswers: number };
  /** A few wrong answers, to say what went wrong. */
  errorSamples: string[];
}

const MAX_ERROR_SAMPLES = 3;

interface RequestContext {
  expected?: string;
}

/**
 * Runs autocannon against `url` (or runSteadyLoad for `steadyArrivals`) and measures every
 * response itself: autocannon's own histogram has no p95, and its error count does not look
 * inside 200 answers.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { overallRate, request: graphqlRequest, get } = options;
  if ((graphqlRequest === undefined) === (get === undefined)) throw new Error('a load run takes either `request` or `get`');
  if (overallRate !== undefined && options.steadyArrivals) {
    if (!graphqlRequest) throw new Error('steady arrivals send GraphQL requests only');
    return runSteadyLoad({ ...options, request: graphqlRequest, overallRate });
  }
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let wrongAnswers = 0;
  let sent = 0;
  const startedAt = process.hrtime.bigint();

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: get ? new URL(get, options.url).toString() : options.url,
        method: get ? 'GET' : 'POST',
        connections: options.connections,
        // autocannon needs a duration; the timer below is the real bound.
        duration: options.maxSeconds + 60,
        ...(options.amount !== undefined ? { amount: options.amount } : {}),
        ...(overallRate !== undefined ? { overallRate } : {}),
        timeout: options.timeoutSeconds ?? 30,
        headers: get ? {} : { 'content-type': 'application/json' },
        requests: [
          {
            // A connection has one request in flight at a time (no pipelining): its context
            // carries what the answer to that request must hold.
            setupRequest: (request, context: RequestContext) => {
              if (!graphqlRequest) {
                sent++;
                return request;
              }
              const next = graphqlRequest(sent++);
              context.expected = next.expect;
              const headers: Record<string, string> = { 'content-type': 'application/json' };
              if (next.token) headers.authorization = `Bearer ${next.token}`;
              return {
                ...request,
                headers,
                body: JSON.stringify({ operationName: next.operationName, query: next.query, variables: next.variables ?? {} }),
              };
            },
            onResponse: (status, body, context: RequestContext) => {
              if (status === 200 && !options.check(body, context.expected)) {
                wrongAnswers++;
                if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(body.slice(0, 300).trim());
              } else if (status !== 200 && errorSamples.length < MAX_ERROR_SAMPLES) {
                errorSamples.push(`HTTP ${status}: ${body.slice(0, 200).trim()}`);
              }
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) {
          reject(error);
          return;
        }
        const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
        resolve({
          responses: latencies.length,
          unanswered: Math.max(0, sent - latencies.length - result.errors),
          seconds,
          requestsPerSecond: latencies.length / seconds,
          latency: percentiles(latencies),
          errors: result.errors + result.non2xx + wrongAnswers,
          errorKinds: {
            timeouts: result.timeouts,
            connectionErrors: result.errors - result.timeouts,
            non200: result.non2xx,
            wrongAnswers,
          },
          errorSamples,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
    const timer = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
  });
}

/** A GraphQL answer without errors that contains `expected` (when given). */
export function answered(body: string, expected?: string): boolean {
  return !body.includes('"errors"') && (expected === undefined || body.includes(expected));
}

/**
 * Sends one request per item, `workers` at a time, outside any measurement (warm-ups and
 * probes); returns the answers' bodies in the items' order.
 */
export async function askEach<T>(
  url: string,
  items: readonly T[],
  request: (item: T) => GraphQLRequest,
  workers = 8,
): Promise<string[]> {
  const bodies: string[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      const { operationName, query, variables, token } = request(items[index]!);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ operationName, query, variables: variables ?? {} }),
      });
      bodies[index] = await response.text();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return bodies;
}
