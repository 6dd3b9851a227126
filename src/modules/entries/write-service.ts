import { GraphQLError } from 'graphql';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { EntryChangeAction } from '../../generated/prisma/enums';
import { conflict, ErrorCode, invalidField, notFound, type FieldError } from '../../lib/errors';
import { localDateOf } from '../../lib/local-dates';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { affectedGoals, NO_AFFECTED_GOALS, type AffectedGoals } from './affected-goals';
import type { GoalEvents } from '../progress/goal-events';
import type { EntryEvents } from './entry-events';
import { requireEntryWriter } from './entry-access';
import { confirmWriteGrant } from './write-grant';
import { recordChange, recordSlot, type SlotResult } from './entry-changes';
import { loadWriteFacts } from './entry-facts';
import { historyValues, lockEntry, valueOf, writeEntryState } from './entry-store';
import { checkEntryDate, recordValue, sameValue, updatedValue, type EntryValue, type SlotFacts } from './entry-values';
import type { RecordEntryInput, UpdateEntryInput } from './inputs';
import type { EntryHistoryRecord, EntryRecord } from './types';

/**
 * recordEntry, recordEntries, updateEntry, deleteEntry and restoreEntry (CONTRACT.md
 * sections 3–5). Access and input are checked before the transaction, so a refused request
 * writes nothing; the writes themselves run in one transaction per mutation, which confirms
 * a grantee's WRITE grant again (write-grant.ts) so that a revoke committed first wins.
 */

export interface RecordResults {
  results: SlotResult[];
  goals: AffectedGoals;
}

export interface EntryChangeResult {
  entry: EntryRecord;
  /** null when the mutation was a no-op. */
  change: EntryHistoryRecord | null;
  goals: AffectedGoals;
}

type Path = ReadonlyArray<string | number>;

/**
 * A batch error points at `input.entries[i]`: BAD_USER_INPUT paths already do; other codes
 * (NOT_FOUND, FORBIDDEN, CONFLICT) get the item's path as a fieldError too.
 */
