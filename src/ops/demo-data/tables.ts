/**
 * The tables demo data fills, their columns in COPY order (ids are given, not drawn from the
 * sequences, so every row can point at rows generated moments before), and batches of rows
 * in PostgreSQL's COPY text format.
 */

export const TABLES = {
  users: {
    id: 'user_id',
    columns: [
      'user_id', 'email', 'password_hash', 'full_name', 'email_verified', 'email_verified_at', 'timezone', 'locale',
      'theme', 'week_starts_on', 'default_dashboard_days', 'is_active', 'password_changed_at', 'last_login_at',
      'created_at', 'updated_at',
    ],
  },
  deeds: {
    id: 'deed_id',
    columns: [
      'deed_id', 'user_id', 'name', 'description', 'category_type', 'measure_type', 'is_active', 'display_order',
      'created_at', 'updated_at',
    ],
  },
  deed_items: {
    id: 'deed_item_id',
    columns: [
      'deed_item_id', 'deed_id', 'parent_deed_item_id', 'name', 'level', 'display_order', 'created_at', 'updated_at',
    ],
  },
  scales: {
    id: 'scale_id',
    columns: ['scale_id', 'deed_id', 'version', 'name', 'is_active', 'created_at', 'updated_at'],
  },
  scale_values: {
    id: 'scale_value_id',
    columns: ['scale_value_id', 'scale_id', 'value_name', 'value_order', 'created_at', 'updated_at'],
  },
  entries: {
    id: 'entry_id',
    columns: [
      'entry_id', 'user_id', 'created_by_user_id', 'deed_item_id', 'entry_date', 'scale_id', 'scale_value_id',
      'count_value', 'notes', 'created_at', 'updated_at',
    ],
  },
  entry_history: {
    id: 'entry_history_id',
    columns: [
      'entry_history_id', 'entry_id', 'action', 'changed_by_user_id', 'changed_at', 'old_scale_value_id',
      'old_count_value', 'old_notes', 'new_scale_value_id', 'new_count_value', 'new_notes',
    ],
  },
  merits: {
    id: 'merit_id',
    columns: [
      'merit_id', 'user_id', 'deed_id', 'name', 'completion_logic', 'start_date', 'duration_days', 'is_active',
      'created_at', 'updated_at',
    ],
  },
  merit_items: {
    id: 'merit_item_id',
    columns: ['merit_item_id', 'merit_id', 'deed_item_id', 'scale_value_id', 'required_amount', 'created_at', 'updated_at'],
  },
  targets: {
    id: 'target_id',
    columns: [
      'target_id', 'user_id', 'name', 'completion_logic', 'start_date', 'end_date', 'is_active', 'created_at',
      'updated_at',
    ],
  },
  target_items: {
    id: 'target_item_id',
    columns: ['target_item_id', 'target_id', 'deed_item_id', 'scale_value_id', 'required_amount', 'created_at', 'updated_at'],
  },
  notifications: {
    id: 'notification_id',
    columns: ['notification_id', 'user_id', 'notification_time', 'timezone', 'is_active', 'created_at', 'updated_at'],
  },
  reflection_messages: {
    id: 'reflection_message_id',
    columns: [
      'reflection_message_id', 'user_id', 'reflection_date', 'reflection_type', 'content', 'created_at', 'updated_at',
    ],
  },
  relations: {
    id: 'relation_id',
    columns: ['relation_id', 'requester_id', 'requestee_id', 'status', 'responded_at', 'created_at', 'updated_at'],
  },
  permissions: {
    id: 'permission_id',
    columns: [
      'permission_id', 'relation_id', 'deed_item_id', 'permission_type', 'version', 'is_active', 'granted_at',
      'revoked_at', 'created_at', 'updated_at',
    ],
  },
} as const;

export type TableName = keyof typeof TABLES;

/** Every table above, parents before children (the order a chunk is copied in). */
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/** A COPY text value: null is `\N`; strings are escaped; numbers and booleans as written. */
export type CopyValue = string | number | bigint | boolean | null;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 || code === 9 || code === 10 || code === 13) return true;
  }
  return false;
}

// Called for every value of millions of rows: no intermediate arrays, no regex on the fast path.
function encode(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return needsEscape(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** Rows of several tables on their way to the database, one COPY text per table. */
export class RowBatch {
  private readonly texts_ = new Map<TableName, { text: string; rows: number }>();

  add(table: TableName, values: readonly CopyValue[]): void {
    if (values.length !== TABLES[table].columns.length) {
      throw new Error(`${table}: ${values.length} values for ${TABLES[table].columns.length} columns`);
    }
    let line = encode(values[0]!);
    for (let i = 1; i < values.length; i++) line += `\t${encode(values[i]!)}`;
    const current = this.texts_.get(table);
    if (current) {
      current.text += `${line}\n`;
      current.rows++;
    } else {
      this.texts_.set(table, { text: `${line}\n`, rows: 1 });
    }
  }

  count(table: TableName): number {
    return this.texts_.get(table)?.rows ?? 0;
  }

  /** Removes and returns the rows of `tables` (default: all), in TABLE_ORDER, as COPY texts. */
  take(tables: readonly TableName[] = TABLE_ORDER): Array<{ table: TableName; rows: number; text: string }> {
    const taken = [];
    for (const table of TABLE_ORDER) {
      const current = this.texts_.get(table);
      if (!current || !tables.includes(table)) continue;
      taken.push({ table, rows: current.rows, text: current.text });
      this.texts_.delete(table);
    }
    return taken;
  }
}
