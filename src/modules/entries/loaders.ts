import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Connection } from '../../lib/pagination';
import { createHistoryPageLoader, type HistoryPageKey } from './history-pages';
import type { EntryHistoryRecord, EntryRecord } from './types';

export type { HistoryPageKey };

export interface EntryLoaders {
  /** Entry rows by id, deleted and archived ones included, NOT visibility-checked (see entry-access.ts). */
  entries: DataLoader<bigint, EntryRecord | null>;
  /** One page of an entry's history per key, batched across entries. */
  entryHistoryPages: DataLoader<HistoryPageKey, Connection<EntryHistoryRecord>>;
}

export function createEntryLoaders(prisma: PrismaClient): EntryLoaders {
  return {
    entries: new DataLoader<bigint, EntryRecord | null>(async (ids) => {
      const rows = await prisma.entry.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map<bigint, EntryRecord>(rows.map((row) => [row.id, row]));
      // Ids not live may have been archived (src/ops/archive.ts): history pages lead there.
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length > 0) {
        for (const row of await prisma.entryArchive.findMany({ where: { id: { in: missing } } })) byId.set(row.id, row);
      }
      return ids.map((id) => byId.get(id) ?? null);
    }),
    entryHistoryPages: createHistoryPageLoader(prisma),
  };
}
