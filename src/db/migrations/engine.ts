import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { loadSchemaEngineWasm, SchemaEnginePanic } from './wasm';

export type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** A failure reported by the schema engine (bad SQL in a migration, failed migrations, a panic...). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** Prisma's error code when the engine gives one (e.g. P3009: failed migrations in the database). */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Nothing in this project is managed outside the migrations folder. */
export const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` with a schema engine connected through `adapterFactory`, then frees the engine.
 * Engine failures are rethrown as MigrationError. The caller closes the adapters.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadSchemaEngineWasm();
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const run = async () => {
    const engine = await wasm.SchemaEngine.new({ datamodels: undefined }, () => undefined, boundFactory);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  };
  try {
    return await Promise.race([run(), wasm.panicked]);
  } catch (error) {
    throw toMigrationError(error, boundFactory.errorRegistry);
  }
}

function toMigrationError(error: unknown, errorRegistry: ErrorRegistry): Error {
  // JS errors thrown inside the adapters reach the engine as "External error id#N".
  const externalId = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const external = externalId === undefined ? undefined : errorRegistry.consumeError(Number(externalId))?.error;
  if (external instanceof Error) return new MigrationError(external.message, undefined, { cause: external });
  if (error instanceof SchemaEnginePanic) return new MigrationError(error.message, undefined, { cause: error });
  if (!(error instanceof Error)) return new MigrationError(String(error));
  const rawCode: unknown = (error as Error & { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : undefined;
  // The engine appends a Rust span trace ("   0: sql_schema_connector::...") that helps nobody here.
  const message = error.message.split(/\n\s+0: /)[0]!.trim();
  return new MigrationError(code ? `${code}: ${message}` : message, code, { cause: error });
}
