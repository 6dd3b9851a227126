import { keepRunningServices, takeRunningServices } from './services/running-services';
import { startTestServices } from './services/test-services';
import { createTemplateDatabase, templateDatabaseName } from './template-database';

/**
 * Starts throwaway PostgreSQL and Redis unless DATABASE_URL / REDIS_URL are given, exports
 * their URLs to the test files, and builds the migrated template database they clone.
 */
export default async function globalSetup(): Promise<void> {
  const services = await startTestServices({
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
  });
  keepRunningServices(services);
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  console.log(`\n${services.summary}`);

  try {
    const startedAt = Date.now();
    const template = await createTemplateDatabase(services.databaseUrl);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(
      template.appliedMigrations === undefined
        ? `${templateDatabaseName}: src/db/migrations is not there yet, so the template has no schema (${seconds} s)`
        : `${templateDatabaseName}: ${template.appliedMigrations.length} migration(s) applied (${seconds} s)`,
    );
  } catch (error) {
    takeRunningServices();
    await services.stop();
    throw error;
  }
}
