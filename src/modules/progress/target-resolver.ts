import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { GoalStatus } from './enums';
import { goalProgressOf, ownerToday } from './field-values';
import { goalStatus, targetWindow } from './goal-state';
import { CreateTargetPayload, DeleteTargetPayload, UpdateTargetPayload } from './payloads';
import { CreateTargetInput, DeleteTargetInput, TargetFilter, UpdateTargetInput } from './target-inputs';
import { GoalProgress, Target, type TargetItemRecord, type TargetRecord } from './types';

@Resolver(() => Target)
export class TargetResolver {
  @Query(() => [Target], { description: "The viewer's targets with live progress, by startDate descending." })
  targets(
    @Ctx() ctx: Context,
    @Arg('filter', () => TargetFilter, { nullable: true, description: 'Optional filter.' }) filter?: TargetFilter | null,
  ): Promise<TargetRecord[]> {
    return ctx.services.targets.list(ctx.actor, filter);
  }

  @Query(() => Target, { nullable: true, description: "One of the viewer's targets." })
  target(@Ctx() ctx: Context, @Arg('id', () => BigIntID, { description: 'Target id.' }) id: bigint): Promise<TargetRecord> {
    return ctx.services.targets.byId(ctx.actor, id);
  }

  @Mutation(() => CreateTargetPayload, { description: 'Create a target with its items.' })
  async createTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTargetInput, { description: 'The mutation input.' }) input: CreateTargetInput,
  ): Promise<CreateTargetPayload> {
    return { target: await ctx.services.targets.create(ctx.actor, input) };
  }

  @Mutation(() => UpdateTargetPayload, { description: 'Update a target and optionally replace its items.' })
  updateTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateTargetInput, { description: 'The mutation input.' }) input: UpdateTargetInput,
  ): Promise<UpdateTargetPayload> {
    return ctx.services.targets.update(ctx.actor, input);
  }

  @Mutation(() => DeleteTargetPayload, { description: 'Soft-delete a target.' })
  async deleteTarget(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteTargetInput, { description: 'The mutation input.' }) input: DeleteTargetInput,
  ): Promise<DeleteTargetPayload> {
    return { target: await ctx.services.targets.delete(ctx.actor, input.id) };
  }

  @FieldResolver(() => GoalStatus)
  async status(@Root() target: TargetRecord, @Ctx() ctx: Context): Promise<GoalStatus> {
    return goalStatus(target, targetWindow(target), await ownerToday(ctx, target.userId));
  }

  @FieldResolver()
  items(@Root() target: TargetRecord, @Ctx() ctx: Context): Promise<TargetItemRecord[]> {
    return ctx.loaders.targetItemsByTarget.load(target.id);
  }

  @FieldResolver()
  async progress(@Root() target: TargetRecord, @Ctx() ctx: Context): Promise<GoalProgress> {
    return goalProgressOf(ctx, 'TARGET', target.completionLogic, await ctx.loaders.targetItemsByTarget.load(target.id));
  }
}
