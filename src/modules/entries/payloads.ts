import { Field } from 'type-graphql';
import { Merit, Target, type MeritRecord, type TargetRecord } from '../progress/types';
import { RecordEntryOutcome } from './enums';
import { Entry, EntryChange, type EntryHistoryRecord, type EntryRecord } from './types';
import { ApiObjectType } from '../../lib/api-object-type';

/**
 * Mutation payloads. `affectedMerits` / `affectedTargets` come from `affectedGoals()`, which
 * runs in the write's transaction (affected-goals.ts); they are declared on each payload
 * rather than inherited, to keep the contract's field order and per-payload descriptions.
 */

const OWNER_MERITS = "Owner's merits whose progress may have changed (empty for non-owners).";
const OWNER_TARGETS = "Owner's targets whose progress may have changed (empty for non-owners).";

@ApiObjectType('RecordEntryPayload', { description: 'Result of recordEntry.' })
export class RecordEntryPayload {
  @Field(() => Entry, { description: 'The recorded entry.' })
  entry!: EntryRecord;

  @Field(() => RecordEntryOutcome, { description: 'What the upsert did.' })
  outcome!: RecordEntryOutcome;

  @Field(() => [Merit], { description: OWNER_MERITS })
  affectedMerits!: MeritRecord[];

  @Field(() => [Target], { description: OWNER_TARGETS })
  affectedTargets!: TargetRecord[];
}

@ApiObjectType('RecordEntryResult', { description: 'One result of recordEntries.' })
export class RecordEntryResult {
  @Field(() => Entry, { description: 'The recorded entry.' })
  entry!: EntryRecord;

  @Field(() => RecordEntryOutcome, { description: 'What the upsert did.' })
  outcome!: RecordEntryOutcome;
}

@ApiObjectType('RecordEntriesPayload', { description: 'Result of recordEntries.' })
export class RecordEntriesPayload {
  @Field(() => [RecordEntryResult], { description: 'Results in input order.' })
  results!: RecordEntryResult[];

  @Field(() => [Merit], { description: "Owners' merits whose progress may have changed (only the viewer's own)." })
  affectedMerits!: MeritRecord[];

  @Field(() => [Target], { description: "Owners' targets whose progress may have changed (only the viewer's own)." })
  affectedTargets!: TargetRecord[];
}

@ApiObjectType('UpdateEntryPayload', { description: 'Result of updateEntry.' })
export class UpdateEntryPayload {
  @Field(() => Entry, { description: 'The updated entry.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, { nullable: true, description: 'The history record written; null if nothing changed.' })
  change!: EntryHistoryRecord | null;

  @Field(() => [Merit], { description: OWNER_MERITS })
  affectedMerits!: MeritRecord[];

  @Field(() => [Target], { description: OWNER_TARGETS })
  affectedTargets!: TargetRecord[];
}

@ApiObjectType('DeleteEntryPayload', { description: 'Result of deleteEntry.' })
export class DeleteEntryPayload {
  @Field(() => Entry, { description: 'The entry, with deletedAt set.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, {
    nullable: true,
    description: 'The DELETED history record; null when the entry was already deleted (a no-op).',
  })
  change!: EntryHistoryRecord | null;

  @Field(() => [Merit], { description: OWNER_MERITS })
  affectedMerits!: MeritRecord[];

  @Field(() => [Target], { description: OWNER_TARGETS })
  affectedTargets!: TargetRecord[];
}

@ApiObjectType('RestoreEntryPayload', { description: 'Result of restoreEntry.' })
export class RestoreEntryPayload {
  @Field(() => Entry, { description: 'The entry, with deletedAt cleared.' })
  entry!: EntryRecord;

  @Field(() => EntryChange, {
    nullable: true,
    description: 'The RESTORED history record; null when the entry was already live (a no-op).',
  })
  change!: EntryHistoryRecord | null;

  @Field(() => [Merit], { description: OWNER_MERITS })
  affectedMerits!: MeritRecord[];

  @Field(() => [Target], { description: OWNER_TARGETS })
  affectedTargets!: TargetRecord[];
}
