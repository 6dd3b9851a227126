import type { TestApp, TestUser } from '../../../test/helpers/test-app';

/**
 * Rows the entry tests need, inserted directly (deeds, items, scales and grants have their
 * own modules and tests): a SCALE deed with an active scale, a COUNT deed, and grants.
 */

export interface ScaleDeed {
  deedId: bigint;
  rootId: bigint;
  childId: bigint;
  scaleId: bigint;
  /** Values of the active scale, in order. */
  values: bigint[];
}

export async function createScaleDeed(app: TestApp, owner: TestUser, options: { activeScale?: boolean } = {}): Promise<ScaleDeed> {
  const deed = await app.prisma.deed.create({
    data: { userId: owner.id, name: 'Salah', category: 'HASANAAT', measureType: 'SCALE' },
  });
  const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Fajr', level: 1 } });
  const child = await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'Sunnah', level: 2 } });
  const scale = await app.prisma.scale.create({
    data: {
      deedId: deed.id,
      version: 1,
      isActive: options.activeScale ?? true,
      values: { create: [{ label: 'Missed', order: 1 }, { label: 'Late', order: 2 }, { label: 'On time', order: 3 }] },
    },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  return { deedId: deed.id, rootId: root.id, childId: child.id, scaleId: scale.id, values: scale.values.map((v) => v.id) };
}

/** A second scale version on the deed, made active (the old one becomes inactive). */
export async function switchScale(app: TestApp, deed: ScaleDeed): Promise<{ scaleId: bigint; values: bigint[] }> {
  await app.prisma.scale.updateMany({ where: { deedId: deed.deedId }, data: { isActive: false } });
  const scale = await app.prisma.scale.create({
    data: {
      deedId: deed.deedId,
      version: 2,
      isActive: true,
      values: { create: [{ label: 'No', order: 1 }, { label: 'Yes', order: 2 }] },
    },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  return { scaleId: scale.id, values: scale.values.map((v) => v.id) };
}

export interface CountDeed {
  deedId: bigint;
  itemId: bigint;
}

export async function createCountDeed(app: TestApp, owner: TestUser, category: 'HASANAAT' | 'SAIYYIAAT' = 'HASANAAT'): Promise<CountDeed> {
  const deed = await app.prisma.deed.create({
    data: { userId: owner.id, name: 'Quran pages', category, measureType: 'COUNT' },
  });
  const item = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Pages', level: 1 } });
  return { deedId: deed.id, itemId: item.id };
}

/** An ACCEPTED relation grantee → owner with an active grant on `itemId` (and its subtree). */
export async function grant(app: TestApp, owner: TestUser, grantee: TestUser, itemId: bigint, type: 'READ' | 'WRITE'): Promise<void> {
  const relation =
    (await app.prisma.relation.findFirst({ where: { requesterId: grantee.id, requesteeId: owner.id, deletedAt: null } })) ??
    (await app.prisma.relation.create({
      data: { requesterId: grantee.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
    }));
  await app.prisma.permission.create({ data: { relationId: relation.id, deedItemId: itemId, type, version: 1 } });
}

/** Row counts of everything an entry write may touch: a failed write must leave them all alone. */
export async function writeCounts(app: TestApp): Promise<{ entries: number; history: number; audit: number }> {
  const [entries, history, audit] = await Promise.all([
    app.prisma.entry.count(),
    app.prisma.entryHistory.count(),
    app.prisma.auditLog.count(),
  ]);
  return { entries, history, audit };
}

/** `YYYY-MM-DD` for today + `days` in UTC. */
export function utcDate(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const RECORD_ENTRY = /* GraphQL */ `
  mutation Record($input: RecordEntryInput!) {
    recordEntry(input: $input) {
      outcome
      entry {
        id entryDate count notes deletedAt
        owner { id } createdBy { id }
        deedItem { id }
        scale { id }
        scaleValue { id label }
      }
    }
  }`;
