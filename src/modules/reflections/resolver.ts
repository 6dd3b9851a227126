import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import { DeleteReflectionInput, ReflectionsArgs, WriteReflectionInput } from './inputs';
import { DeleteReflectionPayload, Reflection, reflectionFromRecord, WriteReflectionPayload } from './types';

@Resolver(() => Reflection)
export class ReflectionResolver {
  @Query(() => [Reflection], { description: "The viewer's reflections in a date range (at most 366 days), by date then type." })
  async reflections(
    @Ctx() ctx: Context,
    @Args(() => ReflectionsArgs) { dateFrom, dateTo, type }: ReflectionsArgs,
  ): Promise<Reflection[]> {
    const rows = await ctx.services.reflections.list(ctx.actor, { dateFrom, dateTo, type });
    return rows.map(reflectionFromRecord);
  }

  @Mutation(() => WriteReflectionPayload, { description: 'Write or replace the reflection for a (date, type).' })
  async writeReflection(
    @Ctx() ctx: Context,
    @Arg('input', () => WriteReflectionInput, { description: 'The mutation input.' }) input: WriteReflectionInput,
  ): Promise<WriteReflectionPayload> {
    const { reflection, created } = await ctx.services.reflections.write(ctx.actor, input);
    return { reflection: reflectionFromRecord(reflection), created };
  }

  @Mutation(() => DeleteReflectionPayload, { description: 'Soft-delete a reflection.' })
  async deleteReflection(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteReflectionInput, { description: 'The mutation input.' }) input: DeleteReflectionInput,
  ): Promise<DeleteReflectionPayload> {
    return { deletedReflectionId: await ctx.services.reflections.delete(ctx.actor, input.id) };
  }
}
