import { requireViewer } from '../../auth/require-viewer';
import type { Context } from '../context-types';

/** What the progress services need from a request: the owner acting, their timezone, and request state. */
export interface ProgressActor {
  readonly viewerId: bigint;
  /** The viewer's IANA timezone: goal windows and "today" are in the owner's timezone. */
  readonly timezone: string;
  readonly authority: Context['authority'];
  readonly loaders: Context['loaders'];
  readonly origin: Context['origin'];
}

/** UNAUTHENTICATED without a signed-in viewer (merits and targets are private to their owner). */
export function progressActor(ctx: Context): ProgressActor {
  const viewer = requireViewer(ctx);
  return {
    viewerId: viewer.id,
    timezone: viewer.user.timezone,
    authority: ctx.authority,
    loaders: ctx.loaders,
    origin: ctx.origin,
  };
}

/** The user whose action a completion check runs for, and where the request came from (audit). */
export function trigger(actor: ProgressActor): { actorId: bigint; origin: ProgressActor['origin'] } {
  return { actorId: actor.viewerId, origin: actor.origin };
}

/**
 * After a goal write: drop the request's remembered goal rows, item lists and progress, so
 * the payload and later operations of the same request read the new state.
 */
export function forgetGoalState(loaders: Context['loaders']): void {
  for (const loader of [loaders.merits, loaders.targets, loaders.meritItemsByMerit, loaders.targetItemsByTarget, loaders.goalItemProgress]) {
    loader.clearAll();
  }
}
