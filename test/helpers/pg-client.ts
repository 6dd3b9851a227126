import { Client } from 'pg';

/** Runs `work` on a fresh connection to `url` and always closes it. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Sessions of `client`'s database waiting for a lock: a test holds one to see requests queue.
 * The snapshot of pg_stat_activity is cleared first: inside a transaction (the lock holder's
 * own) PostgreSQL would otherwise answer every later poll from the first one.
 */
export async function lockWaiters(client: Client): Promise<number> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ waiting: number }>(
    "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
  );
  return rows[0]!.waiting;
}
