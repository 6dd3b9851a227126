import DataLoader from 'dataloader';
import { KeptRows } from '../../lib/kept-rows';
import { recordsById, type RecordLoader } from '../../lib/record-loader';
import { PREPARED } from '../../db/prepared-statements';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { bigintArray, idIn } from '../../lib/sql';
import { MAX_DELETED_ROWS_LISTED } from './limits';
import { deedFromJson, deedJson, itemColumns } from './raw-rows';
import type { DeedItemRecord, DeedRecord, ScaleRecord, ScaleValueRecord } from './types';

/** An item with every ancestor (root first) and its deed: what its visibility depends on. */
export interface ItemChain {
  item: DeedItemRecord;
  ancestors: DeedItemRecord[];
  deed: DeedRecord;
}

/**
 * The deeds domain's per-request loaders, one SQL statement per batch each. They return rows
 * with NO visibility filter (deleted rows included): callers ask the permission authority
 * before exposing anything (an entry's deed item, a grant's deed item, a deed's items, ...).
 */
export interface DeedLoaders {
  deeds: RecordLoader<DeedRecord>;
  deedItems: RecordLoader<DeedItemRecord>;
  scales: RecordLoader<ScaleRecord>;
  scaleValues: RecordLoader<ScaleValueRecord>;
  /** Every item of a deed, the latest deleted ones included (also fills `childItems` of each). */
  itemsByDeed: DataLoader<bigint, DeedItemRecord[]>;
  /** Direct children of an item, the latest deleted ones included, by displayOrder. */
  childItems: DataLoader<bigint, DeedItemRecord[]>;
  /** Ancestors of an item from the root down to its parent. */
  itemAncestors: DataLoader<bigint, DeedItemRecord[]>;
  /**
   * An item, its ancestors and its deed in one statement (null for an unknown id); fills
   * `deedItems`, `itemAncestors` and `deeds` with them. For reads of one item by id, whose
   * access check needs that whole chain anyway (the authority's `primeItemTree`).
   */
  itemChains: DataLoader<bigint, ItemChain | null>;
  /** Every item below an item (unordered) down to the first deleted item of each branch. */
  itemDescendants: DataLoader<bigint, DeedItemRecord[]>;
  /** Scale versions of a deed, newest first. */
  scalesByDeed: DataLoader<bigint, ScaleRecord[]>;
  activeScaleByDeed: DataLoader<bigint, ScaleRecord | null>;
  /** Values of a scale version in ascending order. */
  scaleValuesByScale: DataLoader<bigint, ScaleValueRecord[]>;
}

type Keyed<Row> = { key: bigint; row: Row };

