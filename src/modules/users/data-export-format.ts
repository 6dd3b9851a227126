import { localDateOf } from '../../lib/local-dates';
import type { ExportedAuditRow } from '../audit/service';
import type {
  Deed,
  DeedItem,
  Entry,
  EntryHistory,
  Merit,
  MeritItem,
  Message,
  Notification,
  Permission,
  ReflectionMessage,
  Relation,
  Scale,
  ScaleValue,
  Target,
  TargetItem,
  User,
} from '../../generated/prisma/client';

/**
 * Rows → the export document's JSON, in the API's spellings: ids as decimal strings,
 * amounts with 2 decimals, instants ISO-8601 UTC, calendar dates `YYYY-MM-DD`, times `HH:MM`.
 */

type Amount = { toFixed(digits: number): string };

const id = (value: bigint): string => value.toString();
const optionalId = (value: bigint | null): string | null => (value === null ? null : value.toString());
const instant = (value: Date | null): string | null => value?.toISOString() ?? null;
// DATE columns come back as midnight UTC of that day, TIME columns as 1970-01-01 UTC.
const day = (value: Date | null): string | null => (value === null ? null : localDateOf(value));
const clockTime = (value: Date): string => value.toISOString().slice(11, 16);
const amount = (value: Amount | null): string | null => value?.toFixed(2) ?? null;

export function exportProfile(user: User) {
  return {
    id: id(user.id),
    email: user.email,
    emailVerified: user.emailVerified,
    emailVerifiedAt: instant(user.emailVerifiedAt),
    fullName: user.fullName,
    timezone: user.timezone,
    preferences: {
      locale: user.locale,
      theme: user.theme,
      weekStartsOn: user.weekStartsOn,
      defaultDashboardDays: user.defaultDashboardDays,
    },
    lastLoginAt: instant(user.lastLoginAt),
    createdAt: instant(user.createdAt),
    updatedAt: instant(user.updatedAt),
  };
}

type DeedWithStructure = Deed & { items: DeedItem[]; scales: Array<Scale & { values: ScaleValue[] }> };

/** Items whose deed and whole parent chain are live (CONTRACT.md section 4's "effectively deleted"). */
export function liveItemIds(deeds: readonly DeedWithStructure[]): Set<bigint> {
  const live = new Set<bigint>();
  for (const deed of deeds) {
    if (deed.deletedAt) continue;
    // Items are ordered by level, so every parent is decided before its children.
    for (const item of deed.items) {
      if (!item.deletedAt && (item.parentId === null || live.has(item.parentId))) live.add(item.id);
    }
  }
  return live;
}

/** `onlyItems`: when given, items outside it are left out. */
export function exportDeed(deed: DeedWithStructure, onlyItems?: ReadonlySet<bigint>) {
  return {
    id: id(deed.id),
    name: deed.name,
    description: deed.description,
    category: deed.category,
    measureType: deed.measureType,
    isActive: deed.isActive,
    displayOrder: deed.displayOrder,
    createdAt: instant(deed.createdAt),
    updatedAt: instant(deed.updatedAt),
    deletedAt: instant(deed.deletedAt),
    items: deed.items
      .filter((item) => !onlyItems || onlyItems.has(item.id))
      .map((item) => ({
        id: id(item.id),
        parentId: optionalId(item.parentId),
        name: item.name,
        description: item.description,
        level: item.level,
        displayOrder: item.displayOrder,
        createdAt: instant(item.createdAt),
        updatedAt: instant(item.updatedAt),
        deletedAt: instant(item.deletedAt),
      })),
    scales: deed.scales.map((scale) => ({
      id: id(scale.id),
      version: scale.version,
      name: scale.name,
      isActive: scale.isActive,
      createdAt: instant(scale.createdAt),
      values: scale.values.map((value) => ({
        id: id(value.id),
        label: value.label,
        order: value.order,
        description: value.description,
      })),
    })),
  };
}

type ExportedEntryRow = Pick<
  Entry,
  | 'id' | 'deedItemId' | 'entryDate' | 'scaleId' | 'scaleValueId' | 'count' | 'notes' | 'createdByUserId'
  | 'createdAt' | 'updatedAt' | 'deletedAt'
> & { history: EntryHistory[]; archived: boolean };

