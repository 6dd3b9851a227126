import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { UserProfile } from '../users/types';
import { present } from '../../lib/present';
import {
  CreateDeedInput,
  CreateDeedPayload,
  DeedFilter,
  DeleteDeedInput,
  DeleteDeedPayload,
  RestoreDeedInput,
  RestoreDeedPayload,
  UpdateDeedInput,
  UpdateDeedPayload,
} from './deed-inputs';
import { Deed, DeedItem, Scale, type DeedItemRecord, type DeedRecord, type ScaleRecord } from './types';
import { itemsOfDeed, rootItemsOfDeed } from './visible-items';

@Resolver(() => Deed)
export class DeedResolver {
  @Query(() => [Deed], { description: "Deeds of the viewer (default) or another user's deeds the viewer can read, by displayOrder." })
  deeds(
    @Ctx() ctx: Context,
    @Arg('filter', () => DeedFilter, { nullable: true, description: 'Optional filter.' }) filter?: DeedFilter | null,
  ): Promise<DeedRecord[]> {
    return ctx.services.deeds.list(ctx.actor, filter);
  }

  @Query(() => Deed, { nullable: true, description: 'A deed by id, if visible to the viewer.' })
  deed(@Ctx() ctx: Context, @Arg('id', () => BigIntID, { description: 'Deed id.' }) id: bigint): Promise<DeedRecord> {
    return ctx.services.deeds.byId(ctx.actor, id);
  }

  @Mutation(() => CreateDeedPayload, { description: 'Create a deed (optionally with its first scale).' })
  async createDeed(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDeedInput, { description: 'The mutation input.' }) input: CreateDeedInput,
  ): Promise<CreateDeedPayload> {
    return { deed: await ctx.services.deeds.create(ctx.actor, input) };
  }

  @Mutation(() => UpdateDeedPayload, { description: 'Update a deed.' })
  async updateDeed(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateDeedInput, { description: 'The mutation input.' }) input: UpdateDeedInput,
  ): Promise<UpdateDeedPayload> {
    return { deed: await ctx.services.deeds.update(ctx.actor, input) };
  }

  @Mutation(() => DeleteDeedPayload, { description: 'Soft-delete a deed.' })
  async deleteDeed(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteDeedInput, { description: 'The mutation input.' }) input: DeleteDeedInput,
  ): Promise<DeleteDeedPayload> {
    return { deed: await ctx.services.deeds.delete(ctx.actor, input.id) };
  }

  @Mutation(() => RestoreDeedPayload, { description: 'Restore a soft-deleted deed.' })
  async restoreDeed(
    @Ctx() ctx: Context,
    @Arg('input', () => RestoreDeedInput, { description: 'The mutation input.' }) input: RestoreDeedInput,
  ): Promise<RestoreDeedPayload> {
    return { deed: await ctx.services.deeds.restore(ctx.actor, input.id) };
  }

  @FieldResolver()
  async owner(@Root() deed: DeedRecord, @Ctx() ctx: Context): Promise<UserProfile> {
    return present(await ctx.loaders.userProfiles.load(deed.userId), 'owner of deed', deed.id);
  }

  @FieldResolver()
  items(
    @Root() deed: DeedRecord,
    @Ctx() ctx: Context,
    @Arg('includeDeleted', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Include soft-deleted items (owner only; ignored for others).',
    })
    includeDeleted: boolean | null,
  ): Promise<DeedItemRecord[]> {
    return itemsOfDeed(ctx, deed, includeDeleted === true);
  }

  @FieldResolver()
  rootItems(@Root() deed: DeedRecord, @Ctx() ctx: Context): Promise<DeedItemRecord[]> {
    return rootItemsOfDeed(ctx, deed);
  }

  @FieldResolver()
  activeScale(@Root() deed: DeedRecord, @Ctx() ctx: Context): Promise<ScaleRecord | null> {
    return ctx.loaders.activeScaleByDeed.load(deed.id);
  }

  @FieldResolver()
  scales(@Root() deed: DeedRecord, @Ctx() ctx: Context): Promise<ScaleRecord[]> {
    return ctx.loaders.scalesByDeed.load(deed.id);
  }
}
