import { Field, ObjectType } from 'type-graphql';
import { RecordEntryOutcome } from './enums';
import { Entry, EntryChange, type EntryHistoryRecord, type EntryRecord } from './types';
import type { AffectedGoals } from './affected-goals';

/**
 * Mutation payloads. `affectedMerits` / `affectedTargets` (contract: `[Merit!]!` /
 * `[Target!]!`) are filled from `affectedGoals()` but NOT YET EXPOSED: the Merit and Target
 * object types arrive with the progress module, which exposes these two properties as
 * `@Field(() => [Merit])` / `@Field(() => [Target])` on the five payloads below.
 */

abstract class AffectsGoals {
  /** Owner's merits whose progress may have changed (empty for non-owners). */
  affectedMerits!: AffectedGoals['merits'];
  /** Owner's targets whose progress may have changed (empty for non-owners). */
  affectedTargets!: AffectedGoals['targets'];
}

@ObjectType('RecordEntryPayload', { description: 'Result of recordEntry.' })
export class RecordEntryPayload extends AffectsGoals {
  @Field(() => Entry, { description: 'The recorded entry.' })
  entry!: EntryRecord;

  @Field(() => RecordEntryOutcome, { description: 'What the upsert did.' })
  outcome!: RecordEntryOutcome;
}

@ObjectType('RecordEntryResult', { description: 'One result of recordEntries.' })
export class RecordEntryResult {
  @Field(() => Entry, { description: 'The recorded entry.' })
  entry!: EntryRecord;

  @Field(() => RecordEntryOutcome, { description: 'What the upsert did.' })
  outcome!: RecordEntryOutcome;
}

@ObjectType('RecordEntriesPayload', { description: 'Result of recordEntries.' })
export class RecordEntriesPayload extends AffectsGoals {
  @Field(() => [RecordEntryResult], { description: 'Results in input order.' })
  results!: RecordEntryResult[];
}

@ObjectType('UpdateEntryPayload', { description: 'Result of updateEntry.' })
export class UpdateEntryPayload extends AffectsGoals {
  @Field(() => Entry, { description: 'The updated entry.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, { nullable: true, description: 'The history record written; null if nothing changed.' })
  change!: EntryHistoryRecord | null;
}

@ObjectType('DeleteEntryPayload', { description: 'Result of deleteEntry.' })
export class DeleteEntryPayload extends AffectsGoals {
  @Field(() => Entry, { description: 'The entry, with deletedAt set.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, {
    nullable: true,
    description: 'The DELETED history record; null when the entry was already deleted (a no-op).',
  })
  change!: EntryHistoryRecord | null;
}

@ObjectType('RestoreEntryPayload', { description: 'Result of restoreEntry.' })
export class RestoreEntryPayload extends AffectsGoals {
  @Field(() => Entry, { description: 'The entry, with deletedAt cleared.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, {
    nullable: true,
    description: 'The RESTORED history record; null when the entry was already live (a no-op).',
  })
  change!: EntryHistoryRecord | null;
}
