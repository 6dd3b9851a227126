import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordsById } from '../../lib/record-loader';
import { itemProgress } from './goal-state';
import { achievedAmounts, type GoalKind } from './progress-sql';
import type { ItemProgress, MeritItemRecord, MeritRecord, TargetItemRecord, TargetRecord } from './types';

/**
 * The progress domain's per-request loaders, one SQL statement per batch each. Goal rows
 * are returned whoever asks: resolvers check ownership first (merits and targets are
 * private). `goalItemProgress` is where live progress comes from: every goal item asked for
 * in one tick, of merits and targets alike, is aggregated by one statement (progress-sql.ts).
 */

export interface GoalItemKey {
  kind: GoalKind;
  itemId: bigint;
}

export interface ProgressLoaders {
  /** Merit and target rows by id, deleted ones included. */
  merits: DataLoader<bigint, MeritRecord | null>;
  targets: DataLoader<bigint, TargetRecord | null>;
  /** A goal's items in creation order. */
  meritItemsByMerit: DataLoader<bigint, MeritItemRecord[]>;
  targetItemsByTarget: DataLoader<bigint, TargetItemRecord[]>;
  /** Live progress of one merit or target item (batched across goals and kinds). */
  goalItemProgress: DataLoader<GoalItemKey, ItemProgress>;
}

function byParent<Row extends { id: bigint }>(
  fetch: (parentIds: bigint[]) => Promise<Row[]>,
  parentOf: (row: Row) => bigint,
): DataLoader<bigint, Row[]> {
  return new DataLoader<bigint, Row[]>(async (parentIds) => {
    const groups = new Map<bigint, Row[]>(parentIds.map((id) => [id, []]));
    for (const row of await fetch([...parentIds])) groups.get(parentOf(row))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

export function createProgressLoaders(prisma: PrismaClient): ProgressLoaders {
  return {
    merits: recordsById((ids) => prisma.merit.findMany({ where: { id: { in: ids } } })),
    targets: recordsById((ids) => prisma.target.findMany({ where: { id: { in: ids } } })),
    meritItemsByMerit: byParent(
      (ids) => prisma.meritItem.findMany({ where: { meritId: { in: ids } }, orderBy: { id: 'asc' } }),
      (row) => row.meritId,
    ),
    targetItemsByTarget: byParent(
      (ids) => prisma.targetItem.findMany({ where: { targetId: { in: ids } }, orderBy: { id: 'asc' } }),
      (row) => row.targetId,
    ),
    goalItemProgress: new DataLoader<GoalItemKey, ItemProgress, string>(
      async (keys) => {
        const ids = (kind: GoalKind) => keys.filter((key) => key.kind === kind).map((key) => key.itemId);
        const rows = await achievedAmounts(prisma, { meritItemIds: ids('MERIT'), targetItemIds: ids('TARGET') });
        const byKey = new Map(rows.map((row) => [`${row.kind}:${row.itemId}`, itemProgress(row.required, row.achieved)]));
        return keys.map((key) => byKey.get(`${key.kind}:${key.itemId}`) ?? new Error(`${key.kind} item ${key.itemId} not found`));
      },
      { cacheKeyFn: (key) => `${key.kind}:${key.itemId}` },
    ),
  };
}
