import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import type { DeedItemRecord, DeedRecord, ScaleRecord, ScaleValueRecord } from './types';

/**
 * Rows by id, one SQL statement per batch, with NO visibility filter: callers ask the
 * permission authority before exposing what these return (an entry's deed item, a grant's
 * deed item, ...). Deleted rows are returned too; the authority decides who may see them.
 */
function rowsById<Row extends { id: bigint }>(
  fetch: (ids: bigint[]) => Promise<Row[]>,
): DataLoader<bigint, Row | null> {
  return new DataLoader<bigint, Row | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export interface DeedRecordLoaders {
  deeds: DataLoader<bigint, DeedRecord | null>;
  deedItems: DataLoader<bigint, DeedItemRecord | null>;
  scales: DataLoader<bigint, ScaleRecord | null>;
  scaleValues: DataLoader<bigint, ScaleValueRecord | null>;
}

export function createDeedRecordLoaders(prisma: PrismaClient): DeedRecordLoaders {
  return {
    deeds: rowsById((ids) => prisma.deed.findMany({ where: { id: { in: ids } } })),
    deedItems: rowsById((ids) => prisma.deedItem.findMany({ where: { id: { in: ids } } })),
    scales: rowsById((ids) => prisma.scale.findMany({ where: { id: { in: ids } } })),
    scaleValues: rowsById((ids) => prisma.scaleValue.findMany({ where: { id: { in: ids } } })),
  };
}
