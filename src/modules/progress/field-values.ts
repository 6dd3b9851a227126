import type { Context } from '../context-types';
import { todayIn } from '../../lib/local-dates';
import type { LocalDate } from '../../lib/scalars';
import type { CompletionLogic } from './enums';
import { goalProgress } from './goal-state';
import type { GoalKind } from './progress-sql';
import type { GoalProgress, ItemProgress } from './types';

/** Derived fields shared by the Merit and Target resolvers, all through the request's loaders. */

/** Today in the goal owner's timezone (the viewer's own, except for events delivered elsewhere). */
export async function ownerToday(ctx: Context, ownerId: bigint): Promise<LocalDate> {
  if (ctx.viewer?.id === ownerId) return todayIn(ctx.viewer.user.timezone);
  const owner = await ctx.loaders.userProfiles.load(ownerId);
  if (!owner) throw new Error(`owner ${ownerId} of a goal is missing`);
  return todayIn(owner.timezone);
}

export function itemProgressOf(ctx: Context, kind: GoalKind, itemId: bigint): Promise<ItemProgress> {
  return ctx.loaders.goalItemProgress.load({ kind, itemId });
}

export async function goalProgressOf(
  ctx: Context,
  kind: GoalKind,
  logic: CompletionLogic,
  items: ReadonlyArray<{ id: bigint }>,
): Promise<GoalProgress> {
  const progress = await Promise.all(items.map((item) => itemProgressOf(ctx, kind, item.id)));
  return goalProgress(logic, progress);
}
