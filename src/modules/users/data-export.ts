import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { writeAudit } from '../audit/audit-log';
import { visibleAuditRows } from '../audit/service';
import type { Actor } from '../context-types';
import {
  exportAuditEvent,
  exportDeed,
  exportEntry,
  exportMerit,
  exportMessage,
  exportPermission,
  exportProfile,
  exportReflection,
  exportRelation,
  exportReminder,
  exportTarget,
  liveItemIds,
} from './data-export-format';

const HISTORY_ORDER = [{ changedAt: 'asc' }, { id: 'asc' }] satisfies Prisma.EntryHistoryOrderByWithRelationInput[];

/**
 * Live and archived entries (archival moves old ones with their history: src/ops/archive.ts),
 * each marked `archived`, in (date, deed item, id) order.
 */
async function exportedEntries(tx: Prisma.TransactionClient, userId: bigint, live: { deletedAt?: null }) {
  const [current, archived] = await Promise.all([
    tx.entry.findMany({ where: { userId, ...live }, include: { history: { orderBy: HISTORY_ORDER } } }),
    tx.entryArchive.findMany({ where: { userId, ...live }, include: { history: { orderBy: HISTORY_ORDER } } }),
  ]);
  const rows = [
    ...current.map((entry) => ({ ...entry, archived: false })),
    ...archived.map((entry) => ({ ...entry, archived: true })),
  ];
  const order = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) =>
      a.entryDate.getTime() - b.entryDate.getTime() || order(a.deedItemId, b.deedItemId) || order(a.id, b.id),
  );
}

/** Bumped when the document's shape changes incompatibly. */
export const EXPORT_FORMAT_VERSION = 1;

// A large account's export reads many rows; Prisma's interactive default (5 s) is too short.
const EXPORT_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * `exportMyData`: everything the viewer owns as one JSON document, read in one
 * repeatable-read transaction (a consistent snapshot) that also writes the DATA_EXPORTED
 * audit row. Ids are decimal strings, amounts 2-decimal strings, instants ISO-8601 UTC,
 * dates `YYYY-MM-DD`, as the API renders them.
 */
export class DataExportService {
  constructor(private readonly prisma: PrismaClient) {}

  async exportMyData(
    actor: Pick<Actor, 'origin' | 'authority'>,
    includeDeleted: boolean,
  ): Promise<{ data: Record<string, unknown>; generatedAt: Date }> {
    const { origin, authority } = actor;
    // Owner-only data: whose rows these are is the authority's answer, as for every other read.
    const userId = authority.ownDataOwnerId();
    const generatedAt = new Date();
    const live = includeDeleted ? {} : { deletedAt: null };

    const data = await this.prisma.$transaction(
      async (tx) => {
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
        const deeds = await tx.deed.findMany({
          where: { userId, ...live },
          include: {
            items: { orderBy: [{ level: 'asc' }, { displayOrder: 'asc' }, { id: 'asc' }] },
            scales: { include: { values: { orderBy: { order: 'asc' } } }, orderBy: { version: 'asc' } },
          },
          orderBy: [{ displayOrder: 'asc' }, { id: 'asc' }],
        });
        const exportedItems = includeDeleted ? undefined : liveItemIds(deeds);
        const exportedDeeds = new Set(deeds.map((deed) => deed.id));

        const entries = await exportedEntries(tx, userId, live);
        const relations = await tx.relation.findMany({
          where: {
            ...live,
            OR: [{ requesteeId: userId }, { requesterId: userId, status: { not: 'BLOCKED' } }],
          },
          include: {
            requester: { select: { id: true, fullName: true } },
            requestee: { select: { id: true, fullName: true } },
          },
          orderBy: { id: 'asc' },
        });
        const permissions = await tx.permission.findMany({
          where: { relationId: { in: relations.map((relation) => relation.id) } },
          include: { relation: { select: { requesterId: true, requesteeId: true } } },
          orderBy: [{ relationId: 'asc' }, { deedItemId: 'asc' }, { version: 'asc' }],
        });
        const merits = await tx.merit.findMany({
          where: { userId, ...live },
          include: { items: { orderBy: { id: 'asc' } } },
          orderBy: { id: 'asc' },
        });
        const targets = await tx.target.findMany({
          where: { userId, ...live },
          include: { items: { orderBy: { id: 'asc' } } },
          orderBy: { id: 'asc' },
        });
        const reflections = await tx.reflectionMessage.findMany({
          where: { userId, ...live },
          orderBy: [{ reflectionDate: 'asc' }, { type: 'asc' }],
        });
        const messages = await tx.message.findMany({ where: { userId, ...live }, orderBy: { id: 'asc' } });
        const reminders = await tx.notification.findMany({ where: { userId }, orderBy: { id: 'asc' } });
        // The rows auditEvents shows, by the same rule (never a block to the blocked user,
        // never a goal's completion to a grantee).
        const auditEvents = await visibleAuditRows(tx, authority);

        await writeAudit(tx, origin, {
          action: 'DATA_EXPORTED',
          entityType: 'USER',
          entityId: userId,
          actorId: userId,
          newValues: { includeDeleted },
        });

        return {
          formatVersion: EXPORT_FORMAT_VERSION,
          generatedAt: generatedAt.toISOString(),
          includeDeleted,
          profile: exportProfile(user),
          deeds: deeds.map((deed) => exportDeed(deed, exportedItems)),
          entries: entries
            .filter((entry) => !exportedItems || exportedItems.has(entry.deedItemId))
            .map(exportEntry),
          relations: relations.map((relation) => exportRelation(relation, userId)),
          permissions: {
            granted: permissions.filter((p) => p.relation.requesteeId === userId).map(exportPermission),
            received: permissions.filter((p) => p.relation.requesterId === userId).map(exportPermission),
          },
          // A merit lives in its deed: with the deed gone, so is the merit.
          merits: merits.filter((merit) => includeDeleted || exportedDeeds.has(merit.deedId)).map(exportMerit),
          targets: targets.map(exportTarget),
          reflections: reflections.map(exportReflection),
          messages: messages.map(exportMessage),
          reminders: reminders.map(exportReminder),
          auditEvents: auditEvents.map((event) => exportAuditEvent(event, authority.seesAuditOrigin(event.userId))),
        };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: EXPORT_TRANSACTION_TIMEOUT_MS },
    );
    return { data, generatedAt };
  }
}
