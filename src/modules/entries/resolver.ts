import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import { BigIntID } from '../../lib/id';
import { selectsField } from '../../lib/selection';
import { EntryOrder } from './enums';
import { DeleteEntryInput, EntryFilter, RecordEntriesInput, RecordEntryInput, RestoreEntryInput, UpdateEntryInput } from './inputs';
import {
  DeleteEntryPayload,
  RecordEntriesPayload,
  RecordEntryPayload,
  RestoreEntryPayload,
  UpdateEntryPayload,
} from './payloads';
import { Entry, EntryChangeConnection, EntryConnection, type EntryRecord } from './types';

@Resolver(() => Entry)
export class EntryResolver {
  @Query(() => EntryConnection, { description: 'Entries visible to the viewer, paginated.' })
  entries(
    @Ctx() ctx: Context,
    @Arg('filter', () => EntryFilter, { nullable: true, description: 'Optional filter; defaults to the viewer\'s own live entries.' })
    filter: EntryFilter | null,
    @Arg('orderBy', () => EntryOrder, { nullable: true, defaultValue: EntryOrder.ENTRY_DATE_DESC, description: 'Sort order.' })
    orderBy: EntryOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntryConnection> {
    return ctx.services.entryReads.list({
      actor: ctx.actor,
      filter,
      orderBy: orderBy ?? EntryOrder.ENTRY_DATE_DESC,
      first,
      after,
      countTotal: selectsField(info, 'totalCount'),
    });
  }

  @Query(() => Entry, { nullable: true, description: 'An entry by id, if visible to the viewer.' })
  entry(@Ctx() ctx: Context, @Arg('id', () => BigIntID, { description: 'Entry id.' }) id: bigint): Promise<EntryRecord> {
    return ctx.services.entryReads.visibleEntry(ctx.actor, id);
  }

  @Query(() => EntryChangeConnection, { description: 'History of one entry, newest first.' })
  entryHistory(
    @Ctx() ctx: Context,
    @Arg('entryId', () => BigIntID, { description: 'Entry id.' }) entryId: bigint,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
  ): Promise<EntryChangeConnection> {
    return ctx.services.entryReads.history(ctx.actor, entryId, first, after);
  }

  @Mutation(() => RecordEntryPayload, { description: 'Record an entry (idempotent upsert on owner, deed item, date).' })
  async recordEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordEntryInput, { description: 'The mutation input.' }) input: RecordEntryInput,
  ): Promise<RecordEntryPayload> {
    const { results, goals } = await ctx.services.entryWrites.recordEntry(ctx.actor, input);
    const { entry, outcome } = results[0]!;
    return { entry, outcome, affectedMerits: goals.merits, affectedTargets: goals.targets };
  }

  @Mutation(() => RecordEntriesPayload, { description: 'Record up to 100 entries atomically.' })
  async recordEntries(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordEntriesInput, { description: 'The mutation input.' }) input: RecordEntriesInput,
  ): Promise<RecordEntriesPayload> {
    const { results, goals } = await ctx.services.entryWrites.recordEntries(ctx.actor, input.entries);
    return {
      results: results.map(({ entry, outcome }) => ({ entry, outcome })),
      affectedMerits: goals.merits,
      affectedTargets: goals.targets,
    };
  }

  @Mutation(() => UpdateEntryPayload, { description: "Change an entry's value or notes." })
  async updateEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateEntryInput, { description: 'The mutation input.' }) input: UpdateEntryInput,
  ): Promise<UpdateEntryPayload> {
    const { entry, change, goals } = await ctx.services.entryWrites.updateEntry(ctx.actor, input);
    return { entry, change, affectedMerits: goals.merits, affectedTargets: goals.targets };
  }

  @Mutation(() => DeleteEntryPayload, { description: 'Soft-delete an entry.' })
  async deleteEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteEntryInput, { description: 'The mutation input.' }) input: DeleteEntryInput,
  ): Promise<DeleteEntryPayload> {
    const { entry, change, goals } = await ctx.services.entryWrites.deleteEntry(ctx.actor, input.id);
    return { entry, change, affectedMerits: goals.merits, affectedTargets: goals.targets };
  }

  @Mutation(() => RestoreEntryPayload, { description: 'Restore a soft-deleted entry.' })
  async restoreEntry(
    @Ctx() ctx: Context,
    @Arg('input', () => RestoreEntryInput, { description: 'The mutation input.' }) input: RestoreEntryInput,
  ): Promise<RestoreEntryPayload> {
    const { entry, change, goals } = await ctx.services.entryWrites.restoreEntry(ctx.actor, input.id);
    return { entry, change, affectedMerits: goals.merits, affectedTargets: goals.targets };
  }
}
