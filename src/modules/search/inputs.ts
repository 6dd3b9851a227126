import { ArgsType, Field, Int } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { SearchKind } from './enums';

/** Arguments of `search`; the query's limits are checked by parseSearchQuery (BAD_USER_INPUT with path ["query"]). */
@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'Words to find (1–200 characters, at most 12 words), in web search syntax: "a phrase", `or`, `-excluded`. Every word also matches as a prefix (search as you type).',
  })
  query!: string;

  @Field(() => [SearchKind], { nullable: true, description: 'Only these kinds (default: all).' })
  kinds?: SearchKind[] | null;

  @Field(() => BigIntID, { nullable: true, description: "Search this user's data instead of the viewer's (entries and deed items the viewer may READ)." })
  ownerId?: bigint | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}
