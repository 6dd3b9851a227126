import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { present } from '../../lib/present';
import type { DeedItemRecord, ScaleValueRecord } from '../deeds/types';
import { itemProgressOf } from './field-values';
import {
  ItemProgress,
  MeritItem,
  TargetItem,
  type MeritItemRecord,
  type MeritRecord,
  type TargetItemRecord,
  type TargetRecord,
} from './types';

/**
 * Relation fields of merit and target items. An item is reached only through its goal,
 * which its owner alone can see, so the deed item and scale value (the owner's own, deleted
 * ones included) need no further permission check.
 */

async function scaleValueOf(ctx: Context, id: bigint | null): Promise<ScaleValueRecord | null> {
  return id === null ? null : ctx.loaders.scaleValues.load(id);
}

@Resolver(() => MeritItem)
export class MeritItemResolver {
  @FieldResolver()
  async merit(@Root() item: MeritItemRecord, @Ctx() ctx: Context): Promise<MeritRecord> {
    return present(await ctx.loaders.merits.load(item.meritId), 'merit of item', item.id);
  }

  @FieldResolver()
  async deedItem(@Root() item: MeritItemRecord, @Ctx() ctx: Context): Promise<DeedItemRecord> {
    return present(await ctx.loaders.deedItems.load(item.deedItemId), 'deed item of merit item', item.id);
  }

  @FieldResolver()
  scaleValue(@Root() item: MeritItemRecord, @Ctx() ctx: Context): Promise<ScaleValueRecord | null> {
    return scaleValueOf(ctx, item.scaleValueId);
  }

  @FieldResolver(() => ItemProgress)
  progress(@Root() item: MeritItemRecord, @Ctx() ctx: Context): Promise<ItemProgress> {
    return itemProgressOf(ctx, 'MERIT', item.id);
  }
}

@Resolver(() => TargetItem)
export class TargetItemResolver {
  @FieldResolver()
  async target(@Root() item: TargetItemRecord, @Ctx() ctx: Context): Promise<TargetRecord> {
    return present(await ctx.loaders.targets.load(item.targetId), 'target of item', item.id);
  }

  @FieldResolver()
  async deedItem(@Root() item: TargetItemRecord, @Ctx() ctx: Context): Promise<DeedItemRecord> {
    return present(await ctx.loaders.deedItems.load(item.deedItemId), 'deed item of target item', item.id);
  }

  @FieldResolver()
  scaleValue(@Root() item: TargetItemRecord, @Ctx() ctx: Context): Promise<ScaleValueRecord | null> {
    return scaleValueOf(ctx, item.scaleValueId);
  }

  @FieldResolver(() => ItemProgress)
  progress(@Root() item: TargetItemRecord, @Ctx() ctx: Context): Promise<ItemProgress> {
    return itemProgressOf(ctx, 'TARGET', item.id);
  }
}
