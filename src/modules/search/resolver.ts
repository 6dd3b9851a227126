import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context-types';
import { SearchArgs } from './inputs';
import { SearchResultConnection, type SearchResultValue } from './types';
import type { Connection } from '../../lib/pagination';

@Resolver()
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description:
      "Full-text search, best match first: the viewer's entry notes, deed and item names and descriptions, reflections and support messages; with `ownerId`, another user's entry notes and item names on items the viewer may READ.",
  })
  search(@Ctx() ctx: Context, @Args(() => SearchArgs) args: SearchArgs): Promise<Connection<SearchResultValue>> {
    return ctx.services.search.search(ctx.actor, args);
  }
}
