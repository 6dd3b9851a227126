import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { invalidField } from '../../lib/errors';
import { AccessLevel } from './enums';
import {
  CreateDeedItemInput,
  CreateDeedItemPayload,
  DeleteDeedItemInput,
  DeleteDeedItemPayload,
  MoveDeedItemInput,
  MoveDeedItemPayload,
  RestoreDeedItemInput,
  RestoreDeedItemPayload,
  UpdateDeedItemInput,
  UpdateDeedItemPayload,
} from './item-inputs';
import { DEFAULT_DESCENDANTS_DEPTH, MAX_DESCENDANTS_DEPTH } from './limits';
import { present } from '../../lib/present';
import { thenMaybe } from '../../lib/record-loader';
import { Deed, DeedItem, type DeedItemRecord, type DeedRecord } from './types';
import { accessTo, ancestorsOf, childrenOf, descendantsOf, hasLiveChild, parentOf } from './visible-items';

@Resolver(() => DeedItem)
export class DeedItemResolver {
  @Query(() => DeedItem, { nullable: true, description: 'A deed item by id, if visible to the viewer.' })
  deedItem(@Ctx() ctx: Context, @Arg('id', () => BigIntID, { description: 'Deed item id.' }) id: bigint): Promise<DeedItemRecord> {
    return ctx.services.deedItems.byId(ctx.actor, id);
  }

  @Mutation(() => CreateDeedItemPayload, { description: 'Add an item to a deed.' })
  createDeedItem(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDeedItemInput, { description: 'The mutation input.' }) input: CreateDeedItemInput,
  ): Promise<CreateDeedItemPayload> {
    return ctx.services.deedItems.create(ctx.actor, input);
  }

  @Mutation(() => UpdateDeedItemPayload, { description: 'Rename, describe or reorder an item.' })
  async updateDeedItem(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateDeedItemInput, { description: 'The mutation input.' }) input: UpdateDeedItemInput,
  ): Promise<UpdateDeedItemPayload> {
    return { deedItem: await ctx.services.deedItems.update(ctx.actor, input) };
  }

  @Mutation(() => MoveDeedItemPayload, { description: 'Re-parent an item and its subtree within its deed; cycles are rejected.' })
  moveDeedItem(
    @Ctx() ctx: Context,
    @Arg('input', () => MoveDeedItemInput, { description: 'The mutation input.' }) input: MoveDeedItemInput,
  ): Promise<MoveDeedItemPayload> {
    return ctx.services.deedItemMoves.move(ctx.actor, input);
  }

  @Mutation(() => DeleteDeedItemPayload, { description: 'Soft-delete an item (its subtree is hidden with it).' })
  deleteDeedItem(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteDeedItemInput, { description: 'The mutation input.' }) input: DeleteDeedItemInput,
  ): Promise<DeleteDeedItemPayload> {
    return ctx.services.deedItems.delete(ctx.actor, input.id);
  }

  @Mutation(() => RestoreDeedItemPayload, { description: 'Restore a soft-deleted item.' })
  restoreDeedItem(
    @Ctx() ctx: Context,
    @Arg('input', () => RestoreDeedItemInput, { description: 'The mutation input.' }) input: RestoreDeedItemInput,
  ): Promise<RestoreDeedItemPayload> {
    return ctx.services.deedItems.restore(ctx.actor, input.id);
  }

  @FieldResolver()
  deed(@Root() item: DeedItemRecord, @Ctx() ctx: Context): DeedRecord | Promise<DeedRecord> {
    return thenMaybe(ctx.loaders.deeds.loadKnown(item.deedId), (deed) => present(deed, 'deed of item', item.id));
  }

  @FieldResolver()
  parent(@Root() item: DeedItemRecord, @Ctx() ctx: Context): Promise<DeedItemRecord | null> {
    return parentOf(ctx, item);
  }

  @FieldResolver()
  children(
    @Root() item: DeedItemRecord,
    @Ctx() ctx: Context,
    @Arg('includeDeleted', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Include soft-deleted children (owner only).',
    })
    includeDeleted: boolean | null,
  ): Promise<DeedItemRecord[]> {
    return childrenOf(ctx, item, includeDeleted === true);
  }

  @FieldResolver()
  ancestors(@Root() item: DeedItemRecord, @Ctx() ctx: Context): Promise<DeedItemRecord[]> {
    return ancestorsOf(ctx, item);
  }

  @FieldResolver()
  descendants(
    @Root() item: DeedItemRecord,
    @Ctx() ctx: Context,
    @Arg('maxDepth', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_DESCENDANTS_DEPTH,
      description: 'How many levels below this item to include (1–10).',
    })
    maxDepth: number | null,
  ): Promise<DeedItemRecord[]> {
    const depth = maxDepth ?? DEFAULT_DESCENDANTS_DEPTH;
    if (depth < 1 || depth > MAX_DESCENDANTS_DEPTH) {
      throw invalidField(['maxDepth'], `maxDepth must be between 1 and ${MAX_DESCENDANTS_DEPTH}`, 'range');
    }
    return descendantsOf(ctx, item, depth);
  }

  @FieldResolver()
  hasChildren(@Root() item: DeedItemRecord, @Ctx() ctx: Context): Promise<boolean> {
    return hasLiveChild(ctx, item);
  }

  @FieldResolver()
  myAccess(@Root() item: DeedItemRecord, @Ctx() ctx: Context): Promise<AccessLevel> {
    return accessTo(ctx, item);
  }
}
