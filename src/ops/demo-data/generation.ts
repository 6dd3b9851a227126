import { instantOn } from './clock';
import { TABLE_ORDER, type TableName } from './tables';

/**
 * Ids are handed out here, in generation order, starting after each table's largest id:
 * generation is sequential, so the same options give the same ids whatever the chunk size or
 * the number of connections writing.
 */
export class IdAllocator {
  private readonly last: Record<TableName, number>;

  constructor(start: Partial<Record<TableName, number>> = {}) {
    this.last = Object.fromEntries(TABLE_ORDER.map((table) => [table, start[table] ?? 0])) as Record<TableName, number>;
  }

  next(table: TableName): number {
    return ++this.last[table];
  }

  /** The largest id handed out per table (for the sequences afterwards). */
  highest(): Readonly<Record<TableName, number>> {
    return { ...this.last };
  }
}

/** What every generator needs to know about the run. */
export interface GenerationContext {
  readonly seed: string;
  readonly users: number;
  /** Last day with entries (day number). */
  readonly today: number;
  /** First day with entries: today − days + 1. */
  readonly firstDay: number;
  readonly days: number;
  readonly passwordHash: string;
  readonly ids: IdAllocator;
  /** No generated instant is later than this (noon UTC of the anchor day: already past). */
  readonly latestInstant: number;
}

export function generationContext(options: {
  seed: string;
  users: number;
  today: number;
  days: number;
  passwordHash: string;
  ids: IdAllocator;
}): GenerationContext {
  return {
    ...options,
    firstDay: options.today - options.days + 1,
    latestInstant: instantOn(options.today, 12 * 3600),
  };
}

/** `instant`, or the latest allowed instant when it would be later. */
export function clampInstant(ctx: GenerationContext, instant: number): number {
  return Math.min(instant, ctx.latestInstant);
}

/** The demo account for user number `index` (0-based): demo-1@example.com, demo-2@… */
export function demoEmail(index: number): string {
  return `demo-${index + 1}@example.com`;
}
