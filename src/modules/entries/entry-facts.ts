import { PREPARED } from '../../db/prepared-statements';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { MeasureType } from '../../generated/prisma/enums';
import { rowsOf, type RowColumn } from '../../lib/sql';
import type { SlotFacts } from './entry-values';

/**
 * Facts entry writes validate against, one statement per write (or batch): each deed item's
 * deed, measure type, owner (with the timezone that defines "today") and active scale; and
 * the scale of each scale value the write names. These are not access decisions (the
 * authority makes those).
 */

type Db = Pick<PrismaClient, '$queryRaw'>;

/** What one written slot names: its deed item, and the scale value when it gives one. */
export interface WrittenValue {
  deedItemId: bigint;
  scaleValueId: bigint | null;
}

export interface WriteFacts {
  /** By deed item id; an item that does not exist is missing. */
  slots: Map<bigint, SlotFacts>;
  /** Scale value id → its scale id, for the named values that exist. */
  scalesOfValues: Map<bigint, bigint>;
}

const WRITTEN_COLUMNS: ReadonlyArray<RowColumn<WrittenValue>> = [
  ['deed_item_id', 'bigint', (w) => w.deedItemId],
  ['scale_value_id', 'bigint', (w) => w.scaleValueId],
];

export async function loadWriteFacts(db: Db, written: readonly WrittenValue[]): Promise<WriteFacts> {
  const facts: WriteFacts = { slots: new Map(), scalesOfValues: new Map() };
  if (written.length === 0) return facts;
  const rows = await db.$queryRaw<
    Array<{
      deed_item_id: bigint;
      deed_id: bigint;
      owner_id: bigint;
      timezone: string;
      measure_type: MeasureType;
      active_scale_id: bigint | null;
      scale_value_id: bigint | null;
      value_scale_id: bigint | null;
    }>
  >`${Prisma.raw(PREPARED)}
    SELECT di.deed_item_id, d.deed_id, d.user_id AS owner_id, u.timezone, d.measure_type::text AS measure_type,
           (SELECT s.scale_id FROM scales s WHERE s.deed_id = d.deed_id AND s.is_active) AS active_scale_id,
           w.scale_value_id,
           (SELECT v.scale_id FROM scale_values v WHERE v.scale_value_id = w.scale_value_id) AS value_scale_id
    FROM (${rowsOf(written, WRITTEN_COLUMNS)}) w
    JOIN deed_items di ON di.deed_item_id = w.deed_item_id
    JOIN deeds d ON d.deed_id = di.deed_id
    JOIN users u ON u.user_id = d.user_id`;
  for (const r of rows) {
    facts.slots.set(r.deed_item_id, {
      deedItemId: r.deed_item_id,
      deedId: r.deed_id,
      ownerId: r.owner_id,
      ownerTimezone: r.timezone,
      measureType: r.measure_type,
      activeScaleId: r.active_scale_id,
    });
    if (r.scale_value_id !== null && r.value_scale_id !== null) facts.scalesOfValues.set(r.scale_value_id, r.value_scale_id);
  }
  return facts;
}
