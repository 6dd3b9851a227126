import type DataLoader from 'dataloader';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import type { GoalStatus } from './enums';
import { withStatuses, type GoalWindow } from './goal-state';
import { softDeleteGoal, type GoalRows } from './goal-writes';

interface GoalRecord {
  id: bigint;
  userId: bigint;
  isActive: boolean;
  completedAt: Date | null;
  deletedAt: Date | null;
}

/** What every goal list's filter has; each kind adds its own narrowing. */
interface GoalFilter {
  statuses?: GoalStatus[] | null;
  includeDeleted?: boolean | null;
}

/** What tells merits from targets when they are read and deleted. */
export interface GoalKind<Goal extends GoalRecord, Filter extends GoalFilter> {
  /** What a NOT_FOUND error calls it. */
  readonly noun: 'Merit' | 'Target';
  /** The owner's goals of this kind in the list's order, narrowed by the filter but for its statuses. */
  list(prisma: PrismaClient, ownerId: bigint, filter: Filter | null | undefined): Promise<Goal[]>;
  /** The operation's loader of this kind's rows by id (deleted ones included). */
  loader(actor: Actor): DataLoader<bigint, Goal | null>;
  window(goal: Goal): GoalWindow;
  rows(tx: Prisma.TransactionClient): GoalRows<Goal>;
}

/**
 * What merits and targets do alike: list, read one, soft delete. Goals are private to their
 * owner, so another user's goal is NOT_FOUND. Each service names its `GoalKind` and keeps
 * what differs (creating, updating, completing) itself.
 */
export abstract class GoalService<Goal extends GoalRecord, Filter extends GoalFilter> {
  protected constructor(
    protected readonly prisma: PrismaClient,
    protected readonly afterWrite: AfterWrite,
    private readonly kind: GoalKind<Goal, Filter>,
  ) {}

  /** The viewer's goals of this kind, in the kind's list order, of the filter's statuses if it names any. */
  async list(actor: Actor, filter: Filter | null | undefined): Promise<Goal[]> {
    const rows = await this.kind.list(this.prisma, actor.viewerId, filter);
    const loader = this.kind.loader(actor);
    for (const row of rows) loader.prime(row.id, row);
    return withStatuses(rows, filter?.statuses, actor.timezone, this.kind.window);
  }

  /** One of the viewer's goals of this kind (deleted ones included), else NOT_FOUND. */
  async byId(actor: Actor, id: bigint): Promise<Goal> {
    return actor.authority.requireOwnRow(await this.kind.loader(actor).load(id), this.kind.noun);
  }

  /** Soft delete (no restore); deleting a deleted goal is a no-op returning it. */
  async delete(actor: Actor, id: bigint): Promise<Goal> {
    await this.byId(actor, id);
    return softDeleteGoal(this.prisma, this.afterWrite, actor, this.kind.rows, id);
  }
}
