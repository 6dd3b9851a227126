import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../lib/logger';
import { SYSTEM_ORIGIN } from '../modules/audit/audit-log';
import { completeFinishedGoals } from '../modules/progress/completion';
import type { GoalEvents } from '../modules/progress/goal-events';

/**
 * The hourly backstop of goal completion (CONTRACT.md section 6). Entry writes and goal
 * edits complete goals in their own transactions; this run catches whatever those could not
 * see, e.g. entries backfilled inside a window that has already expired, or rows written
 * outside the API. It walks every live, active, incomplete goal in id-ordered batches, one
 * transaction per batch, with the same checker (locks skipped: a goal locked by a running
 * write is checked by that write). Completed merits are announced after each commit.
 */

export interface ProgressBackstopDependencies {
  prisma: PrismaClient;
  goalEvents: GoalEvents;
  logger: Logger;
  /** Goals of each kind checked per transaction. */
  batchSize?: number;
}

export interface BackstopRunResult {
  checked: number;
  completedMerits: number;
  completedTargets: number;
}

const DEFAULT_BATCH_SIZE = 200;

export class ProgressBackstopJob {
  private readonly batchSize: number;

  constructor(private readonly deps: ProgressBackstopDependencies) {
    this.batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async runOnce(): Promise<BackstopRunResult> {
    const result: BackstopRunResult = { checked: 0, completedMerits: 0, completedTargets: 0 };
    let afterMerit = 0n;
    let afterTarget = 0n;
    for (;;) {
      const [meritIds, targetIds] = await Promise.all([this.meritsAfter(afterMerit), this.targetsAfter(afterTarget)]);
      if (meritIds.length === 0 && targetIds.length === 0) break;
      const completed = await this.deps.prisma.$transaction((tx) =>
        completeFinishedGoals(tx, { meritIds, targetIds }, { actorId: null, origin: SYSTEM_ORIGIN, skipLocked: true }),
      );
      await this.deps.goalEvents.meritsCompleted(completed.merits);
      result.checked += meritIds.length + targetIds.length;
      result.completedMerits += completed.merits.length;
      result.completedTargets += completed.targets.length;
      afterMerit = meritIds.at(-1) ?? afterMerit;
      afterTarget = targetIds.at(-1) ?? afterTarget;
    }
    if (result.completedMerits + result.completedTargets > 0) this.deps.logger.info(result, 'progress backstop completed goals');
    return result;
  }

  // Goals starting after tomorrow (UTC) cannot hold entries yet: no timezone is further ahead.

  private async meritsAfter(afterId: bigint): Promise<bigint[]> {
    const rows = await this.deps.prisma.$queryRaw<Array<{ id: bigint }>>`
      SELECT m.merit_id AS id FROM merits m JOIN deeds d ON d.deed_id = m.deed_id AND d.deleted_at IS NULL
      WHERE m.merit_id > ${afterId} AND m.is_active AND m.completed_at IS NULL AND m.deleted_at IS NULL
        AND m.start_date <= (now() AT TIME ZONE 'UTC')::date + 1
      ORDER BY m.merit_id LIMIT ${this.batchSize}`;
    return rows.map((row) => row.id);
  }

  private async targetsAfter(afterId: bigint): Promise<bigint[]> {
    const rows = await this.deps.prisma.$queryRaw<Array<{ id: bigint }>>`
      SELECT t.target_id AS id FROM targets t
      WHERE t.target_id > ${afterId} AND t.is_active AND t.completed_at IS NULL AND t.deleted_at IS NULL
        AND t.start_date <= (now() AT TIME ZONE 'UTC')::date + 1
      ORDER BY t.target_id LIMIT ${this.batchSize}`;
    return rows.map((row) => row.id);
  }
}
