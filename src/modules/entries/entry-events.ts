import type { Logger } from '../../lib/logger';
import type { EntryHistoryRecord, EntryRecord } from './types';

/** One committed entry state change: the entry after it and its history row. */
export interface CommittedEntryChange {
  entry: EntryRecord;
  change: EntryHistoryRecord;
}

/** What one entry mutation committed (never empty: no-ops emit nothing). */
export interface EntriesCommitted {
  ownerIds: bigint[];
  changes: CommittedEntryChange[];
}

export type EntriesCommittedListener = (event: EntriesCommitted) => void | Promise<void>;

/**
 * After-commit hook of every entry write: subscriptions publish `entryRecorded` (the writer
 * has already dropped the owners' dashboards through after-write.ts). Listeners run after the transaction committed, so
 * they never see a change that could still roll back; a failing listener is logged, never
 * fails the mutation that already succeeded.
 */
export class EntryEvents {
  private readonly listeners: EntriesCommittedListener[] = [];

  constructor(private readonly logger: Logger) {}

  on(listener: EntriesCommittedListener): void {
    this.listeners.push(listener);
  }

  async emit(changes: readonly CommittedEntryChange[]): Promise<void> {
    if (changes.length === 0) return;
    const ownerIds = [...new Set(changes.map((c) => c.entry.userId))];
    const event: EntriesCommitted = { ownerIds, changes: [...changes] };
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error({ err: error }, 'entry commit listener failed');
        }
      }),
    );
  }
}
