import type { PrismaClient } from '../../generated/prisma/client';
import { pageSize, type Connection } from '../../lib/pagination';
import type { PermissionAuthority } from '../access/authority';
import { requireVisibleEntry } from './entry-access';
import { listEntries, type EntryListArgs } from './entry-list';
import { parseHistoryCursor } from './history-pages';
import type { EntryLoaders } from './loaders';
import type { EntryHistoryRecord, EntryRecord } from './types';

/** What a read needs from the request: the viewer's authority and the request's loaders. */
export interface EntryReader {
  authority: PermissionAuthority;
  loaders: EntryLoaders;
}

/** entries, entry, entryHistory and Entry.history (CONTRACT.md sections 3–5). */
export class EntryReadService {
  constructor(private readonly prisma: PrismaClient) {}

  list(args: EntryListArgs): Promise<Connection<EntryRecord>> {
    return listEntries(this.prisma, args);
  }

  /** The entry if the viewer may see it, else NOT_FOUND (missing and invisible look the same). */
  async visibleEntry(reader: EntryReader, entryId: bigint): Promise<EntryRecord> {
    const entry = await reader.loaders.entries.load(entryId);
    await requireVisibleEntry(reader.authority, entry);
    return entry!;
  }

  /** History of an entry already known to be visible, newest first. */
  historyOf(
    reader: Pick<EntryReader, 'loaders'>,
    entryId: bigint,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<EntryHistoryRecord>> {
    const size = pageSize(first);
    parseHistoryCursor(after ?? null);
    return reader.loaders.entryHistoryPages.load({ entryId, first: size, after: after ?? null });
  }

  async history(
    reader: EntryReader,
    entryId: bigint,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<EntryHistoryRecord>> {
    await this.visibleEntry(reader, entryId);
    return this.historyOf(reader, entryId, first, after);
  }
}
