import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

/** Driver adapters for one engine run, and the way to release everything they opened. */
export interface MigrationConnection {
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/**
 * Remembers every adapter handed to the engine so that `disposeAll` can release the ones the
 * engine left open (pools, shadow databases) whatever way the run ended. Dispose is idempotent.
 */
export class AdapterTracker {
  private readonly open = new Set<SqlDriverAdapter>();

  track(adapter: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      disposed ??= (async () => {
        this.open.delete(adapter);
        try {
          await dispose();
        } finally {
          await afterDispose?.();
        }
      })();
      return disposed;
    };
    this.open.add(adapter);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    const results = await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

/**
 * Runs a whole migration script in one round trip. Both adapters' own `executeScript` are unfit:
 * adapter-pg splits the script on every `;` (breaking `$$` function bodies), and the PGlite adapter
 * does not await the script (errors are lost and the migration is recorded as applied).
 * One simple-protocol query also gives PostgreSQL's implicit transaction around the script, as the
 * native engine does.
 */
export async function runScript(execute: (script: string) => Promise<unknown>, script: string): Promise<void> {
  try {
    await execute(script);
  } catch (error) {
    throw toDriverAdapterError(error);
  }
}

interface PostgresErrorFields {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

/** Database errors (pg's and PGlite's share a shape) become errors the engine can report verbatim. */
export function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity,
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  const fields = error as Partial<PostgresErrorFields> | null;
  return typeof fields?.code === 'string' && typeof fields.severity === 'string' && typeof fields.message === 'string';
}