function atBatchItem(error: unknown, path: Path): unknown {
  if (!(error instanceof GraphQLError) || error.extensions.fieldErrors) return error;
  const code = String(error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const fieldErrors: FieldError[] = [{ path, message: error.message, constraint: code }];
  return new GraphQLError(error.message, { extensions: { ...error.extensions, fieldErrors } });
}

function slotKey(deedItemId: bigint, entryDate: string): string {
  return `${deedItemId}:${entryDate}`;
}

export class EntryWriteService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly events: EntryEvents,
    private readonly goalEvents: GoalEvents,
    private readonly afterWrite: AfterWrite,
  ) {}

  async recordEntry(writer: Actor, input: RecordEntryInput): Promise<RecordResults> {
    return this.recordSlots(writer, [input], () => ['input'], false);
  }

  async recordEntries(writer: Actor, inputs: RecordEntryInput[]): Promise<RecordResults> {
    const seen = new Set<string>();
    inputs.forEach((input, i) => {
      const key = slotKey(input.deedItemId, input.entryDate);
      if (seen.has(key)) {
        throw invalidField(['input', 'entries', i], 'Two entries for the same deed item and date', 'unique');
      }
      seen.add(key);
    });
    return this.recordSlots(writer, inputs, (i) => ['input', 'entries', i], true);
  }

  private async recordSlots(
    writer: Actor,
    inputs: readonly RecordEntryInput[],
    pathOf: (index: number) => Path,
    batch: boolean,
  ): Promise<RecordResults> {
    // The facts are read beside the access checks, and used only for slots that passed them.
    const [accessChecks, { slots: facts, scalesOfValues }] = await Promise.all([
      Promise.allSettled(inputs.map((i) => writer.authority.requireEntryWritableItem(i.deedItemId))),
      loadWriteFacts(this.prisma, inputs.map((i) => ({ deedItemId: i.deedItemId, scaleValueId: i.scaleValueId ?? null }))),
    ]);

    // Checked in input order, so the error names the first failing item.
    const writes = inputs.map((input, index) => {
      const path = pathOf(index);
      try {
        const access = accessChecks[index]!;
        if (access.status === 'rejected') throw access.reason;
        const slot = facts.get(input.deedItemId)!;
        checkEntryDate(input.entryDate, slot.ownerTimezone, path);
        const value = recordValue(input, slot, (id) => scalesOfValues.get(id), path);
        return { index, ownerId: slot.ownerId, deedItemId: input.deedItemId, entryDate: input.entryDate, value, notes: input.notes };
      } catch (error) {
        throw batch ? atBatchItem(error, path) : error;
      }
    });

    // Lock slots in one global order so two overlapping batches cannot deadlock.
    const lockOrder = [...writes].sort((a, b) =>
      a.deedItemId !== b.deedItemId ? (a.deedItemId < b.deedItemId ? -1 : 1) : a.entryDate.localeCompare(b.entryDate),
    );
    const recorded = await this.prisma.$transaction(async (tx) => {
      for (const write of lockOrder) await confirmWriteGrant(tx, { writerId: writer.viewerId, ...write });
      const results: SlotResult[] = new Array(writes.length);
      for (const write of lockOrder) results[write.index] = await recordSlot(tx, writer, write);
      const changed = writes.filter((write) => results[write.index]!.change !== null);
      const goals = changed.length
        ? await affectedGoals(tx, { actorId: writer.viewerId, origin: writer.origin, slots: changed })
        : NO_AFFECTED_GOALS;
      return { results, goals };
    });
    const changes = recorded.results.flatMap((r) => (r.change ? [{ entry: r.entry, change: r.change }] : []));
    await this.afterWrite.forget(writer, {
      entries: recorded.results.map((r) => r.entry),
      dashboardsOf: ownersOf(changes.map((c) => c.entry)),
    });
    await this.events.emit(changes);
    await this.goalEvents.meritsCompleted(recorded.goals.completedMerits);
    return recorded;
  }

  async updateEntry(writer: Actor, input: UpdateEntryInput): Promise<EntryChangeResult> {
    const found = await this.prisma.entry.findUnique({ where: { id: input.id } });
    const access = await requireEntryWriter(writer.authority, found);
    const entry = found!;
    if (entry.deletedAt || access.effectivelyDeleted) throw conflict('The entry or something above it is deleted');
    const { slots, scalesOfValues } = await loadWriteFacts(this.prisma, [
      { deedItemId: entry.deedItemId, scaleValueId: input.scaleValueId ?? null },
    ]);
    const slot: SlotFacts = slots.get(entry.deedItemId)!;

    return this.committed(writer, async (tx) => {
      await confirmWriteGrant(tx, { writerId: writer.viewerId, ownerId: entry.userId, deedItemId: entry.deedItemId });
      const current = await lockEntry(tx, entry.id);
      if (!current) throw notFound('Entry'); // archived since it was read
      if (current.deletedAt) throw conflict('The entry is deleted');
      const value: EntryValue =
        updatedValue(input, slot, valueOf(current), (id) => scalesOfValues.get(id), ['input']) ?? valueOf(current);
      const notes = input.notes === undefined ? current.notes : input.notes;
      if (sameValue(valueOf(current), value) && notes === current.notes) {
        return { entry: current, change: null, goals: NO_AFFECTED_GOALS };
      }
      const updated = await writeEntryState(tx, current.id, { value, notes, deleted: false });
      const change = await recordChange(tx, writer, updated, EntryChangeAction.UPDATED, historyValues(current), historyValues(updated));
      const goals = await affectedGoals(tx, { actorId: writer.viewerId, origin: writer.origin, slots: [slotOf(updated)] });
      return { entry: updated, change, goals };
    });
  }

  async deleteEntry(writer: Actor, entryId: bigint): Promise<EntryChangeResult> {
    const found = await this.prisma.entry.findUnique({ where: { id: entryId } });
    const access = await requireEntryWriter(writer.authority, found);
    return this.committed(writer, async (tx) => {
      await confirmWriteGrant(tx, { writerId: writer.viewerId, ownerId: found!.userId, deedItemId: found!.deedItemId });
      const current = await lockEntry(tx, entryId);
      if (!current) throw notFound('Entry'); // archived since it was read
      if (current.deletedAt) return { entry: current, change: null, goals: NO_AFFECTED_GOALS };
      if (access.effectivelyDeleted) throw conflict('The deed item or something above it is deleted');
      const deleted = await writeEntryState(tx, current.id, { value: valueOf(current), notes: current.notes, deleted: true });
      const change = await recordChange(tx, writer, deleted, EntryChangeAction.DELETED, historyValues(current), null);
      const goals = await affectedGoals(tx, { actorId: writer.viewerId, origin: writer.origin, slots: [slotOf(deleted)] });
      return { entry: deleted, change, goals };
    });
  }

  async restoreEntry(writer: Actor, entryId: bigint): Promise<EntryChangeResult> {
    const found = await this.prisma.entry.findUnique({ where: { id: entryId } });
    const access = await requireEntryWriter(writer.authority, found);
    return this.committed(writer, async (tx) => {
      await confirmWriteGrant(tx, { writerId: writer.viewerId, ownerId: found!.userId, deedItemId: found!.deedItemId });
      const current = await lockEntry(tx, entryId);
      if (!current) throw notFound('Entry'); // archived since it was read
      if (!current.deletedAt) return { entry: current, change: null, goals: NO_AFFECTED_GOALS };
      if (access.effectivelyDeleted) {
        throw conflict('The deed item or something above it is deleted: restore it first', 'PARENT_DELETED');
      }
      const restored = await writeEntryState(tx, current.id, { value: valueOf(current), notes: current.notes, deleted: false });
      const values = historyValues(current);
      const change = await recordChange(tx, writer, restored, EntryChangeAction.RESTORED, values, values);
      const goals = await affectedGoals(tx, { actorId: writer.viewerId, origin: writer.origin, slots: [slotOf(restored)] });
      return { entry: restored, change, goals };
    });
  }

  /**
   * Runs one single-entry mutation's transaction, then forgets what it made stale and tells
   * listeners what it committed.
   */
  private async committed(
    writer: Actor,
    work: (tx: Prisma.TransactionClient) => Promise<EntryChangeResult>,
  ): Promise<EntryChangeResult> {
    const result = await this.prisma.$transaction(work);
    await this.afterWrite.forget(writer, { entries: [result.entry], dashboardsOf: result.change ? [result.entry.userId] : [] });
    if (result.change) await this.events.emit([{ entry: result.entry, change: result.change }]);
    await this.goalEvents.meritsCompleted(result.goals.completedMerits);
    return result;
  }
}

/** Owners whose entries changed: their dashboards no longer hold. */
function ownersOf(entries: readonly EntryRecord[]): bigint[] {
  return [...new Set(entries.map((entry) => entry.userId))];
}

function slotOf(entry: EntryRecord) {
  return { ownerId: entry.userId, deedItemId: entry.deedItemId, entryDate: localDateOf(entry.entryDate) };
}