/** Groups rows (kept in fetch order) under the key each belongs to. */
function rowsByKey<Row>(
  fetch: (keys: bigint[]) => Promise<Array<Keyed<Row>>>,
  seen?: (row: Row) => void,
): DataLoader<bigint, Row[]> {
  return new DataLoader<bigint, Row[]>(async (keys) => {
    const groups = new Map<bigint, Row[]>(keys.map((key) => [key, []]));
    for (const { key, row } of await fetch([...keys])) {
      groups.get(key)?.push(row);
      seen?.(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * The items whose `column` is one of `keys`, in list order. Live rows are capped (500 per
 * deed), deleted ones are not: a list holding deleted rows keeps only the most recently
 * deleted MAX_DELETED_ROWS_LISTED per key. Rows below an unlisted deleted item are
 * unreachable in the tree, as they would be hidden anyway.
 */
function listedItems(prisma: PrismaClient, column: 'deed_id' | 'parent_deed_item_id', keys: readonly bigint[]) {
  const key = Prisma.raw(`i.${column}`);
  return prisma.$queryRaw<DeedItemRecord[]>`
    SELECT ${itemColumns('x')} FROM (
      SELECT i.*, CASE WHEN i.deleted_at IS NULL THEN 0
        ELSE row_number() OVER (PARTITION BY ${key}, i.deleted_at IS NULL ORDER BY i.deleted_at DESC, i.deed_item_id DESC) END AS deleted_rank
      FROM deed_items i WHERE ${key} = ANY(${bigintArray(keys)})
    ) x
    WHERE x.deleted_rank <= ${MAX_DELETED_ROWS_LISTED}
    ORDER BY x.display_order, x.deed_item_id`;
}

/**
 * Scale values never change once written: createScale writes a new version with new values,
 * nothing updates one, and only an account's purge deletes them, with every entry and goal
 * that names them. A value is reached only through an entry, goal or scale the caller may
 * read, and a goal's input is checked against its deed after the load, so a kept row reveals
 * nothing. A read replica's copy is the same row, or none (not kept), so the read may go to one.
 * Kept, a page of scale entries costs no statement for its values after the first.
 */
const keptScaleValues = new KeptRows<ScaleValueRecord>(10_000);

/** Levels never exceed 10, so no walk is longer; the bound also stops a corrupt cycle. */
const MAX_WALK = 10;

export function createDeedLoaders(prisma: PrismaClient): DeedLoaders {
  const deedItems = recordsById((ids) => prisma.deedItem.findMany({ where: { id: { in: ids } } }));
  const scales = recordsById((ids) => prisma.scale.findMany({ where: { id: { in: ids } } }));
  // Items and scales fetched through a relation fill the by-id caches, so a later `parent`
  // or `scale` lookup of the same row costs no statement.
  const primeItem = (row: DeedItemRecord) => void deedItems.prime(row.id, row);
  const primeScale = (row: ScaleRecord) => void scales.prime(row.id, row);

  const childItems = rowsByKey(async (parentIds) => {
    const rows = await listedItems(prisma, 'parent_deed_item_id', parentIds);
    return rows.map((row) => ({ key: row.parentId as bigint, row }));
  }, primeItem);
  // A deed's full item list holds every item's children (a child is always in its parent's
  // deed), in the same order childItems uses, so `children` below a deed costs no statement.
  const primeChildLists = (deedItems: readonly DeedItemRecord[]) => {
    const byParent = new Map<bigint, DeedItemRecord[]>(deedItems.map((item) => [item.id, []]));
    for (const item of deedItems) if (item.parentId !== null) byParent.get(item.parentId)?.push(item);
    for (const [parentId, children] of byParent) childItems.prime(parentId, children);
  };

  const deeds = recordsById((ids) => prisma.deed.findMany({ where: { id: { in: ids } } }));
  const itemAncestors = rowsByKey(async (itemIds) => {
    const rows = await prisma.$queryRaw<Array<DeedItemRecord & { startId: bigint }>>`
      WITH RECURSIVE up AS (
        SELECT c.deed_item_id AS start_id, c.parent_deed_item_id AS ancestor_id, 1 AS distance
        FROM deed_items c WHERE c.deed_item_id = ANY(${bigintArray(itemIds)}) AND c.parent_deed_item_id IS NOT NULL
        UNION ALL
        SELECT up.start_id, a.parent_deed_item_id, up.distance + 1
        FROM up JOIN deed_items a ON a.deed_item_id = up.ancestor_id
        WHERE a.parent_deed_item_id IS NOT NULL AND up.distance < ${MAX_WALK}
      )
      SELECT up.start_id AS "startId", ${itemColumns('x')}
      FROM up JOIN deed_items x ON x.deed_item_id = up.ancestor_id
      ORDER BY up.start_id, up.distance DESC`;
    return rows.map(({ startId, ...row }) => ({ key: startId, row }));
  }, primeItem);

  const itemChains = new DataLoader<bigint, ItemChain | null>(async (itemIds) => {
    // Each step is an index lookup behind OFFSET 0 (as the authority's walk): the planner
    // guesses ten rows per recursion level and would otherwise hash the whole table.
    const rows = await prisma.$queryRaw<Array<DeedItemRecord & { startId: bigint; distance: number; deed: Record<string, unknown> | null }>>`${Prisma.raw(PREPARED)}
      WITH RECURSIVE up AS (
        SELECT i.deed_item_id AS start_id, i.deed_item_id AS item_id, 0 AS distance
        FROM deed_items i WHERE ${idIn('i.deed_item_id', itemIds)}
        UNION ALL
        SELECT up.start_id, p.parent_deed_item_id, up.distance + 1
        FROM up CROSS JOIN LATERAL (
          SELECT parent_deed_item_id FROM deed_items WHERE deed_item_id = up.item_id OFFSET 0
        ) p
        WHERE p.parent_deed_item_id IS NOT NULL AND up.distance < ${MAX_WALK}
      )
      SELECT up.start_id AS "startId", up.distance, ${itemColumns('x')},
             CASE WHEN up.distance = 0 THEN (SELECT ${deedJson('d')} FROM deeds d WHERE d.deed_id = x.deed_id) END AS deed
      FROM up CROSS JOIN LATERAL (SELECT * FROM deed_items WHERE deed_item_id = up.item_id OFFSET 0) x
      ORDER BY up.start_id, up.distance DESC`;
    const chains = new Map<bigint, ItemChain>();
    let ancestors: DeedItemRecord[] = [];
    for (const { startId, distance, deed, ...row } of rows) {
      // Root first, the item itself last: its row carries the deed.
      if (distance > 0) {
        ancestors.push(row);
        continue;
      }
      if (deed) chains.set(startId, { item: row, ancestors, deed: deedFromJson(deed) });
      ancestors = [];
    }
    for (const chain of chains.values()) {
      for (const row of [...chain.ancestors, chain.item]) deedItems.prime(row.id, row);
      itemAncestors.prime(chain.item.id, chain.ancestors);
      deeds.prime(chain.deed.id, chain.deed);
    }
    return itemIds.map((id) => chains.get(id) ?? null);
  });

  return {
    deeds,
    deedItems,
    scales,
    scaleValues: recordsById((ids) =>
      keptScaleValues.read(prisma, ids, (missing) => prisma.scaleValue.findMany({ where: { id: { in: missing } } })),
    ),

    itemsByDeed: rowsByKey(async (deedIds) => {
      const rows = await listedItems(prisma, 'deed_id', deedIds);
      primeChildLists(rows);
      return rows.map((row) => ({ key: row.deedId, row }));
    }, primeItem),

    childItems,

    itemAncestors,
    itemChains,

    itemDescendants: rowsByKey(async (itemIds) => {
      const rows = await prisma.$queryRaw<Array<DeedItemRecord & { rootId: bigint }>>`
        WITH RECURSIVE down AS (
          SELECT c.parent_deed_item_id AS root_id, c.deed_item_id AS item_id, 1 AS depth
          FROM deed_items c WHERE c.parent_deed_item_id = ANY(${bigintArray(itemIds)})
          UNION ALL
          SELECT down.root_id, c.deed_item_id, down.depth + 1
          FROM down JOIN deed_items c ON c.parent_deed_item_id = down.item_id
          JOIN deed_items p ON p.deed_item_id = down.item_id
          WHERE down.depth < ${MAX_WALK} AND p.deleted_at IS NULL
        )
        SELECT down.root_id AS "rootId", ${itemColumns('x')}
        FROM down JOIN deed_items x ON x.deed_item_id = down.item_id`;
      return rows.map(({ rootId, ...row }) => ({ key: rootId, row }));
    }, primeItem),

    scalesByDeed: rowsByKey(async (deedIds) => {
      const rows = await prisma.scale.findMany({ where: { deedId: { in: deedIds } }, orderBy: { version: 'desc' } });
      return rows.map((row) => ({ key: row.deedId, row }));
    }, primeScale),

    activeScaleByDeed: new DataLoader<bigint, ScaleRecord | null>(async (deedIds) => {
      const rows = await prisma.scale.findMany({ where: { deedId: { in: [...deedIds] }, isActive: true } });
      rows.forEach(primeScale);
      const byDeed = new Map(rows.map((row) => [row.deedId, row]));
      return deedIds.map((id) => byDeed.get(id) ?? null);
    }),

    scaleValuesByScale: rowsByKey(async (scaleIds) => {
      const rows = await prisma.scaleValue.findMany({
        where: { scaleId: { in: scaleIds } },
        orderBy: [{ order: 'asc' }],
      });
      return rows.map((row) => ({ key: row.scaleId, row }));
    }),
  };
}
