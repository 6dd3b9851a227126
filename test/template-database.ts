import { quoteIdentifier, withDatabaseName } from './helpers/database-url';
import { withClient } from './helpers/pg-client';

/** Every test database is a copy of this one: migrated once per test run. */
export const templateDatabaseName = 'kitaab_template';

interface MigrationsModule {
  applyMigrations(target: { kind: 'postgres'; url: string }): Promise<{ applied: string[] }>;
}

export interface TemplateDatabase {
  readonly url: string;
  /** Migrations applied to the template; undefined when the migration module is absent. */
  readonly appliedMigrations: string[] | undefined;
}

/**
 * (Re)creates the template database: migrations applied through the project's own
 * migration module, plus pg_stat_statements so tests can count the queries they cause.
 */
export async function createTemplateDatabase(serverUrl: string): Promise<TemplateDatabase> {
  const url = withDatabaseName(serverUrl, templateDatabaseName);
  const name = quoteIdentifier(templateDatabaseName);
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });

  const migrations = loadMigrationsModule();
  const appliedMigrations = migrations ? (await migrations.applyMigrations({ kind: 'postgres', url })).applied : undefined;

  await withClient(url, (client) => client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
  await closeSessionsOnTemplate(serverUrl);
  return { url, appliedMigrations };
}

/** The migration module, or undefined while it has not been written yet. */
function loadMigrationsModule(): MigrationsModule | undefined {
  const request = '../src/db/migrations';
  let resolved: string;
  try {
    resolved = require.resolve(request);
  } catch {
    return undefined;
  }
  return require(resolved) as MigrationsModule;
}

/**
 * CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template. A migration
 * pool may close a moment after applyMigrations resolves: wait for it, then end stragglers.
 */
async function closeSessionsOnTemplate(serverUrl: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const countSessions = async (): Promise<number> => {
      const result = await client.query<{ sessions: number }>(
        'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [templateDatabaseName],
      );
      return result.rows[0]?.sessions ?? 0;
    };
    const deadline = Date.now() + 3_000;
    while ((await countSessions()) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [templateDatabaseName],
    );
  });
}

