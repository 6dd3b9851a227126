import { invalidField } from '../../lib/errors';

/** CONTRACT.md section 8: a search query holds 1–200 characters and at most 12 words. */
export const MAX_SEARCH_QUERY_LENGTH = 200;
export const MAX_SEARCH_QUERY_TERMS = 12;

/** Shortest plain word that is also matched fuzzily against deed and item names. */
const MIN_FUZZY_TERM_LENGTH = 3;

/** Letters (any script), combining marks (Arabic harakat) and digits: what the `simple` parser makes words of. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_ONLY = /^[\p{L}\p{M}\p{N}]+$/u;

export interface SearchQuery {
  /** The trimmed query in websearch_to_tsquery syntax. */
  readonly text: string;
  /** The query when it is one plain word, for fuzzy name matching; otherwise null. */
  readonly fuzzyTerm: string | null;
}

/**
 * Checks a query in websearch syntax ("quoted phrase", `or`, `-word`) before it reaches the
 * database: not empty, not too long, not too many words, and at least one word that is not
 * negated, since a query of operators (or of exclusions only) searches for nothing.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.trim();
  if (text.length === 0) throw invalidField(['query'], 'query must not be empty', 'required');
  if (text.length > MAX_SEARCH_QUERY_LENGTH) {
    throw invalidField(['query'], `query must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`, 'maxLength');
  }
  const tokens = text.match(/"[^"]*"?|[^\s"]+/g) ?? [];
  const words = tokens.filter((token) => !/^or$/i.test(token)).flatMap((token) => token.match(WORD) ?? []);
  if (words.length > MAX_SEARCH_QUERY_TERMS) {
    throw invalidField(['query'], `query must have at most ${MAX_SEARCH_QUERY_TERMS} words`, 'maxTerms');
  }
  const searched = tokens.filter((token) => !token.startsWith('-') && !/^or$/i.test(token));
  if (!searched.some((token) => (token.match(WORD) ?? []).length > 0)) {
    throw invalidField(['query'], 'query must contain a word to search for', 'terms');
  }
  const only = tokens.length === 1 ? tokens[0]! : null;
  const fuzzyTerm = only !== null && WORD_ONLY.test(only) && [...only].length >= MIN_FUZZY_TERM_LENGTH ? only : null;
  return { text, fuzzyTerm };
}
