import { Prisma } from '../../generated/prisma/client';
import type { DeedItemRecord, DeedRecord } from './types';

/**
 * Deed and deed item rows in raw SQL, read back as the records Prisma returns, so a raw
 * query that joins them (item walks, the entries list) can fill the request's loaders. A
 * prefix lets them ride along another table's columns in the same result row.
 */

type Columns<Row> = Record<keyof Row, string>;

const DEED_COLUMNS = {
  id: 'deed_id',
  userId: 'user_id',
  name: 'name',
  description: 'description',
  category: 'category_type::text',
  measureType: 'measure_type::text',
  isActive: 'is_active',
  displayOrder: 'display_order',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
} satisfies Columns<DeedRecord>;

const ITEM_COLUMNS = {
  id: 'deed_item_id',
  deedId: 'deed_id',
  parentId: 'parent_deed_item_id',
  name: 'name',
  description: 'description',
  level: 'level',
  displayOrder: 'display_order',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
} satisfies Columns<DeedItemRecord>;

function select(columns: Record<string, string>, alias: string, prefix: string): Prisma.Sql {
  return Prisma.raw(
    Object.entries(columns)
      .map(([field, column]) => `${alias}.${column} AS "${prefix}${field}"`)
      .join(', '),
  );
}

function read<Row>(columns: Columns<Row>, row: Record<string, unknown>, prefix: string): Row {
  return Object.fromEntries(Object.keys(columns).map((field) => [field, row[`${prefix}${field}`]])) as Row;
}

/** The columns of `deeds` aliased `alias`, named `<prefix><field>`. */
export const deedColumns = (alias: string, prefix = ''): Prisma.Sql => select(DEED_COLUMNS, alias, prefix);

/** The columns of `deed_items` aliased `alias`, named `<prefix><field>`. */
export const itemColumns = (alias: string, prefix = ''): Prisma.Sql => select(ITEM_COLUMNS, alias, prefix);

/** The deed selected with deedColumns(…, prefix); null when the (outer-joined) row is absent. */
export function deedFrom(row: Record<string, unknown>, prefix: string): DeedRecord | null {
  return row[`${prefix}id`] === null || row[`${prefix}id`] === undefined ? null : read<DeedRecord>(DEED_COLUMNS, row, prefix);
}

/** The item selected with itemColumns(…, prefix); null when the (outer-joined) row is absent. */
export function itemFrom(row: Record<string, unknown>, prefix: string): DeedItemRecord | null {
  return row[`${prefix}id`] === null || row[`${prefix}id`] === undefined ? null : read<DeedItemRecord>(ITEM_COLUMNS, row, prefix);
}
