/**
 * Reads the server's Prometheus metrics, to tell whether it is still busy. (Costs per request
 * come from outside the server: see costs.ts.)
 */

import { parseSamples, type Samples } from '../../test/helpers/metrics-scrape';

export type MetricsSnapshot = Samples;

/** Every sample line of GET /metrics, keyed by metric name and labels as written. */
export async function scrapeMetrics(metricsUrl: string): Promise<MetricsSnapshot> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`GET ${metricsUrl}: HTTP ${response.status}`);
  return parseSamples(await response.text());
}

/** GraphQL operations finished so far, and database connections busy or awaited right now. */
export function activity(snapshot: MetricsSnapshot): { operations: number; connectionsInUse: number; waiting: number } {
  let operations = 0;
  for (const [key, value] of snapshot) {
    if (key.startsWith('kitaab_graphql_operation_duration_seconds_count')) operations += value;
  }
  return {
    operations,
    connectionsInUse: snapshot.get('kitaab_db_pool_connections{state="in_use"}') ?? 0,
    waiting: snapshot.get('kitaab_db_pool_connections{state="waiting"}') ?? 0,
  };
}
