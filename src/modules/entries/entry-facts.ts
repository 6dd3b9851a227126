import type { PrismaClient } from '../../generated/prisma/client';
import type { MeasureType } from '../../generated/prisma/enums';
import { bigintArray } from '../../lib/sql';
import type { SlotFacts } from './entry-values';

/**
 * Facts entry writes validate against, one statement per batch: each deed item's deed,
 * measure type, owner (with the timezone that defines "today") and active scale; and each
 * scale value's scale. These are not access decisions (the authority makes those first).
 */

type Db = Pick<PrismaClient, '$queryRaw'>;

export async function loadSlotFacts(db: Db, deedItemIds: readonly bigint[]): Promise<Map<bigint, SlotFacts>> {
  if (deedItemIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    Array<{
      deed_item_id: bigint;
      deed_id: bigint;
      owner_id: bigint;
      timezone: string;
      measure_type: MeasureType;
      active_scale_id: bigint | null;
    }>
  >`
    SELECT di.deed_item_id, d.deed_id, d.user_id AS owner_id, u.timezone, d.measure_type::text AS measure_type,
           (SELECT s.scale_id FROM scales s WHERE s.deed_id = d.deed_id AND s.is_active) AS active_scale_id
    FROM deed_items di
    JOIN deeds d ON d.deed_id = di.deed_id
    JOIN users u ON u.user_id = d.user_id
    WHERE di.deed_item_id = ANY(${bigintArray(deedItemIds)})`;
  return new Map(
    rows.map((r) => [
      r.deed_item_id,
      {
        deedItemId: r.deed_item_id,
        deedId: r.deed_id,
        ownerId: r.owner_id,
        ownerTimezone: r.timezone,
        measureType: r.measure_type,
        activeScaleId: r.active_scale_id,
      },
    ]),
  );
}

/** scale value id → its scale id, for the given values that exist. */
export async function loadScalesOfValues(db: Db, scaleValueIds: readonly bigint[]): Promise<Map<bigint, bigint>> {
  if (scaleValueIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ scale_value_id: bigint; scale_id: bigint }>>`
    SELECT scale_value_id, scale_id FROM scale_values WHERE scale_value_id = ANY(${bigintArray(scaleValueIds)})`;
  return new Map(rows.map((r) => [r.scale_value_id, r.scale_id]));
}
