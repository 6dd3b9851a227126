/**
 * Writes schema.graphql (committed) from the code-first schema, in code order (fields and
 * enum values as declared, e.g. `id` first and weekdays Monday to Sunday).
 * `--check` exits 1 when the committed file is stale.
 */
import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../src/schema';

const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.graphql');
const HEADER = '# Generated from the code by `npm run schema:emit`. Do not edit by hand.\n\n';

async function main(): Promise<void> {
  const schema = await buildAppSchema();
  const text = `${HEADER}${printSchema(schema)}\n`;

  if (process.argv.includes('--check')) {
    const committed = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== text) {
      process.stderr.write('schema.graphql is out of date: run `npm run schema:emit` and commit it\n');
      process.exit(1);
    }
    process.stdout.write('schema.graphql is up to date\n');
    return;
  }
  await fs.writeFile(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
