import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { changedFields } from '../../lib/changed-fields';
import { nameAndDescriptionChanges } from '../../lib/text';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import { auditedItems, type GoalItemSpec, type ItemTable, type StoredItem } from './goal-items';
import type { CompletionLogic } from './enums';
import { auditedMerit, auditedTarget } from './goal-rules';
import type { MeritRecord, TargetRecord } from './types';

/**
 * The write steps merits and targets share (create, update, soft delete: locks, item sets,
 * audit rows, clearing completion), over one kind's rows inside the caller's transaction.
 * What differs between the kinds (columns, windows, limits, events) stays in their services.
 */

type Tx = Prisma.TransactionClient;

interface GoalRow {
  id: bigint;
  completedAt: Date | null;
  deletedAt: Date | null;
}

/** One goal kind's rows inside a transaction. */
export interface GoalRows<Goal extends GoalRow> {
  readonly entityType: 'MERIT' | 'TARGET';
  /** The fields an audit row records. */
  audited(goal: Goal): Record<string, unknown>;
  /** Fields whose change redefines the goal (its completion no longer holds). */
  readonly definingFields: readonly string[];
  /** Locks the goal row FOR UPDATE; undefined when there is no such row. */
  lock(id: bigint): Promise<{ deleted: boolean } | undefined>;
  find(id: bigint): Promise<Goal>;
  update(id: bigint, data: { completedAt?: null; deletedAt?: Date }): Promise<Goal>;
  items(goalId: bigint): ItemTable;
}

function itemTable(
  delegate: Prisma.MeritItemDelegate | Prisma.TargetItemDelegate,
  owner: { meritId: bigint } | { targetId: bigint },
): ItemTable {
  // The two item tables have the same columns but the goal's: one cast, here, instead of two copies.
  const table = delegate as Prisma.MeritItemDelegate;
  const of = owner as { meritId: bigint };
  const data = (spec: GoalItemSpec) => ({ deedItemId: spec.deedItemId, scaleValueId: spec.scaleValueId, required: spec.required });
  return {
    list: () => table.findMany({ where: of, orderBy: { id: 'asc' } }),
    remove: (ids) => table.deleteMany({ where: { id: { in: ids }, ...of } }),
    change: (id, spec) => table.update({ where: { id }, data: data(spec) }),
    add: (specs) => table.createMany({ data: specs.map((spec) => ({ ...of, ...data(spec) })) }),
  };
}

/** Locks one goal row FOR UPDATE (table and column are constants of the two kinds). */
async function lockGoalRow(tx: Tx, table: Prisma.Sql, idColumn: Prisma.Sql, id: bigint) {
  const [row] = await tx.$queryRaw<Array<{ deleted: boolean }>>`
    SELECT deleted_at IS NOT NULL AS deleted FROM ${table} WHERE ${idColumn} = ${id} FOR UPDATE`;
  return row;
}

export function meritRows(tx: Tx): GoalRows<MeritRecord> {
  return {
    entityType: 'MERIT',
    audited: auditedMerit,
    definingFields: ['completionLogic', 'startDate', 'durationDays'],
    lock: (id) => lockGoalRow(tx, Prisma.sql`merits`, Prisma.sql`merit_id`, id),
    find: (id) => tx.merit.findUniqueOrThrow({ where: { id } }),
    update: (id, data) => tx.merit.update({ where: { id }, data }),
    items: (meritId) => itemTable(tx.meritItem, { meritId }),
  };
}

export function targetRows(tx: Tx): GoalRows<TargetRecord> {
  return {
    entityType: 'TARGET',
    audited: auditedTarget,
    definingFields: ['completionLogic', 'startDate', 'endDate'],
    lock: (id) => lockGoalRow(tx, Prisma.sql`targets`, Prisma.sql`target_id`, id),
    find: (id) => tx.target.findUniqueOrThrow({ where: { id } }),
    update: (id, data) => tx.target.update({ where: { id }, data }),
    items: (targetId) => itemTable(tx.targetItem, { targetId }),
  };
}

