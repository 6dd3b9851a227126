import { requireViewer } from '../../auth/require-viewer';
import type { Context } from '../context-types';

/** What the deeds services need from a request: who acts, what they may do, where from. */
export interface DeedsActor {
  readonly viewerId: bigint;
  readonly authority: Context['authority'];
  readonly loaders: Context['loaders'];
  readonly origin: Context['origin'];
}

/** UNAUTHENTICATED without a signed-in viewer (every deeds operation needs one). */
export function deedsActor(ctx: Context): DeedsActor {
  const viewer = requireViewer(ctx);
  return { viewerId: viewer.id, authority: ctx.authority, loaders: ctx.loaders, origin: ctx.origin };
}

/**
 * After a write: drop the request's remembered permission answers and deed rows, so the
 * payload (and later mutations of the same request) read the new state.
 */
export function forgetDeedState(actor: DeedsActor): void {
  actor.authority.forget();
  const { loaders } = actor;
  for (const loader of [
    loaders.deeds,
    loaders.deedItems,
    loaders.scales,
    loaders.scaleValues,
    loaders.itemsByDeed,
    loaders.childItems,
    loaders.itemAncestors,
    loaders.itemDescendants,
    loaders.scalesByDeed,
    loaders.activeScaleByDeed,
    loaders.scaleValuesByScale,
  ]) {
    loader.clearAll();
  }
}
