import { Prisma } from '../../generated/prisma/client';
import { epochMillis } from '../../lib/sql';
import type { DeedItemRecord, DeedRecord } from './types';

/**
 * Deed and deed item rows in raw SQL, read back as the records Prisma returns, so a raw
 * query that joins them (item walks, the entries list) can fill the request's loaders. A
 * prefix lets them ride along another table's columns in the same result row; as JSON, a
 * list of them rides in one value (ids as text: JSON numbers lose bigint precision;
 * timestamps as milliseconds since the epoch, `epochMillis`).
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

const BIGINT_FIELDS = new Set(['id', 'userId', 'deedId', 'parentId']);
const DATE_FIELDS = new Set(['createdAt', 'updatedAt', 'deletedAt']);

function jsonObject(columns: Record<string, string>, alias: string): Prisma.Sql {
  return Prisma.raw(
    `json_build_object(${Object.entries(columns)
      .map(([field, column]) => `'${field}', ${jsonValue(field, `${alias}.${column}`)}`)
      .join(', ')})`,
  );
}

function jsonValue(field: string, column: string): string {
  if (BIGINT_FIELDS.has(field)) return `${column}::text`;
  return DATE_FIELDS.has(field) ? epochMillis(column) : column;
}

/**
 * The reader of `jsonObject(columns)`'s objects: the fields in one fixed order, so every row
 * it makes has the same shape (a page's items go through it one by one).
 */
function jsonReader<Row>(columns: Columns<Row>): (value: Record<string, unknown>) => Row {
  const fields = Object.keys(columns).map((field) => ({ field, bigint: BIGINT_FIELDS.has(field), date: DATE_FIELDS.has(field) }));
  return (value) => {
    const row: Record<string, unknown> = {};
    for (const { field, bigint, date } of fields) {
      const raw = value[field];
      row[field] = raw === null ? null : bigint ? BigInt(raw as string) : date ? new Date(raw as number) : raw;
    }
    return row as Row;
  };
}

/** The columns of `deed_items` aliased `alias`, named `<prefix><field>`. */
export const itemColumns = (alias: string, prefix = ''): Prisma.Sql => select(ITEM_COLUMNS, alias, prefix);

/** A `deeds` row of `alias` as one JSON object (aggregate it with json_agg); read with deedFromJson. */
export const deedJson = (alias: string): Prisma.Sql => jsonObject(DEED_COLUMNS, alias);

/** A `deed_items` row of `alias` as one JSON object (aggregate it with json_agg); read with itemFromJson. */
export const itemJson = (alias: string): Prisma.Sql => jsonObject(ITEM_COLUMNS, alias);

export const deedFromJson: (value: Record<string, unknown>) => DeedRecord = jsonReader<DeedRecord>(DEED_COLUMNS);

export const itemFromJson: (value: Record<string, unknown>) => DeedItemRecord = jsonReader<DeedItemRecord>(ITEM_COLUMNS);
