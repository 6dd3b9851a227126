import { ArrayMaxSize, ArrayMinSize, MaxLength, ValidateNested } from 'class-validator';
import type { Decimal } from '@prisma/client/runtime/client';
import { Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, DecimalScalar, type LocalDate } from '../../lib/scalars';
import { DeedCategory } from '../deeds/enums';

/** Entry notes are TEXT capped at 5000 characters (CONTRACT.md section 8). */
export const MAX_NOTES_LENGTH = 5000;
/** recordEntries takes 1–100 entries (CONTRACT.md section 5). */
export const MAX_BATCH_SIZE = 100;

// Nullable value fields distinguish omitted (undefined) from an explicit null: for notes,
// omitted keeps the old notes and null clears them (CONTRACT.md section 1).

@InputType('RecordEntryInput', {
  description: 'Input for recordEntry: upsert on (owner, deed item, entry date). Exactly one of scaleValueId or count.',
})
export class RecordEntryInput {
  @Field(() => BigIntID, { description: 'Deed item; its owner becomes the entry owner.' })
  deedItemId!: bigint;

  @Field(() => DateScalar, { description: "Day in the owner's timezone; not in the future." })
  entryDate!: LocalDate;

  @Field(() => BigIntID, { nullable: true, description: 'Scale value for SCALE deeds.' })
  scaleValueId?: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Count for COUNT deeds (>= 0).' })
  count?: Decimal | null;

  @MaxLength(MAX_NOTES_LENGTH)
  @Field(() => String, { nullable: true, description: 'Notes (TEXT, max 5000); omitted keeps existing notes, null clears.' })
  notes?: string | null;
}

@InputType('RecordEntriesInput', { description: 'Input for recordEntries (all-or-nothing).' })
export class RecordEntriesInput {
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @ValidateNested()
  @Field(() => [RecordEntryInput], { description: '1–100 entries; no two for the same (deed item, date).' })
  entries!: RecordEntryInput[];
}

@InputType('UpdateEntryInput', {
  description: 'Input for updateEntry; give at most one of scaleValueId or count, omitted fields are unchanged.',
})
export class UpdateEntryInput {
  @Field(() => BigIntID, { description: 'Entry id.' })
  id!: bigint;

  @Field(() => BigIntID, { nullable: true, description: 'New scale value (SCALE deeds).' })
  scaleValueId?: bigint | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'New count (COUNT deeds, >= 0).' })
  count?: Decimal | null;

  @MaxLength(MAX_NOTES_LENGTH)
  @Field(() => String, { nullable: true, description: 'New notes; null clears.' })
  notes?: string | null;
}

@InputType('DeleteEntryInput', { description: 'Input for deleteEntry.' })
export class DeleteEntryInput {
  @Field(() => BigIntID, { description: 'Entry id.' })
  id!: bigint;
}

@InputType('RestoreEntryInput', { description: 'Input for restoreEntry.' })
export class RestoreEntryInput {
  @Field(() => BigIntID, { description: 'Entry id.' })
  id!: bigint;
}

@InputType('EntryFilter', { description: 'Filter for the entries list.' })
export class EntryFilter {
  @Field(() => BigIntID, {
    nullable: true,
    description: 'Whose entries; defaults to the viewer. Another user requires READ on the items returned.',
  })
  ownerId?: bigint | null;

  @Field(() => BigIntID, { nullable: true, description: 'Only entries of this deed.' })
  deedId?: bigint | null;

  @Field(() => BigIntID, { nullable: true, description: 'Only entries of this deed item.' })
  deedItemId?: bigint | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'With deedItemId: also include entries of its descendants.',
  })
  includeDescendants?: boolean | null;

  @Field(() => DeedCategory, { nullable: true, description: 'Only this category.' })
  category?: DeedCategory | null;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest entry date, inclusive.' })
  dateFrom?: LocalDate | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest entry date, inclusive.' })
  dateTo?: LocalDate | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include soft-deleted entries and entries of deleted items/deeds (owner only).',
  })
  includeDeleted?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Also include entries moved to the archive (older than the archive horizon, ARCHIVE_AFTER_DAYS); visibility as for live entries.',
  })
  includeArchived?: boolean | null;
}
