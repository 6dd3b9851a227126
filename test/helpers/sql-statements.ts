import { Client } from 'pg';

/**
 * Counts the SQL statements the server really runs, at the database: pg_stat_statements
 * (preloaded by the test PostgreSQL) sums calls per database. Tests run in band, so nothing
 * else writes to a test file's own database while it measures.
 */
export class StatementCounter {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<StatementCounter> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return new StatementCounter(client);
  }

  /** Statements `work` caused in this database, excluding the counter's own reads. */
  async count(work: () => Promise<unknown>): Promise<number> {
    const before = await this.total();
    await work();
    const after = await this.total();
    // The first total() is itself recorded once it finishes.
    return after - before - 1;
  }

  /** Like count(), but returns the normalised statements too, for readable failures. */
  async capture(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
    await this.client.query('SELECT pg_stat_statements_reset()');
    await work();
    const { rows } = await this.client.query<{ query: string; calls: string }>(
      `SELECT s.query, s.calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'`,
    );
    const statements = rows.flatMap((r) => Array<string>(Number(r.calls)).fill(r.query));
    return { count: statements.length, statements };
  }

  private async total(): Promise<number> {
    const { rows } = await this.client.query<{ calls: string | null }>(
      `SELECT sum(s.calls)::text AS calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = current_database()`,
    );
    return Number(rows[0]?.calls ?? 0);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
