import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadOptions, LoadResult } from './load';
import { percentiles } from './stats';

const MAX_ERROR_SAMPLES = 3;

/**
 * An open-loop load at `overallRate` requests a second: request n is due at start + n / rate,
 * whatever happened to the ones before, over at most `connections` keep-alive sockets. What a
 * rate "offered" means: users who do not wait for each other. (autocannon's overallRate gives
 * each connection a per-second quota that it sends back to back when each second starts, so
 * all connections fire at once every second: a burst, not a rate.) Latency runs from the time
 * a request was due, so waiting for a free socket or behind a slow server counts, and a
 * server that falls behind cannot hide it (no coordinated omission).
 */
export function runSteadyLoad(
  options: LoadOptions & Required<Pick<LoadOptions, 'request'>> & { overallRate: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const intervalMs = 1000 / options.overallRate;
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const startedAt = performance.now();
  const deadline = startedAt + options.maxSeconds * 1000;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  const errorKinds = { timeouts: 0, connectionErrors: 0, non200: 0, wrongAnswers: 0 };
  let sent = 0;
  let finished = false;

  const sample = (text: string) => {
    if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(text);
  };

  const send = (n: number, dueAt: number) => {
    const next = options.request(n);
    const body = JSON.stringify({ operationName: next.operationName, query: next.query, variables: next.variables ?? {} });
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (next.token) headers.authorization = `Bearer ${next.token}`;
    const request = http.request(options.url, { method: 'POST', agent, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (finished) return; // after the time bound: unanswered, as with autocannon
        latencies.push(performance.now() - dueAt);
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) {
          errorKinds.non200++;
          sample(`HTTP ${response.statusCode}: ${text.slice(0, 200).trim()}`);
        } else if (!options.check(text, next.expect)) {
          errorKinds.wrongAnswers++;
          sample(text.slice(0, 300).trim());
        }
      });
    });
    request.on('timeout', () => {
      if (!finished) errorKinds.timeouts++;
      request.destroy(new Error('timeout'));
    });
    request.on('error', (error) => {
      if (!finished && error.message !== 'timeout') errorKinds.connectionErrors++;
    });
    request.end(body);
  };

  return new Promise((resolve) => {
    const finish = () => {
      finished = true;
      agent.destroy();
      const seconds = (performance.now() - startedAt) / 1000;
      const failed = errorKinds.timeouts + errorKinds.connectionErrors;
      resolve({
        responses: latencies.length,
        unanswered: Math.max(0, sent - latencies.length - failed),
        seconds,
        requestsPerSecond: latencies.length / seconds,
        latency: percentiles(latencies),
        errors: failed + errorKinds.non200 + errorKinds.wrongAnswers,
        errorKinds,
        errorSamples,
      });
    };
    const tick = () => {
      const now = performance.now();
      if (now >= deadline || (options.amount !== undefined && sent >= options.amount)) {
        // With a request bound, wait for the last answers (up to the time bound).
        if (now >= deadline || latencies.length + errorKinds.timeouts + errorKinds.connectionErrors >= sent) {
          finish();
          return;
        }
        setTimeout(tick, 5);
        return;
      }
      for (let dueAt = startedAt + sent * intervalMs; dueAt <= now; dueAt = startedAt + sent * intervalMs) {
        if (options.amount !== undefined && sent >= options.amount) break;
        send(sent++, dueAt);
      }
      setTimeout(tick, Math.max(0, startedAt + sent * intervalMs - performance.now()));
    };
    tick();
  });
}
