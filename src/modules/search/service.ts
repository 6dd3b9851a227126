import type { PrismaClient } from '../../generated/prisma/client';
import { invalidField } from '../../lib/errors';
import { connectionFromRows, pageSize, type Connection } from '../../lib/pagination';
import type { Actor } from '../context-types';
import { decodeSearchCursor, encodeSearchCursor } from './cursor';
import { ALL_SEARCH_KINDS, SHARED_SEARCH_KINDS, type SearchKind } from './enums';
import { parseSearchQuery } from './query-text';
import { searchStatement, type SearchRow } from './search-sql';
import { snippetFromHeadline } from './snippet';
import type { SearchResultValue } from './types';

export interface SearchArgs {
  query: string;
  kinds?: SearchKind[] | null;
  ownerId?: bigint | null;
  first?: number | null;
  after?: string | null;
}

/**
 * Full-text search over the viewer's own texts, or over what the viewer may READ of another
 * owner (entry notes and item names on granted items only). The authority decides what is
 * readable; the statement in search-sql.ts applies it.
 */
export class SearchService {
  /** Whether pg_trgm is installed (fuzzy name matching), asked once per process. */
  private trigramsInstalled: Promise<boolean> | undefined;

  constructor(private readonly prisma: PrismaClient) {}

  async search(
    actor: Actor,
    args: SearchArgs,
  ): Promise<Connection<SearchResultValue>> {
    const query = parseSearchQuery(args.query);
    const first = pageSize(args.first);
    const after = args.after != null ? decodeSearchCursor(args.after) : null;
    if (args.kinds && args.kinds.length === 0) throw invalidField(['kinds'], 'kinds must name at least one kind', 'minItems');
    const ownerId = args.ownerId ?? actor.viewerId;
    let kinds = [...new Set(args.kinds ?? ALL_SEARCH_KINDS)];
    let grantedItemIds: bigint[] | null = null;
    const readScope = await actor.authority.requireReadScopeOf(ownerId);
    if (!readScope.owner) {
      grantedItemIds = [...readScope.items.keys()];
      kinds = kinds.filter((kind) => SHARED_SEARCH_KINDS.includes(kind));
    }
    const fuzzy = query.fuzzyTerm !== null && kinds.some((kind) => kind === 'DEED' || kind === 'DEED_ITEM') && (await this.hasTrigrams());
    const rows = await this.prisma.$queryRaw<SearchRow[]>(
      searchStatement({ ownerId, grantedItemIds, kinds, text: query.text, fuzzyTerm: fuzzy ? query.fuzzyTerm : null, first, after }),
    );
    const page = rows
      .filter((row) => row.kind !== null)
      .map((row) => ({
        result: { kind: row.kind!, sourceId: row.source_id!, rank: row.rank!, snippet: snippetFromHeadline(row.headline ?? '') },
        rankText: row.rank_text!,
      }));
    // The row past the page (if any) only tells that another page follows.
    const connection = connectionFromRows(page, {
      first,
      after: args.after,
      totalCount: rows[0]?.total ?? 0,
      cursorOf: ({ result, rankText }) => encodeSearchCursor({ rank: rankText, kind: result.kind, sourceId: result.sourceId }),
    });
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.result })) };
  }

  private hasTrigrams(): Promise<boolean> {
    this.trigramsInstalled ??= this.prisma
      .$queryRaw<Array<{ installed: boolean }>>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed`
      .then((rows) => rows[0]?.installed === true)
      .catch((error: unknown) => {
        this.trigramsInstalled = undefined;
        throw error;
      });
    return this.trigramsInstalled;
  }
}
