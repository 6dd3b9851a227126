import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { SYSTEM_ORIGIN, writeAudit } from '../modules/audit/audit-log';

/**
 * The purge of deleted accounts whose grace period is over (users.purge_after, set by
 * deleteAccount to deleted_at + ACCOUNT_PURGE_AFTER_DAYS). Every row of the account goes for
 * good: deeds, items, scales, entries and history (live and archived), relations and
 * permissions in both directions, merits, targets, reflections, support messages, reminders
 * and one-time tokens, and finally the user row.
 *
 * Other users' rows that point at the purged user are kept and re-pointed at the tombstone
 * user (TOMBSTONE_USER_ID, "Deleted user"), so nobody's own records are lost or broken:
 *  - entries the user recorded on someone else's behalf (created_by_user_id, live and archived);
 *  - history rows of someone else's entries the user changed (changed_by_user_id);
 *  - audit rows the user acted in or was the subject of (user_id, subject_user_id, and the
 *    record id of USER rows). Those rows stay for their retention period with the purged
 *    user's identifying data removed: email, full name and deletion reason from the values,
 *    the user's id inside requesterId/requesteeId, and the IP address and user agent of the
 *    requests the user made (or that were made against the account, e.g. failed logins).
 *
 * Batched, resumable and idempotent: each step is a loop of single-statement transactions
 * of at most `batchSize` rows that select what is still left to do, so a run stopped at any
 * point simply continues on the next run (the user row goes last, so the account stays due).
 * A restore (restoreAccount) is possible only while purge_after is in the future, and a purge
 * starts only once it has passed: the two never overlap. The caller holds the job lock
 * (src/ops/job-lock.ts), and the purge is audited as a system action without the user's id.
 */

/** The "Deleted user" profile other users' rows point at after a purge. Never a token subject (ids start at 1). */
export const TOMBSTONE_USER_ID = 0n;
export const TOMBSTONE_FULL_NAME = 'Deleted user';
const TOMBSTONE_EMAIL = 'deleted-user@kitaab.invalid';

export const DEFAULT_PURGE_BATCH_SIZE = 1000;

export interface PurgeOptions {
  batchSize?: number;
  /** Accounts per run (each is purged completely before the next). */
  maxAccounts?: number;
}

export interface PurgeResult {
  readonly accounts: number;
  /** Rows deleted or re-pointed, all tables together. */
  readonly rows: number;
  readonly complete: boolean;
}

type Db = Pick<PrismaClient, '$executeRaw'>;

/** One batch of a step: changes at most `limit` rows of what is left, and says how many. */
type Batch = (db: Db, userId: bigint, limit: number) => Promise<number>;

const TOMBSTONE = Prisma.sql`${TOMBSTONE_USER_ID}::bigint`;

// Personal values in audit rows' JSON: removed keys, and user-id keys re-pointed at the tombstone.
const scrubbed = (column: Prisma.Sql, userId: bigint) => Prisma.sql`CASE WHEN jsonb_typeof(${column}) = 'object' THEN
    (${column} - ARRAY['email', 'fullName', 'reason'])
    || CASE WHEN ${column}->>'requesterId' = ${userId.toString()}::text THEN jsonb_build_object('requesterId', ${TOMBSTONE_USER_ID.toString()}::text) ELSE '{}'::jsonb END
    || CASE WHEN ${column}->>'requesteeId' = ${userId.toString()}::text THEN jsonb_build_object('requesteeId', ${TOMBSTONE_USER_ID.toString()}::text) ELSE '{}'::jsonb END
  ELSE ${column} END`;

/**
 * The steps in order. Re-pointing comes before deleting, so the user row's RESTRICT foreign
 * keys never see a reference; deeds go after entries, which RESTRICT on their deed items.
 */
