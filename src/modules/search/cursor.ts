import { decodeCursor, encodeCursor, invalidCursor } from '../../lib/pagination';
import { ALL_SEARCH_KINDS, type SearchKind } from './enums';
import type { SearchPosition } from './search-sql';

/** A result's place in the order (rank, kind, id, all descending); rank as PostgreSQL printed it. */
export function encodeSearchCursor(position: SearchPosition): string {
  return encodeCursor([position.rank, position.kind, position.sourceId.toString()]);
}

export function decodeSearchCursor(after: string): SearchPosition {
  const [rank, kind, id] = decodeCursor(after, 3);
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(rank!) || !ALL_SEARCH_KINDS.includes(kind as SearchKind) || !/^\d{1,19}$/.test(id!)) {
    throw invalidCursor();
  }
  return { rank: rank!, kind: kind as SearchKind, sourceId: BigInt(id!) };
}
