import type { Context } from '../context-types';
import { notFound } from '../../lib/errors';
import type { AccessLevel } from './enums';
import { preorder } from './tree';
import type { DeedItemRecord, DeedRecord } from './types';

/**
 * The item-tree relation fields as the viewer sees them. Rows come from the request's
 * loaders; every "may the viewer see it" answer comes from the permission authority (owner:
 * every item; grantee: covered items only, which are always live). Deleted items are shown
 * only to the owner and only where a field offers `includeDeleted`. Item rows a field loads
 * with their whole chain (a deed's items, an item's ancestors) go to the authority first, so
 * its answers about them cost no further statement.
 */

type ReadContext = Pick<Context, 'loaders' | 'authority'>;

async function accessOf(ctx: ReadContext, rows: readonly DeedItemRecord[]): Promise<Array<AccessLevel | null>> {
  const access = await ctx.authority.itemAccessMany(rows.map((row) => row.id));
  return access.map((a) => a?.access ?? null);
}

/**
 * Visible items of a deed in depth-first pre-order. "Deleted" here means deleted within the
 * item chain, so an owner looking at a deleted deed still sees the items it would bring back.
 */
export async function itemsOfDeed(ctx: ReadContext, deed: DeedRecord, includeDeleted: boolean): Promise<DeedItemRecord[]> {
  const items = await ctx.loaders.itemsByDeed.load(deed.id);
  // A query that reaches the same deed many times (`items { deed { items } }`) filters once.
  let answers = visibleItemsByLoadedList.get(items);
  if (!answers) visibleItemsByLoadedList.set(items, (answers = new Map()));
  let visible = answers.get(includeDeleted);
  if (!visible) answers.set(includeDeleted, (visible = visibleItems(ctx, deed, items, includeDeleted)));
  return visible;
}

/**
 * Keyed by the loader's list, which lives as long as the request's answers about it: a write
 * clears the loaders (after-write.ts), and the next load is a new list.
 */
const visibleItemsByLoadedList = new WeakMap<readonly DeedItemRecord[], Map<boolean, Promise<DeedItemRecord[]>>>();

async function visibleItems(
  ctx: ReadContext,
  deed: DeedRecord,
  items: readonly DeedItemRecord[],
  includeDeleted: boolean,
): Promise<DeedItemRecord[]> {
  ctx.authority.primeItemTree(deed, items);
  const visits = preorder(items);
  const access = await accessOf(ctx, visits.map((v) => v.item));
  return visits
    .filter((v, i) => access[i] !== null && (!v.deletedInChain || (includeDeleted && access[i] === 'OWNER')))
    .map((v) => v.item);
}

/** Live visible items whose parent the viewer cannot see: the roots, or a grantee's granted roots. */
export async function rootItemsOfDeed(ctx: ReadContext, deed: DeedRecord): Promise<DeedItemRecord[]> {
  const visible = await itemsOfDeed(ctx, deed, false);
  const visibleIds = new Set(visible.map((item) => item.id));
  return visible.filter((item) => item.parentId === null || !visibleIds.has(item.parentId));
}

/** Null for roots and above a grantee's granted root. */
export async function parentOf(ctx: ReadContext, item: DeedItemRecord): Promise<DeedItemRecord | null> {
  if (item.parentId === null) return null;
  if (!(await ctx.authority.itemAccess(item.parentId))) return null;
  return ctx.loaders.deedItems.load(item.parentId);
}

/** Root first; cut where the viewer stops seeing (a grantee's granted root). */
export async function ancestorsOf(ctx: ReadContext, item: DeedItemRecord): Promise<DeedItemRecord[]> {
  const [chain, deed] = await Promise.all([ctx.loaders.itemAncestors.load(item.id), ctx.loaders.deeds.load(item.deedId)]);
  if (deed) ctx.authority.primeItemTree(deed, [...chain, item]);
  const access = await accessOf(ctx, chain);
  let firstVisible = chain.length;
  while (firstVisible > 0 && access[firstVisible - 1] !== null) firstVisible -= 1;
  return chain.slice(firstVisible);
}

export async function childrenOf(ctx: ReadContext, item: DeedItemRecord, includeDeleted: boolean): Promise<DeedItemRecord[]> {
  const children = await ctx.loaders.childItems.load(item.id);
  const access = await accessOf(ctx, children);
  return children.filter(
    (child, i) => access[i] !== null && (child.deletedAt === null || (includeDeleted && access[i] === 'OWNER')),
  );
}

/** Live visible descendants down to `maxDepth` levels below the item, in pre-order. */
export async function descendantsOf(ctx: ReadContext, item: DeedItemRecord, maxDepth: number): Promise<DeedItemRecord[]> {
  const visits = preorder(await ctx.loaders.itemDescendants.load(item.id), item.id, maxDepth);
  const access = await accessOf(ctx, visits.map((v) => v.item));
  return visits.filter((v, i) => !v.deletedInChain && access[i] !== null).map((v) => v.item);
}

/** A live child exists (a grantee's cover runs down through every live child, so no leak). */
export async function hasLiveChild(ctx: ReadContext, item: DeedItemRecord): Promise<boolean> {
  return (await ctx.loaders.childItems.load(item.id)).some((child) => child.deletedAt === null);
}

export async function accessTo(ctx: ReadContext, item: DeedItemRecord): Promise<AccessLevel> {
  const access = await ctx.authority.itemAccess(item.id);
  if (!access) throw notFound('Deed item');
  return access.access;
}