const STEPS: ReadonlyArray<readonly [name: string, batch: Batch]> = [
  ['others’ entries recorded by the user', (db, u, limit) => db.$executeRaw`
    UPDATE entries SET created_by_user_id = ${TOMBSTONE} WHERE entry_id IN (
      SELECT entry_id FROM entries WHERE created_by_user_id = ${u} AND user_id <> ${u} LIMIT ${limit})`],
  ['others’ archived entries recorded by the user', (db, u, limit) => db.$executeRaw`
    UPDATE entries_archive SET created_by_user_id = ${TOMBSTONE} WHERE entry_id IN (
      SELECT entry_id FROM entries_archive WHERE created_by_user_id = ${u} AND user_id <> ${u} LIMIT ${limit})`],
  ['history of others’ entries changed by the user', (db, u, limit) => db.$executeRaw`
    UPDATE entry_history SET changed_by_user_id = ${TOMBSTONE} WHERE entry_history_id IN (
      SELECT h.entry_history_id FROM entry_history h JOIN entries e ON e.entry_id = h.entry_id
      WHERE h.changed_by_user_id = ${u} AND e.user_id <> ${u} LIMIT ${limit})`],
  ['archived history of others’ entries changed by the user', (db, u, limit) => db.$executeRaw`
    UPDATE entry_history_archive SET changed_by_user_id = ${TOMBSTONE} WHERE entry_history_id IN (
      SELECT h.entry_history_id FROM entry_history_archive h JOIN entries_archive e ON e.entry_id = h.entry_id
      WHERE h.changed_by_user_id = ${u} AND e.user_id <> ${u} LIMIT ${limit})`],
  ['audit rows', (db, u, limit) => db.$executeRaw`
    UPDATE audit_log SET
      user_id = CASE WHEN user_id = ${u} THEN ${TOMBSTONE} ELSE user_id END,
      subject_user_id = CASE WHEN subject_user_id = ${u} THEN ${TOMBSTONE} ELSE subject_user_id END,
      record_id = CASE WHEN table_name = 'USER' AND record_id = ${u} THEN ${TOMBSTONE} ELSE record_id END,
      ip_address = CASE WHEN user_id = ${u} OR user_id IS NULL THEN NULL ELSE ip_address END,
      user_agent = CASE WHEN user_id = ${u} OR user_id IS NULL THEN NULL ELSE user_agent END,
      old_values = ${scrubbed(Prisma.sql`old_values`, u)},
      new_values = ${scrubbed(Prisma.sql`new_values`, u)}
    WHERE audit_log_id IN (
      SELECT audit_log_id FROM audit_log WHERE user_id = ${u}
      UNION SELECT audit_log_id FROM audit_log WHERE subject_user_id = ${u}
      LIMIT ${limit})`],
  ['entries (with their history)', (db, u, limit) => db.$executeRaw`
    DELETE FROM entries WHERE entry_id IN (SELECT entry_id FROM entries WHERE user_id = ${u} LIMIT ${limit})`],
  ['archived entries (with their history)', (db, u, limit) => db.$executeRaw`
    DELETE FROM entries_archive WHERE entry_id IN (SELECT entry_id FROM entries_archive WHERE user_id = ${u} LIMIT ${limit})`],
  ['relations (with their permissions)', (db, u, limit) => db.$executeRaw`
    DELETE FROM relations WHERE relation_id IN (
      SELECT relation_id FROM relations WHERE requester_id = ${u}
      UNION SELECT relation_id FROM relations WHERE requestee_id = ${u} LIMIT ${limit})`],
  ['merits', (db, u, limit) => db.$executeRaw`
    DELETE FROM merits WHERE merit_id IN (SELECT merit_id FROM merits WHERE user_id = ${u} LIMIT ${limit})`],
  ['targets', (db, u, limit) => db.$executeRaw`
    DELETE FROM targets WHERE target_id IN (SELECT target_id FROM targets WHERE user_id = ${u} LIMIT ${limit})`],
  // A deed takes its items, scales, grants on its items and goal items with it: a few per batch.
  ['deeds', (db, u, limit) => db.$executeRaw`
    DELETE FROM deeds WHERE deed_id IN (SELECT deed_id FROM deeds WHERE user_id = ${u} LIMIT ${Math.max(1, Math.floor(limit / 100))})`],
  ['reflections', (db, u, limit) => db.$executeRaw`
    DELETE FROM reflection_messages WHERE reflection_message_id IN (
      SELECT reflection_message_id FROM reflection_messages WHERE user_id = ${u} LIMIT ${limit})`],
  ['support messages', (db, u, limit) => db.$executeRaw`
    DELETE FROM messages WHERE message_id IN (SELECT message_id FROM messages WHERE user_id = ${u} LIMIT ${limit})`],
];

/** Due accounts, oldest due first. */
async function dueAccounts(prisma: PrismaClient, limit: number): Promise<bigint[]> {
  const rows = await prisma.$queryRaw<Array<{ id: bigint }>>`
    SELECT user_id AS id FROM users
    WHERE purge_after <= clock_timestamp() AND deleted_at IS NOT NULL AND user_id <> ${TOMBSTONE}
    ORDER BY purge_after, user_id LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

async function ensureTombstone(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO users (user_id, email, password_hash, full_name, email_verified, is_active, deleted_at, updated_at)
    VALUES (${TOMBSTONE}, ${TOMBSTONE_EMAIL}, '!', ${TOMBSTONE_FULL_NAME}, false, false, now(), now())
    ON CONFLICT (user_id) DO NOTHING`;
}

/**
 * Purges one due account completely; 0 rows if it is not due (any more). Each statement is
 * its own transaction. The last one deletes the user row (tokens, reminders and anything the
 * steps left cascade with it) and writes the system audit row, together.
 */
export async function purgeAccount(prisma: PrismaClient, userId: bigint, batchSize = DEFAULT_PURGE_BATCH_SIZE): Promise<number> {
  // Waits for a restore that holds the row, then sees its outcome.
  const [due] = await prisma.$queryRaw<Array<{ deletedAt: Date; purgeAfter: Date }>>`
    SELECT deleted_at AS "deletedAt", purge_after AS "purgeAfter" FROM users
    WHERE user_id = ${userId} AND purge_after <= clock_timestamp() AND deleted_at IS NOT NULL FOR UPDATE`;
  if (!due) return 0;
  let rows = 0;
  for (const [, batch] of STEPS) {
    // Until a batch finds nothing left: a step's batch may be smaller than batchSize (deeds).
    for (let changed = -1; changed !== 0; ) {
      changed = await batch(prisma, userId, batchSize);
      rows += changed;
    }
  }
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.$executeRaw`DELETE FROM users WHERE user_id = ${userId}`;
    if (deleted === 0) return;
    rows += deleted;
    await writeAudit(tx, SYSTEM_ORIGIN, {
      action: 'DELETED',
      entityType: 'USER',
      actorId: null,
      newValues: { purged: true, deletedOn: due.deletedAt.toISOString().slice(0, 10), rows },
    });
  });
  return rows;
}

/** Purges every account whose grace period is over, one after the other (the caller holds the job lock). */
export async function purgeDueAccounts(prisma: PrismaClient, options: PurgeOptions = {}): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  const maxAccounts = options.maxAccounts ?? 100;
  const due = await dueAccounts(prisma, maxAccounts + 1);
  if (due.length === 0) return { accounts: 0, rows: 0, complete: true };
  await ensureTombstone(prisma);
  let accounts = 0;
  let rows = 0;
  for (const userId of due.slice(0, maxAccounts)) {
    const purged = await purgeAccount(prisma, userId, batchSize);
    if (purged > 0) accounts += 1;
    rows += purged;
  }
  return { accounts, rows, complete: due.length <= maxAccounts };
}
