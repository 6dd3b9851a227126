import { registerEnumType } from 'type-graphql';

/** What a search result is; the values are search_documents.kind. */
export const SearchKind = {
  ENTRY: 'ENTRY',
  DEED: 'DEED',
  DEED_ITEM: 'DEED_ITEM',
  REFLECTION: 'REFLECTION',
  SUPPORT_MESSAGE: 'SUPPORT_MESSAGE',
} as const;
export type SearchKind = (typeof SearchKind)[keyof typeof SearchKind];

export const ALL_SEARCH_KINDS: readonly SearchKind[] = Object.values(SearchKind);

/** What a READ grantee may search in an owner's data (CONTRACT.md section 3: nothing else is shared). */
export const SHARED_SEARCH_KINDS: readonly SearchKind[] = [SearchKind.ENTRY, SearchKind.DEED_ITEM];

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'What a search result is.',
  valuesConfig: {
    ENTRY: { description: "An entry's notes." },
    DEED: { description: "A deed's name or description." },
    DEED_ITEM: { description: "A deed item's name or description." },
    REFLECTION: { description: 'A reflection.' },
    SUPPORT_MESSAGE: { description: 'A message of the support conversation.' },
  },
});
