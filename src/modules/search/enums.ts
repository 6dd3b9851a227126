import { apiEnum, type EnumValue } from '../../lib/api-enum';

/** What a search result is; the values are search_documents.kind. */
export const SearchKind = apiEnum('SearchKind', 'What a search result is.', {
  ENTRY: "An entry's notes.",
  DEED: "A deed's name or description.",
  DEED_ITEM: "A deed item's name or description.",
  REFLECTION: 'A reflection.',
  SUPPORT_MESSAGE: 'A message of the support conversation.',
});
export type SearchKind = EnumValue<typeof SearchKind>;

export const ALL_SEARCH_KINDS: readonly SearchKind[] = Object.values(SearchKind);

/** What a READ grantee may search in an owner's data (CONTRACT.md section 3: nothing else is shared). */
export const SHARED_SEARCH_KINDS: readonly SearchKind[] = [SearchKind.ENTRY, SearchKind.DEED_ITEM];