/** After the goal row is inserted: its items and the CREATED audit row. */
export async function recordCreatedGoal<Goal extends GoalRow>(
  tx: Tx,
  actor: Actor,
  rows: GoalRows<Goal>,
  created: Goal,
  specs: GoalItemSpec[],
): Promise<void> {
  const items = rows.items(created.id);
  await items.add(specs);
  await writeAudit(tx, actor.origin, {
    action: 'CREATED',
    entityType: rows.entityType,
    entityId: created.id,
    actorId: actor.viewerId,
    newValues: { ...rows.audited(created), items: auditedItems(await items.list()) },
  });
}

export interface GoalUpdate<Goal extends GoalRow> {
  before: Goal;
  updated: Goal;
  /** The item set before the update, and what replacing it did (null: items not given). */
  itemsBefore: StoredItem[];
  replaced: { changed: boolean } | null;
}

/**
 * After the goal row is updated: a goal whose definition changed (items, window, logic)
 * loses its completedAt, and one UPDATED audit row records what changed (none if nothing did).
 */
export async function recordUpdatedGoal<Goal extends GoalRow>(
  tx: Tx,
  actor: Actor,
  rows: GoalRows<Goal>,
  update: GoalUpdate<Goal>,
): Promise<Goal> {
  const { before, updated, itemsBefore, replaced } = update;
  const [oldValues, newValues] = changedFields<Record<string, unknown>>(rows.audited(before), rows.audited(updated));
  if (replaced?.changed) {
    oldValues.items = auditedItems(itemsBefore);
    newValues.items = auditedItems(await rows.items(updated.id).list());
  }
  const redefined = replaced?.changed || rows.definingFields.some((field) => field in newValues);
  let goal = updated;
  if (redefined && updated.completedAt) {
    goal = await rows.update(updated.id, { completedAt: null });
    oldValues.completedAt = updated.completedAt;
    newValues.completedAt = null;
  }
  if (Object.keys(newValues).length > 0) {
    await writeAudit(tx, actor.origin, {
      action: 'UPDATED',
      entityType: rows.entityType,
      entityId: updated.id,
      actorId: actor.viewerId,
      oldValues,
      newValues,
    });
  }
  return goal;
}

/** The columns every goal update may change the same way, from the input's fields. */
export function commonGoalChanges(input: {
  name?: string | null;
  description?: string | null;
  completionLogic?: CompletionLogic | null;
  isActive?: boolean | null;
}) {
  return {
    ...nameAndDescriptionChanges(input),
    ...(input.completionLogic != null ? { completionLogic: input.completionLogic } : {}),
    ...(input.isActive != null ? { isActive: input.isActive } : {}),
  };
}

/**
 * Soft delete in its own transaction (no restore; deleting a deleted goal is a no-op
 * returning it), then the request forgets its remembered goal state.
 */
export async function softDeleteGoal<Goal extends GoalRow>(
  prisma: PrismaClient,
  afterWrite: AfterWrite,
  actor: Actor,
  rowsIn: (tx: Tx) => GoalRows<Goal>,
  id: bigint,
): Promise<Goal> {
  const goal = await prisma.$transaction((tx) => softDelete(tx, actor, rowsIn(tx), id));
  await afterWrite.forget(actor, { goals: true });
  return goal;
}

async function softDelete<Goal extends GoalRow>(tx: Tx, actor: Actor, rows: GoalRows<Goal>, id: bigint): Promise<Goal> {
  if ((await rows.lock(id))?.deleted) return rows.find(id);
  const deleted = await rows.update(id, { deletedAt: new Date() });
  await writeAudit(tx, actor.origin, {
    action: 'DELETED',
    entityType: rows.entityType,
    entityId: id,
    actorId: actor.viewerId,
    oldValues: { deletedAt: null },
    newValues: { deletedAt: deleted.deletedAt },
  });
  return deleted;
}
