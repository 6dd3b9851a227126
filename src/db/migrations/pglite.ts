import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { AdapterTracker, runScript, type MigrationConnection } from './adapters';

const ADAPTER_NAME = 'pglite-prisma-adapter';

/** An embedded database: a data directory we open (and close), or an instance the caller owns. */
export type PgliteSource = { dataDir: string } | { client: PGlite };

/**
 * pglite-prisma-adapter for the engine. Shadow databases, when the engine needs one, are fresh
 * in-memory instances closed when the engine disposes them.
 */
export async function openPglite(source: PgliteSource): Promise<MigrationConnection> {
  const client = 'client' in source ? source.client : await openDataDir(source.dataDir);
  const tracker = new AdapterTracker();

  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: ADAPTER_NAME,
    connect: async () => tracker.track(await connectTo(client)),
    connectToShadowDb: async () => tracker.track(startingOnFirstUse(freshInstanceAdapter)),
  };

  const close = async () => {
    try {
      await tracker.disposeAll();
    } finally {
      if (!('client' in source)) await client.close();
    }
  };
  return { adapterFactory, close };
}

/**
 * For a diff from the migrations folder without any real database. Every connection the engine
 * opens (a main one it only asks for its version, shadows it builds the history in) goes to one
 * throwaway in-memory instance, started on first use: each start costs 1.5-4 s.
 */
export function openPgliteScratch(): MigrationConnection {
  let scratch: Promise<PGlite> | undefined;
  const scratchInstance = () => (scratch ??= PGlite.create());
  const connectToScratch = async () => startingOnFirstUse(async () => connectTo(await scratchInstance()));
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: ADAPTER_NAME,
    connect: connectToScratch,
    connectToShadowDb: connectToScratch,
  };
  return { adapterFactory, close: async () => (await scratch)?.close() };
}

async function freshInstanceAdapter(): Promise<SqlDriverAdapter> {
  const instance = await PGlite.create();
  const adapter = await connectTo(instance);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await instance.close();
  };
  return adapter;
}

/** An adapter that connects when first used: the engine opens connections it never queries. */
function startingOnFirstUse(start: () => Promise<SqlDriverAdapter>): SqlDriverAdapter {
  let started: Promise<SqlDriverAdapter> | undefined;
  const adapter = () => (started ??= start());
  return {
    provider: 'postgres',
    adapterName: ADAPTER_NAME,
    queryRaw: async (query) => (await adapter()).queryRaw(query),
    executeRaw: async (query) => (await adapter()).executeRaw(query),
    executeScript: async (script) => (await adapter()).executeScript(script),
    startTransaction: async (isolationLevel) => (await adapter()).startTransaction(isolationLevel),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {
      if (started) await (await started).dispose();
    },
  };
}

async function openDataDir(dataDir: string): Promise<PGlite> {
  await fs.mkdir(dataDir, { recursive: true });
  return PGlite.create({ dataDir });
}

async function connectTo(client: PGlite): Promise<SqlDriverAdapter> {
  // The adapter ships its own (older) copy of driver-adapter-utils; the runtime shapes match.
  const adapter = (await new PrismaPGlite(client).connect()) as unknown as SqlDriverAdapter;
  adapter.executeScript = (script) => runScript((sql) => client.exec(sql), script);
  return adapter;
}
