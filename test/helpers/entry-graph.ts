import { Prisma, type PrismaClient } from '../../src/generated/prisma/client';

/**
 * A realistic slice of the entity graph written straight through Prisma, for operations
 * tests (backups, archival) that need many rows rather than API behaviour: per user a COUNT
 * deed with a root item and a child item, a SCALE deed with an active scale of three values
 * and one item, an entry per item and date, and history for each entry (CREATED, and an
 * UPDATED on every other entry).
 */

export interface GraphItems {
  /** COUNT deed: a root item and its child. */
  readonly countRoot: bigint;
  readonly countChild: bigint;
  /** SCALE deed's item. */
  readonly scaleItem: bigint;
}

export interface EntryGraph {
  readonly userIds: bigint[];
  /** Per user, in the order of userIds. */
  readonly items: GraphItems[];
  readonly entryIds: bigint[];
  readonly historyCount: number;
}

export interface EntryGraphOptions {
  /** New users to create, or existing users (e.g. with tokens from the test app) to give the graph to. */
  users: number | readonly bigint[];
  /** 'YYYY-MM-DD' dates; each user gets an entry per item per date. */
  dates: readonly string[];
}

let graphSeq = 0;

export async function seedEntryGraph(prisma: PrismaClient, options: EntryGraphOptions): Promise<EntryGraph> {
  const userIds: bigint[] = [];
  const items: GraphItems[] = [];
  const entryIds: bigint[] = [];
  let historyCount = 0;
  const count = typeof options.users === 'number' ? options.users : options.users.length;
  for (let u = 0; u < count; u++) {
    graphSeq += 1;
    const user =
      typeof options.users === 'number'
        ? await prisma.user.create({
            data: {
              email: `graph${graphSeq}-${Date.now()}@example.test`,
              passwordHash: 'not-a-real-hash',
              fullName: `Graph User ${graphSeq}`,
              emailVerified: true,
              timezone: u % 2 === 0 ? 'UTC' : 'Pacific/Kiritimati',
            },
          })
        : { id: options.users[u]! };
    userIds.push(user.id);

    const countDeed = await prisma.deed.create({
      data: { userId: user.id, name: 'Reading', category: 'HASANAAT', measureType: 'COUNT', description: 'pages "quoted", \\ and ü' },
    });
    const root = await prisma.deedItem.create({ data: { deedId: countDeed.id, name: 'Quran' } });
    const child = await prisma.deedItem.create({ data: { deedId: countDeed.id, parentId: root.id, level: 2, name: 'Juz 1' } });

    const scaleDeed = await prisma.deed.create({
      data: { userId: user.id, name: 'Prayer', category: 'HASANAAT', measureType: 'SCALE' },
    });
    const scale = await prisma.scale.create({ data: { deedId: scaleDeed.id, version: 1, isActive: true, name: 'Quality' } });
    const values = await prisma.scaleValue.createManyAndReturn({
      data: ['Missed', 'Late', 'On time'].map((label, order) => ({ scaleId: scale.id, label, order })),
    });
    const scaleItem = await prisma.deedItem.create({ data: { deedId: scaleDeed.id, name: 'Fajr' } });
    items.push({ countRoot: root.id, countChild: child.id, scaleItem: scaleItem.id });

    const rows: Prisma.EntryCreateManyInput[] = [];
    options.dates.forEach((date, d) => {
      const entryDate = new Date(`${date}T00:00:00Z`);
      for (const item of [root, child]) {
        rows.push({
          userId: user.id,
          createdByUserId: user.id,
          deedItemId: item.id,
          entryDate,
          count: new Prisma.Decimal(`${d % 7}.${d % 10}5`),
          notes: d % 3 === 0 ? null : `note ${d}\nsecond line`,
        });
      }
      rows.push({
        userId: user.id,
        createdByUserId: user.id,
        deedItemId: scaleItem.id,
        entryDate,
        scaleId: scale.id,
        scaleValueId: values[d % values.length]!.id,
      });
    });
    const entries = await prisma.entry.createManyAndReturn({ data: rows, select: { id: true, count: true, scaleValueId: true, notes: true } });
    entryIds.push(...entries.map((entry) => entry.id));

    const history: Prisma.EntryHistoryCreateManyInput[] = [];
    entries.forEach((entry, index) => {
      history.push({
        entryId: entry.id,
        action: 'CREATED',
        changedByUserId: user.id,
        newCount: entry.count,
        newScaleValueId: entry.scaleValueId,
        newNotes: entry.notes,
      });
      if (index % 2 === 0) {
        history.push({
          entryId: entry.id,
          action: 'UPDATED',
          changedByUserId: user.id,
          oldCount: entry.count,
          oldScaleValueId: entry.scaleValueId,
          newCount: entry.count,
          newScaleValueId: entry.scaleValueId,
          newNotes: 'edited',
        });
      }
    });
    await prisma.entryHistory.createMany({ data: history });
    historyCount += history.length;
  }
  return { userIds, items, entryIds, historyCount };
}

/** `count` consecutive 'YYYY-MM-DD' dates ending with `last`, oldest first. */
export function consecutiveDates(last: string, count: number): string[] {
  const end = new Date(`${last}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}
