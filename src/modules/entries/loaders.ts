import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import { createHistoryPageLoader, type HistoryPageKey } from './history-pages';
import type { EntryRecord } from './types';
import type { Connection } from '../../lib/pagination';
import type { EntryHistoryRecord } from './types';

export type { HistoryPageKey };

export interface EntryLoaders {
  /** Entry rows by id, deleted ones included, NOT visibility-checked (see entry-access.ts). */
  entries: DataLoader<bigint, EntryRecord | null>;
  /** One page of an entry's history per key, batched across entries. */
  entryHistoryPages: DataLoader<HistoryPageKey, Connection<EntryHistoryRecord>>;
}

export function createEntryLoaders(prisma: PrismaClient): EntryLoaders {
  return {
    entries: new DataLoader<bigint, EntryRecord | null>(async (ids) => {
      const rows = await prisma.entry.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    entryHistoryPages: createHistoryPageLoader(prisma),
  };
}
