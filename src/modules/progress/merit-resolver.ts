import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import type { LocalDate } from '../../lib/scalars';
import { present } from '../../lib/present';
import type { DeedRecord } from '../deeds/types';
import { GoalStatus } from './enums';
import { goalProgressOf, ownerToday } from './field-values';
import { goalStatus, meritEndDate, meritWindow } from './goal-state';
import { CreateMeritInput, DeleteMeritInput, MeritFilter, UpdateMeritInput } from './merit-inputs';
import { CreateMeritPayload, DeleteMeritPayload, UpdateMeritPayload } from './payloads';
import { GoalProgress, Merit, type MeritItemRecord, type MeritRecord } from './types';

@Resolver(() => Merit)
export class MeritResolver {
  @Query(() => [Merit], { description: "The viewer's merits with live progress, newest first." })
  merits(
    @Ctx() ctx: Context,
    @Arg('filter', () => MeritFilter, { nullable: true, description: 'Optional filter.' }) filter?: MeritFilter | null,
  ): Promise<MeritRecord[]> {
    return ctx.services.merits.list(ctx.actor, filter);
  }

  @Query(() => Merit, { nullable: true, description: "One of the viewer's merits." })
  merit(@Ctx() ctx: Context, @Arg('id', () => BigIntID, { description: 'Merit id.' }) id: bigint): Promise<MeritRecord> {
    return ctx.services.merits.byId(ctx.actor, id);
  }

  @Mutation(() => CreateMeritPayload, { description: 'Create a merit with its items.' })
  async createMerit(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateMeritInput, { description: 'The mutation input.' }) input: CreateMeritInput,
  ): Promise<CreateMeritPayload> {
    return { merit: await ctx.services.merits.create(ctx.actor, input) };
  }

  @Mutation(() => UpdateMeritPayload, { description: 'Update a merit and optionally replace its items.' })
  updateMerit(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateMeritInput, { description: 'The mutation input.' }) input: UpdateMeritInput,
  ): Promise<UpdateMeritPayload> {
    return ctx.services.merits.update(ctx.actor, input);
  }

  @Mutation(() => DeleteMeritPayload, { description: 'Soft-delete a merit.' })
  async deleteMerit(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteMeritInput, { description: 'The mutation input.' }) input: DeleteMeritInput,
  ): Promise<DeleteMeritPayload> {
    return { merit: await ctx.services.merits.delete(ctx.actor, input.id) };
  }

  @FieldResolver()
  async deed(@Root() merit: MeritRecord, @Ctx() ctx: Context): Promise<DeedRecord> {
    return present(await ctx.loaders.deeds.load(merit.deedId), 'deed of merit', merit.id);
  }

  @FieldResolver(() => GoalStatus)
  async status(@Root() merit: MeritRecord, @Ctx() ctx: Context): Promise<GoalStatus> {
    return goalStatus(merit, meritWindow(merit), await ownerToday(ctx, merit.userId));
  }

  @FieldResolver()
  endDate(@Root() merit: MeritRecord): LocalDate | null {
    return meritEndDate(merit);
  }

  @FieldResolver()
  items(@Root() merit: MeritRecord, @Ctx() ctx: Context): Promise<MeritItemRecord[]> {
    return ctx.loaders.meritItemsByMerit.load(merit.id);
  }

  @FieldResolver()
  async progress(@Root() merit: MeritRecord, @Ctx() ctx: Context): Promise<GoalProgress> {
    return goalProgressOf(ctx, 'MERIT', merit.completionLogic, await ctx.loaders.meritItemsByMerit.load(merit.id));
  }
}