/** A live or archived entry (entries_archive has the live table's columns) with its history. */
export function exportEntry(entry: ExportedEntryRow) {
  return {
    id: id(entry.id),
    archived: entry.archived,
    deedItemId: id(entry.deedItemId),
    entryDate: day(entry.entryDate),
    scaleId: optionalId(entry.scaleId),
    scaleValueId: optionalId(entry.scaleValueId),
    count: amount(entry.count),
    notes: entry.notes,
    createdById: id(entry.createdByUserId),
    createdAt: instant(entry.createdAt),
    updatedAt: instant(entry.updatedAt),
    deletedAt: instant(entry.deletedAt),
    history: entry.history.map((change) => ({
      id: id(change.id),
      action: change.action,
      changedById: id(change.changedByUserId),
      changedAt: instant(change.changedAt),
      oldScaleValueId: optionalId(change.oldScaleValueId),
      oldCount: amount(change.oldCount),
      oldNotes: change.oldNotes,
      newScaleValueId: optionalId(change.newScaleValueId),
      newCount: amount(change.newCount),
      newNotes: change.newNotes,
    })),
  };
}

type Party = { id: bigint; fullName: string };

export function exportRelation(relation: Relation & { requester: Party; requestee: Party }, viewerId: bigint) {
  const other = relation.requesterId === viewerId ? relation.requestee : relation.requester;
  return {
    id: id(relation.id),
    direction: relation.requesterId === viewerId ? 'OUTGOING' : 'INCOMING',
    requesterId: id(relation.requesterId),
    requesteeId: id(relation.requesteeId),
    otherUser: { id: id(other.id), fullName: other.fullName },
    status: relation.status,
    respondedAt: instant(relation.respondedAt),
    createdAt: instant(relation.createdAt),
    updatedAt: instant(relation.updatedAt),
    deletedAt: instant(relation.deletedAt),
  };
}

export function exportPermission(permission: Permission) {
  return {
    id: id(permission.id),
    relationId: id(permission.relationId),
    deedItemId: id(permission.deedItemId),
    type: permission.type,
    version: permission.version,
    isActive: permission.isActive,
    grantedAt: instant(permission.grantedAt),
    revokedAt: instant(permission.revokedAt),
  };
}

function exportGoalItem(item: MeritItem | TargetItem) {
  return {
    id: id(item.id),
    deedItemId: id(item.deedItemId),
    scaleValueId: optionalId(item.scaleValueId),
    required: amount(item.required),
  };
}

export function exportMerit(merit: Merit & { items: MeritItem[] }) {
  return {
    id: id(merit.id),
    deedId: id(merit.deedId),
    name: merit.name,
    description: merit.description,
    completionLogic: merit.completionLogic,
    startDate: day(merit.startDate),
    durationDays: merit.durationDays,
    isActive: merit.isActive,
    completedAt: instant(merit.completedAt),
    createdAt: instant(merit.createdAt),
    updatedAt: instant(merit.updatedAt),
    deletedAt: instant(merit.deletedAt),
    items: merit.items.map(exportGoalItem),
  };
}

export function exportTarget(target: Target & { items: TargetItem[] }) {
  return {
    id: id(target.id),
    name: target.name,
    description: target.description,
    completionLogic: target.completionLogic,
    startDate: day(target.startDate),
    endDate: day(target.endDate),
    isActive: target.isActive,
    completedAt: instant(target.completedAt),
    createdAt: instant(target.createdAt),
    updatedAt: instant(target.updatedAt),
    deletedAt: instant(target.deletedAt),
    items: target.items.map(exportGoalItem),
  };
}

export function exportReflection(reflection: ReflectionMessage) {
  return {
    id: id(reflection.id),
    date: day(reflection.reflectionDate),
    type: reflection.type,
    content: reflection.content,
    createdAt: instant(reflection.createdAt),
    updatedAt: instant(reflection.updatedAt),
    deletedAt: instant(reflection.deletedAt),
  };
}

export function exportMessage(message: Message) {
  return {
    id: id(message.id),
    sender: message.sender,
    subject: message.subject,
    content: message.content,
    readAt: instant(message.readAt),
    createdAt: instant(message.createdAt),
    deletedAt: instant(message.deletedAt),
  };
}

export function exportReminder(reminder: Notification) {
  return {
    id: id(reminder.id),
    time: clockTime(reminder.notificationTime),
    timezone: reminder.timezone,
    isActive: reminder.isActive,
    lastSentOn: day(reminder.lastSentOn),
    lastSentAt: instant(reminder.lastSentAt),
    createdAt: instant(reminder.createdAt),
    updatedAt: instant(reminder.updatedAt),
  };
}

/** Another actor's ip and user agent are theirs, not the viewer's: left out (as in `auditEvents`). */
export function exportAuditEvent(event: ExportedAuditRow, ownAction: boolean) {
  return {
    id: id(event.id),
    action: event.action,
    entityType: event.entityType,
    entityId: optionalId(event.entityId),
    actorId: optionalId(event.userId),
    subjectUserId: optionalId(event.subjectUserId),
    oldValues: event.oldValues,
    newValues: event.newValues,
    ipAddress: ownAction ? event.ipAddress : null,
    userAgent: ownAction ? event.userAgent : null,
    createdAt: instant(event.createdAt),
  };
}
