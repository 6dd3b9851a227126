import type { PrismaClient } from '../../generated/prisma/client';
import { pageSize, type Connection } from '../../lib/pagination';
import type { Actor } from '../context-types';
import { requireVisibleEntry } from './entry-access';
import { listEntries, type EntryListArgs } from './entry-list';
import { parseHistoryCursor } from './history-pages';
import type { EntryHistoryRecord, EntryRecord } from './types';

/** entries, entry, entryHistory and Entry.history (CONTRACT.md sections 3–5). */
export class EntryReadService {
  constructor(private readonly prisma: PrismaClient) {}

  list(args: EntryListArgs): Promise<Connection<EntryRecord>> {
    return listEntries(this.prisma, args);
  }

  /** The entry if the viewer may see it, else NOT_FOUND (missing and invisible look the same). */
  async visibleEntry(actor: Actor, entryId: bigint): Promise<EntryRecord> {
    const entry = await actor.loaders.entries.load(entryId);
    await requireVisibleEntry(actor.authority, entry);
    return entry!;
  }

  /** History of an entry already known to be visible, newest first. */
  historyOf(
    reader: Pick<Actor, 'loaders'>,
    entryId: bigint,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<EntryHistoryRecord>> {
    const size = pageSize(first);
    parseHistoryCursor(after ?? null);
    return reader.loaders.entryHistoryPages.load({ entryId, first: size, after: after ?? null });
  }

  async history(
    actor: Actor,
    entryId: bigint,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<EntryHistoryRecord>> {
    await this.visibleEntry(actor, entryId);
    return this.historyOf(actor, entryId, first, after);
  }
}
