import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { templateDatabaseName } from '../template-database';
import { quoteIdentifier, withDatabaseName } from './database-url';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, ending any connections a test left open. */
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template, so each test file gets its own
 * isolated schema in milliseconds instead of running the migrations again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `kitaab_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateDatabaseName)}`);
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

/** The server the test run uses: given by the caller, or started by test/global-setup.ts. */
function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    throw new Error('DATABASE_URL is not set: run the tests with `npm test`, whose global setup starts PostgreSQL');
  }
  return url;
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
