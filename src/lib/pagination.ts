import 'reflect-metadata';
import { Field } from 'type-graphql';
import { badUserInput, invalidField } from './errors';
import { ApiObjectType } from './api-object-type';

/**
 * Forward-only cursor pagination (CONTRACT.md section 8): `first` 1–100 (default 20),
 * opaque cursors, exact `totalCount`. Each connection type keeps its own GraphQL classes
 * (their descriptions differ in the contract) and shares `PageInfo` and these helpers.
 *
 * A cursor is base64url(JSON array of strings): the row's sort key followed by its id, so
 * a page continues strictly after the row it came from, whatever was inserted meanwhile.
 *
 * reflect-metadata is imported here because loaders import this file, and loaders load
 * (through the context) before the schema module that otherwise imports it first.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ApiObjectType('PageInfo', { description: 'Relay page information (forward pagination only).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow endCursor.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when `after` was supplied (backward paging is not supported).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null when empty.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass as `after` for the next page; null when empty.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

/** An edge whose cursor is encoded when read: pages are mostly read without `cursor`. */
class LazyCursorEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The validated page size. `path` is where `first` sits in the operation's arguments
 * (`['first']` for a root field's argument).
 */
export function pageSize(first: number | null | undefined, path: ReadonlyArray<string | number> = ['first']): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw invalidField(path, `first must be between 1 and ${MAX_PAGE_SIZE}`, 'range');
  }
  return first;
}

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The error for a cursor this server did not issue (or issued for another list). */
export function invalidCursor(path: ReadonlyArray<string | number> = ['after']): Error {
  return badUserInput('after is not a valid cursor', {
    fieldErrors: [{ path, message: 'after is not a valid cursor', constraint: 'cursor' }],
  });
}

/**
 * The parts of a cursor with exactly `arity` string parts; BAD_USER_INPUT otherwise.
 * Callers check the parts' own formats (dates, ids) and throw `invalidCursor()` if they fail.
 */
export function decodeCursor(after: string, arity: number, path: ReadonlyArray<string | number> = ['after']): string[] {
  let parts: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(after)) throw new Error('not base64url');
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(path);
  }
  if (!Array.isArray(parts) || parts.length !== arity || !parts.every((p) => typeof p === 'string')) {
    throw invalidCursor(path);
  }
  return parts as string[];
}

/**
 * Builds the connection from rows fetched with `LIMIT first + 1` (the extra row only tells
 * whether another page follows) and the exact count of all matching rows.
 */
export function connectionFromRows<T>(
  rows: readonly T[],
  options: { first: number; after: string | null | undefined; totalCount: number; cursorOf: (row: T) => string },
): Connection<T> {
  const page = rows.slice(0, options.first);
  const edges = page.map((node) => new LazyCursorEdge(node, options.cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: options.after !== undefined && options.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: options.totalCount,
  };
}
