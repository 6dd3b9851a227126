import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context-types';
import { present } from '../../lib/present';
import { thenMaybe } from '../../lib/record-loader';
import type { DeedItemRecord, DeedRecord } from '../deeds/types';
import type { EntryRecord } from '../entries/types';
import { reflectionFromRecord, type Reflection } from '../reflections/types';
import type { SupportMessageRecord } from '../support/types';
import {
  DeedItemSearchResult,
  DeedSearchResult,
  EntrySearchResult,
  ReflectionSearchResult,
  SupportMessageSearchResult,
  type SearchResultValue,
} from './types';

/**
 * Each result's object, read when selected: a search that shows only snippets runs its one
 * statement, one showing objects one more per kind on the page (the loaders batch the page).
 * The statement saw the row a moment ago; only a hard delete in between makes it missing.
 */
function found<T>(row: T | null, result: SearchResultValue): T {
  return present(row, `search result ${result.kind}`, result.sourceId);
}

@Resolver(() => EntrySearchResult)
export class EntrySearchResultResolver {
  @FieldResolver()
  entry(@Root() result: SearchResultValue, @Ctx() ctx: Context): Promise<EntryRecord> {
    return ctx.loaders.entries.load(result.sourceId).then((row) => found(row, result));
  }
}

@Resolver(() => DeedSearchResult)
export class DeedSearchResultResolver {
  @FieldResolver()
  deed(@Root() result: SearchResultValue, @Ctx() ctx: Context): DeedRecord | Promise<DeedRecord> {
    return thenMaybe(ctx.loaders.deeds.loadKnown(result.sourceId), (row) => found(row, result));
  }
}

@Resolver(() => DeedItemSearchResult)
export class DeedItemSearchResultResolver {
  @FieldResolver()
  deedItem(@Root() result: SearchResultValue, @Ctx() ctx: Context): DeedItemRecord | Promise<DeedItemRecord> {
    return thenMaybe(ctx.loaders.deedItems.loadKnown(result.sourceId), (row) => found(row, result));
  }
}

@Resolver(() => ReflectionSearchResult)
export class ReflectionSearchResultResolver {
  @FieldResolver()
  reflection(@Root() result: SearchResultValue, @Ctx() ctx: Context): Reflection | Promise<Reflection> {
    return thenMaybe(ctx.loaders.reflectionsById.loadKnown(result.sourceId), (row) => reflectionFromRecord(found(row, result)));
  }
}

@Resolver(() => SupportMessageSearchResult)
export class SupportMessageSearchResultResolver {
  @FieldResolver()
  message(@Root() result: SearchResultValue, @Ctx() ctx: Context): SupportMessageRecord | Promise<SupportMessageRecord> {
    return thenMaybe(ctx.loaders.supportMessagesById.loadKnown(result.sourceId), (row) => found(row, result));
  }
}

export const SEARCH_NODE_RESOLVERS = [
  EntrySearchResultResolver,
  DeedSearchResultResolver,
  DeedItemSearchResultResolver,
  ReflectionSearchResultResolver,
  SupportMessageSearchResultResolver,
];
