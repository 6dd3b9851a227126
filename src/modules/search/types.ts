import { Field, Float, Int, InterfaceType } from 'type-graphql';
import { PageInfo } from '../../lib/pagination';
import { Deed, DeedItem, type DeedItemRecord, type DeedRecord } from '../deeds/types';
import { Entry, type EntryRecord } from '../entries/types';
import { Reflection } from '../reflections/types';
import { SupportMessage, type SupportMessageRecord } from '../support/types';
import { SearchKind } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

@ApiObjectType('SearchHighlight', { description: 'A matched stretch of a snippet.' })
export class SearchHighlight {
  @Field(() => Int, { description: 'Offset in the snippet text, in UTF-16 code units (JavaScript string indices).' })
  start!: number;

  @Field(() => Int, { description: 'Length in UTF-16 code units.' })
  length!: number;
}

@ApiObjectType('SearchSnippet', { description: 'Where the query matched: an excerpt of the text and the matched words in it.' })
export class SearchSnippet {
  @Field(() => String, { description: 'Plain text (not HTML); up to two fragments joined by " … ".' })
  text!: string;

  @Field(() => [SearchHighlight], { description: 'The matched words, in order.' })
  highlights!: SearchHighlight[];
}

/**
 * A result as the search statement returns it: the matched object's id, its object read by
 * the concrete type's field resolver (node-resolvers.ts) only when selected.
 */
export interface SearchResultValue {
  kind: SearchKind;
  rank: number;
  snippet: SearchSnippet;
  sourceId: bigint;
}

const TYPE_OF_KIND: Record<SearchKind, string> = {
  ENTRY: 'EntrySearchResult',
  DEED: 'DeedSearchResult',
  DEED_ITEM: 'DeedItemSearchResult',
  REFLECTION: 'ReflectionSearchResult',
  SUPPORT_MESSAGE: 'SupportMessageSearchResult',
};

@InterfaceType('SearchResult', {
  description: 'One match of `search`; the concrete type holds the matched object.',
  resolveType: (value: SearchResultValue) => TYPE_OF_KIND[value.kind],
})
export abstract class SearchResult {
  @Field(() => SearchKind, { description: 'What matched.' })
  kind!: SearchKind;

  @Field(() => Float, { description: 'Relevance (higher is better); results come in descending rank.' })
  rank!: number;

  @Field(() => SearchSnippet, { description: 'The matched text with highlights.' })
  snippet!: SearchSnippet;
}

@ApiObjectType('EntrySearchResult', { implements: SearchResult, description: "A match in an entry's notes." })
export class EntrySearchResult extends SearchResult {
  @Field(() => Entry, { description: 'The entry.' })
  entry!: EntryRecord;
}

@ApiObjectType('DeedSearchResult', { implements: SearchResult, description: "A match in a deed's name or description." })
export class DeedSearchResult extends SearchResult {
  @Field(() => Deed, { description: 'The deed.' })
  deed!: DeedRecord;
}

@ApiObjectType('DeedItemSearchResult', { implements: SearchResult, description: "A match in a deed item's name or description." })
export class DeedItemSearchResult extends SearchResult {
  @Field(() => DeedItem, { description: 'The deed item.' })
  deedItem!: DeedItemRecord;
}

@ApiObjectType('ReflectionSearchResult', { implements: SearchResult, description: 'A match in a reflection.' })
export class ReflectionSearchResult extends SearchResult {
  @Field(() => Reflection, { description: 'The reflection.' })
  reflection!: Reflection;
}

@ApiObjectType('SupportMessageSearchResult', { implements: SearchResult, description: 'A match in a support message.' })
export class SupportMessageSearchResult extends SearchResult {
  @Field(() => SupportMessage, { description: 'The message.' })
  message!: SupportMessageRecord;
}

/** Every concrete result type: the schema only contains object types some resolver or `orphanedTypes` names. */
export const SEARCH_RESULT_TYPES = [EntrySearchResult, DeedSearchResult, DeedItemSearchResult, ReflectionSearchResult, SupportMessageSearchResult];

@ApiObjectType('SearchResultEdge', { description: 'A search result with its cursor.' })
export class SearchResultEdge {
  @Field(() => String, { description: 'Opaque cursor.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'The result.' })
  node!: SearchResultValue;
}

@ApiObjectType('SearchResultConnection', { description: 'A page of search results, best first.' })
export class SearchResultConnection {
  @Field(() => [SearchResultEdge], { description: 'Results on this page.' })
  edges!: SearchResultEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of results for this query.' })
  totalCount!: number;
}
