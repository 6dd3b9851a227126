import type { PrismaClient } from '../../generated/prisma/client';
import { invalidField, notFound } from '../../lib/errors';
import { connectionFromRows, pageSize, type Connection } from '../../lib/pagination';
import type { Viewer } from '../../auth/viewer';
import type { PermissionAuthority } from '../access/authority';
import type { DeedLoaders } from '../deeds/loaders';
import type { EntryLoaders } from '../entries/loaders';
import { reflectionFromRecord } from '../reflections/types';
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

/** The by-id loaders the matched objects come from (rows as the other fields expect them). */
type SearchNodeLoaders = Pick<EntryLoaders, 'entries'> & Pick<DeedLoaders, 'deeds' | 'deedItems'>;

interface PageRow {
  kind: SearchKind;
  sourceId: bigint;
  rank: number;
  rankText: string;
  headline: string;
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
    viewer: Viewer,
    access: { authority: PermissionAuthority; loaders: SearchNodeLoaders },
    args: SearchArgs,
  ): Promise<Connection<SearchResultValue>> {
    const query = parseSearchQuery(args.query);
    const first = pageSize(args.first);
    const after = args.after != null ? decodeSearchCursor(args.after) : null;
    if (args.kinds && args.kinds.length === 0) throw invalidField(['kinds'], 'kinds must name at least one kind', 'minItems');
    const ownerId = args.ownerId ?? viewer.id;
    let kinds = [...new Set(args.kinds ?? ALL_SEARCH_KINDS)];
    let grantedItemIds: bigint[] | null = null;
    if (ownerId !== viewer.id) {
      if (!(await access.authority.canReadSomethingOf(ownerId))) throw notFound('User');
      grantedItemIds = [...(await access.authority.grantedItems(ownerId)).keys()];
      kinds = kinds.filter((kind) => SHARED_SEARCH_KINDS.includes(kind));
    }
    const fuzzy = query.fuzzyTerm !== null && kinds.some((kind) => kind === 'DEED' || kind === 'DEED_ITEM') && (await this.hasTrigrams());
    const rows = await this.prisma.$queryRaw<SearchRow[]>(
      searchStatement({ ownerId, grantedItemIds, kinds, text: query.text, fuzzyTerm: fuzzy ? query.fuzzyTerm : null, first, after }),
    );
    const page: PageRow[] = rows
      .filter((row) => row.kind !== null)
      .map((row) => ({ kind: row.kind!, sourceId: row.source_id!, rank: row.rank!, rankText: row.rank_text!, headline: row.headline ?? '' }));
    const results = await this.withNodes(page.slice(0, first), access.loaders);
    // The row past the page (if any) only tells that another page follows.
    const connection = connectionFromRows(
      page.map((row, index) => ({ row, result: results[index] })),
      {
        first,
        after: args.after,
        totalCount: rows[0]?.total ?? 0,
        cursorOf: ({ row }) => encodeSearchCursor({ rank: row.rankText, kind: row.kind, sourceId: row.sourceId }),
      },
    );
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.result! })) };
  }

  /** The matched objects, one batched statement per kind on the page. */
  private async withNodes(page: PageRow[], loaders: SearchNodeLoaders): Promise<SearchResultValue[]> {
    const idsOf = (kind: SearchKind) => page.filter((row) => row.kind === kind).map((row) => row.sourceId);
    const [entries, deeds, items, reflections, messages] = await Promise.all([
      loaders.entries.loadMany(idsOf('ENTRY')),
      loaders.deeds.loadMany(idsOf('DEED')),
      loaders.deedItems.loadMany(idsOf('DEED_ITEM')),
      idsOf('REFLECTION').length ? this.prisma.reflectionMessage.findMany({ where: { id: { in: idsOf('REFLECTION') } } }) : [],
      idsOf('SUPPORT_MESSAGE').length
        ? this.prisma.message.findMany({
            where: { id: { in: idsOf('SUPPORT_MESSAGE') } },
            select: { id: true, sender: true, subject: true, content: true, readAt: true, createdAt: true },
          })
        : [],
    ]);
    const found = new Map<string, unknown>();
    const put = (kind: SearchKind, values: ReadonlyArray<unknown>) => {
      for (const value of values) {
        if (value && !(value instanceof Error)) found.set(`${kind}:${(value as { id: bigint }).id}`, value);
      }
    };
    put('ENTRY', entries);
    put('DEED', deeds);
    put('DEED_ITEM', items);
    put('REFLECTION', reflections);
    put('SUPPORT_MESSAGE', messages);
    return page.map((row) => {
      const node = found.get(`${row.kind}:${row.sourceId}`);
      // The statement saw the row a moment ago; only a hard delete in between removes it.
      if (!node) throw new Error(`search result ${row.kind} ${row.sourceId} vanished`);
      const base = { rank: row.rank, snippet: snippetFromHeadline(row.headline) };
      switch (row.kind) {
        case 'ENTRY':
          return { ...base, kind: row.kind, entry: node as never };
        case 'DEED':
          return { ...base, kind: row.kind, deed: node as never };
        case 'DEED_ITEM':
          return { ...base, kind: row.kind, deedItem: node as never };
        case 'REFLECTION':
          return { ...base, kind: row.kind, reflection: reflectionFromRecord(node as never) };
        case 'SUPPORT_MESSAGE':
          return { ...base, kind: row.kind, message: node as never };
      }
    });
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
