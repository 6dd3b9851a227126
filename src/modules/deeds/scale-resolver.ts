import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { present } from '../../lib/present';
import { CreateScaleInput, CreateScalePayload, SetActiveScaleInput, SetActiveScalePayload } from './scale-inputs';
import { Deed, Scale, ScaleValue, type DeedRecord, type ScaleRecord, type ScaleValueRecord } from './types';

@Resolver(() => Scale)
export class ScaleResolver {
  @Query(() => [Scale], { description: 'Scale versions of a deed, newest first.' })
  scales(@Ctx() ctx: Context, @Arg('deedId', () => BigIntID, { description: 'Deed id.' }) deedId: bigint): Promise<ScaleRecord[]> {
    return ctx.services.scales.list(ctx.actor, deedId);
  }

  @Mutation(() => CreateScalePayload, { description: 'Create a new scale version with ordered values.' })
  createScale(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateScaleInput, { description: 'The mutation input.' }) input: CreateScaleInput,
  ): Promise<CreateScalePayload> {
    return ctx.services.scales.create(ctx.actor, input);
  }

  @Mutation(() => SetActiveScalePayload, { description: "Make a scale version the deed's active scale." })
  setActiveScale(
    @Ctx() ctx: Context,
    @Arg('input', () => SetActiveScaleInput, { description: 'The mutation input.' }) input: SetActiveScaleInput,
  ): Promise<SetActiveScalePayload> {
    return ctx.services.scales.setActive(ctx.actor, input.scaleId);
  }

  @FieldResolver()
  async deed(@Root() scale: ScaleRecord, @Ctx() ctx: Context): Promise<DeedRecord> {
    return present(await ctx.loaders.deeds.load(scale.deedId), 'deed of scale', scale.id);
  }

  @FieldResolver()
  values(@Root() scale: ScaleRecord, @Ctx() ctx: Context): Promise<ScaleValueRecord[]> {
    return ctx.loaders.scaleValuesByScale.load(scale.id);
  }
}

@Resolver(() => ScaleValue)
export class ScaleValueResolver {
  @FieldResolver()
  async scale(@Root() value: ScaleValueRecord, @Ctx() ctx: Context): Promise<ScaleRecord> {
    return present(await ctx.loaders.scales.load(value.scaleId), 'scale of value', value.id);
  }
}
