import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { PASSWORD, registerUser } from '../../test/helpers/accounts';
import { consecutiveDates, seedEntryGraph } from '../../test/helpers/entry-graph';
import { errorCode, startTestApp, type TestApp } from '../../test/helpers/test-app';
import { AccountPurgeJob } from '../jobs/account-purge';
import { LifecycleMetrics } from '../jobs/lifecycle-metrics';
import { archiveOldEntries } from './archive';
import { purgeDueAccounts, TOMBSTONE_USER_ID } from './account-purge';
import { jobLock } from './job-lock';

/**
 * Issue 14, part 1, over HTTP on two server instances sharing one database: the grace period
 * (grantees lose access at once, login says the account is scheduled, restoreAccount brings
 * it back), then the purge (run by both instances at once under the lock): no table holds the
 * user's id or email afterwards, and everyone else's rows are as before except for the
 * documented tombstone rule.
 */

const DELETE = 'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedUserId deletedAt purgeAfter } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const RESTORE = 'mutation ($input: RestoreAccountInput!) { restoreAccount(input: $input) { token user { id } } }';
const DEED = 'query ($id: ID!) { deed(id: $id) { id } }';
const ENTRY = 'query ($id: ID!) { entry(id: $id) { id createdBy { id fullName } history(first: 10) { edges { node { changedBy { id fullName } } } } } }';

const silent = pino({ level: 'silent' });

describe('account deletion, restore and purge (two instances)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { database: a.database });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  /** Me with my own data (live and archived), a friend I share with both ways, and on-behalf writes both ways. */
  async function world() {
    const me = await registerUser(a, { fullName: 'Leaving User' });
    const friend = await a.createUser({ fullName: 'Friend' });
    const myGraph = await seedEntryGraph(a.prisma, { users: [me.id], dates: [...consecutiveDates('2020-01-03', 3), ...consecutiveDates('2026-01-03', 3)] });
    const friendGraph = await seedEntryGraph(a.prisma, { users: [friend.id], dates: [...consecutiveDates('2020-01-03', 2), '2026-01-02'] });
    const myRoot = myGraph.items[0]!.countRoot;
    const friendRoot = friendGraph.items[0]!.countRoot;
    const myDeed = (await a.prisma.deedItem.findUniqueOrThrow({ where: { id: myRoot } })).deedId;

    // Both ways: friend → me (I grant the friend READ), me → friend (the friend grants me WRITE).
    const friendToMe = await a.prisma.relation.create({ data: { requesterId: friend.id, requesteeId: me.id, status: 'ACCEPTED', respondedAt: new Date() } });
    await a.prisma.permission.create({ data: { relationId: friendToMe.id, deedItemId: myRoot, type: 'READ', version: 1 } });
    const meToFriend = await a.prisma.relation.create({ data: { requesterId: me.id, requesteeId: friend.id, status: 'ACCEPTED', respondedAt: new Date() } });
    await a.prisma.permission.create({ data: { relationId: meToFriend.id, deedItemId: friendRoot, type: 'WRITE', version: 1 } });

    // I recorded on the friend's behalf (live and, once archived, old), and changed one of the friend's entries.
    const onBehalf = await a.prisma.entry.create({
      data: { userId: friend.id, createdByUserId: me.id, deedItemId: friendRoot, entryDate: new Date('2026-01-05'), count: '7',
        history: { create: { action: 'CREATED', changedByUserId: me.id, newCount: '7' } } },
    });
    const oldOnBehalf = await a.prisma.entry.create({
      data: { userId: friend.id, createdByUserId: me.id, deedItemId: friendRoot, entryDate: new Date('2019-06-01'), count: '2',
        history: { create: { action: 'CREATED', changedByUserId: me.id, newCount: '2' } } },
    });
    const friendsOwn = await a.prisma.entry.findFirstOrThrow({ where: { userId: friend.id, entryDate: new Date('2026-01-02'), deedItemId: friendRoot } });
    await a.prisma.entryHistory.create({ data: { entryId: friendsOwn.id, action: 'UPDATED', changedByUserId: me.id, oldCount: friendsOwn.count, newCount: friendsOwn.count } });
    // The friend also wrote on my behalf: that is my data and goes with me.
    await a.prisma.entry.create({ data: { userId: me.id, createdByUserId: friend.id, deedItemId: myRoot, entryDate: new Date('2026-01-06'), count: '1' } });

    await a.prisma.merit.create({ data: { userId: me.id, deedId: myDeed, name: 'Mine', startDate: new Date('2020-01-01'), items: { create: [{ deedItemId: myRoot, required: '5' }] } } });
    await a.prisma.target.create({ data: { userId: me.id, name: 'Mine', startDate: new Date('2026-01-01'), endDate: new Date('2026-02-01'), items: { create: [{ deedItemId: myRoot, required: '5' }] } } });
    await a.prisma.reflectionMessage.create({ data: { userId: me.id, reflectionDate: new Date('2026-01-01'), type: 'DAILY', content: 'mine' } });
    await a.prisma.message.create({ data: { userId: me.id, sender: 'USER', content: 'help' } });
    await a.prisma.notification.create({ data: { userId: me.id, notificationTime: new Date('1970-01-01T21:00:00Z'), timezone: 'UTC' } });
    await a.prisma.passwordResetToken.create({ data: { userId: me.id, tokenHash: randomBytes(32).toString('hex'), expiresAt: new Date(Date.now() + 3_600_000) } });
    // Login history, a failed login, and an audit row about me by the friend (a relation request).
    expect((await b.gql(LOGIN, { input: { email: me.email, password: PASSWORD } })).errors).toBeUndefined();
    expect(errorCode(await b.gql(LOGIN, { input: { email: me.email, password: 'wrong password!' } }))).toBe('UNAUTHENTICATED');
    await a.prisma.auditLog.create({ data: { action: 'LOGGED_IN', entityType: 'USER', entityId: friend.id, userId: friend.id, ipAddress: '10.9.9.9' } });
    await a.prisma.auditLog.create({
      data: { action: 'CREATED', entityType: 'RELATION', entityId: friendToMe.id, userId: friend.id, subjectUserId: me.id, ipAddress: '10.1.2.3',
        newValues: { status: 'PENDING', requesterId: friend.id.toString(), requesteeId: me.id.toString() } },
    });

    await archiveOldEntries(a.prisma, { afterDays: 730, today: '2026-01-10' });
    expect(await a.prisma.entryArchive.count({ where: { userId: me.id } })).toBeGreaterThan(0);
    expect(await a.prisma.entryArchive.count({ where: { id: oldOnBehalf.id } })).toBe(1);
    return { me, friend, myDeed, onBehalf, oldOnBehalf, friendsOwn };
  }

  it('deleting starts the grace period: grantees lose access at once; login says so; restoreAccount brings everything back', async () => {
    const w = await world();
    expect((await b.gql(DEED, { id: w.myDeed.toString() }, { token: w.friend.token })).data!.deed).toEqual({ id: w.myDeed.toString() });

    const deleted = await a.gql(DELETE, { input: { password: PASSWORD } }, { token: w.me.token });
    expect(deleted.errors).toBeUndefined();
    const { deletedAt, purgeAfter } = deleted.data!.deleteAccount;
    expect(new Date(purgeAfter).getTime() - new Date(deletedAt).getTime()).toBe(30 * 86_400_000);
    // The other instance refuses the friend at once.
    expect(errorCode(await b.gql(DEED, { id: w.myDeed.toString() }, { token: w.friend.token }))).toBe('NOT_FOUND');

    const wrong = await b.gql(LOGIN, { input: { email: w.me.email, password: 'not my password' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    const login = await b.gql(LOGIN, { input: { email: w.me.email, password: PASSWORD } });
    expect(login.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_DELETION_SCHEDULED', purgeAfter });

    expect(errorCode(await b.gql(RESTORE, { input: { email: w.me.email, password: 'not my password' } }))).toBe('UNAUTHENTICATED');
    const restored = await b.gql(RESTORE, { input: { email: w.me.email, password: PASSWORD } });
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreAccount.user.id).toBe(w.me.gid);
    expect((await a.gql('{ me { id } }', {}, { token: restored.data!.restoreAccount.token })).data!.me).toEqual({ id: w.me.gid });
    expect((await a.gql(DEED, { id: w.myDeed.toString() }, { token: w.friend.token })).data!.deed).toEqual({ id: w.myDeed.toString() });
    expect(await a.prisma.user.findUniqueOrThrow({ where: { id: w.me.id } })).toMatchObject({ deletedAt: null, purgeAfter: null, isActive: true });
    // Restoring twice: the account is live, nothing is scheduled.
    expect(errorCode(await b.gql(RESTORE, { input: { email: w.me.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
  });

  it('after the grace period both instances run the purge: it erases the account once and keeps everyone else’s rows', async () => {
    const w = await world();
    expect((await a.gql(DELETE, { input: { password: PASSWORD, reason: 'bye' } }, { token: w.me.token })).errors).toBeUndefined();
    const before = await othersFingerprint(a, w.me.id);

    // The grace period ends (time travel on the row), and a resumed purge is tested first:
    // a failure half-way (deeds refuse deletion) leaves the account due, the next run finishes.
    await a.updateUser(w.me.id, { purgeAfter: new Date(Date.now() - 1000) });
    expect(errorCode(await b.gql(RESTORE, { input: { email: w.me.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    await a.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await a.prisma.$executeRawUnsafe('CREATE TRIGGER refuse_deed_delete BEFORE DELETE ON deeds FOR EACH ROW EXECUTE FUNCTION refuse()');
    await expect(purgeDueAccounts(a.prisma, { batchSize: 3 })).rejects.toThrow(/refused/);
    expect(await a.prisma.entry.count({ where: { userId: w.me.id } })).toBe(0);
    expect(await a.prisma.user.count({ where: { id: w.me.id } })).toBe(1);
    await a.prisma.$executeRawUnsafe('DROP TRIGGER refuse_deed_delete ON deeds');
    await a.prisma.$executeRawUnsafe('DROP FUNCTION refuse()');

    const job = (app: TestApp) =>
      new AccountPurgeJob(app.prisma, { lock: jobLock(app.database.url), metrics: new LifecycleMetrics(), logger: silent }, { batchSize: 3 });
    const runs = await Promise.all([job(a).runOnce(), job(b).runOnce()]);
    expect(runs.reduce((sum, run) => sum + (run.rows.purged_accounts ?? 0), 0)).toBe(1);
    expect(runs.map((run) => run.outcome).every((outcome) => outcome === 'done' || outcome === 'skipped')).toBe(true);
    // Idempotent: nothing left to do.
    expect(await job(b).runOnce()).toEqual({ outcome: 'done', rows: { purged_accounts: 0, purged_rows: 0 } });

    expect(await tablesHolding(a, w.me.id, w.me.email)).toEqual([]);
    expect(await othersFingerprint(a, w.me.id)).toEqual(before);
    const purgeAudits = await a.prisma.auditLog.findMany({ where: { action: 'DELETED', entityType: 'USER', userId: null } });
    expect(purgeAudits).toHaveLength(1);
    expect(purgeAudits[0]!.newValues).toMatchObject({ purged: true });
    // Audit rows stay, anonymised: the friend's request keeps the friend's side, mine lose address and values.
    const aboutMe = await a.prisma.auditLog.findMany({ where: { OR: [{ userId: TOMBSTONE_USER_ID }, { subjectUserId: TOMBSTONE_USER_ID }] } });
    expect(aboutMe.length).toBeGreaterThanOrEqual(5); // created, logged in, login failed, deleted, the friend's request
    const request = aboutMe.find((row) => row.entityType === 'RELATION')!;
    expect(request).toMatchObject({ userId: w.friend.id, subjectUserId: TOMBSTONE_USER_ID, ipAddress: '10.1.2.3' });
    expect(request.newValues).toEqual({ status: 'PENDING', requesterId: w.friend.id.toString(), requesteeId: '0' });
    expect(aboutMe.filter((row) => row.userId !== w.friend.id).every((row) => row.ipAddress === null && row.userAgent === null)).toBe(true);

    // The friend's entries keep their author as the tombstone profile.
    const seen = await b.gql(ENTRY, { id: w.onBehalf.id.toString() }, { token: w.friend.token });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.entry.createdBy).toEqual({ id: TOMBSTONE_USER_ID.toString(), fullName: 'Deleted user' });
    expect(seen.data!.entry.history.edges[0].node.changedBy).toEqual({ id: '0', fullName: 'Deleted user' });
    expect(errorCode(await b.gql(LOGIN, { input: { email: w.me.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
  });
});

/** "table.column" of every column that still holds the user's id (user columns) or email (any text). */
async function tablesHolding(app: TestApp, userId: bigint, email: string): Promise<string[]> {
  const columns = await app.prisma.$queryRaw<Array<{ table: string; column: string }>>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type = 'bigint'
      AND (column_name LIKE '%user_id' OR column_name IN ('requester_id', 'requestee_id'))`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await app.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1`, userId);
    if (row!.n > 0n) found.push(`${table}.${column}`);
  }
  const [userRecord] = await app.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM audit_log WHERE table_name = 'USER' AND record_id = ${userId}`;
  if (userRecord!.n > 0n) found.push('audit_log.record_id');
  const tables = await app.prisma.$queryRaw<Array<{ table: string }>>`
    SELECT table_name AS table FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  for (const { table } of tables) {
    const [row] = await app.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${table}" t WHERE t::text ILIKE $1`, `%${email}%`);
    if (row!.n > 0n) found.push(`${table}: email`);
  }
  return found;
}

/**
 * Everyone else's rows, with the documented rule applied in advance: references to the user
 * read as the tombstone. md5 per table over rows in key order.
 */
async function othersFingerprint(app: TestApp, userId: bigint): Promise<Record<string, string>> {
  const u = userId.toString();
  const t = TOMBSTONE_USER_ID.toString();
  const queries: Record<string, string> = {
    users: `SELECT user_id, email, full_name, deleted_at FROM users WHERE user_id NOT IN (${u}, ${t})`,
    deeds: `SELECT * FROM deeds WHERE user_id <> ${u}`,
    deed_items: `SELECT i.* FROM deed_items i JOIN deeds d USING (deed_id) WHERE d.user_id <> ${u}`,
    entries: `SELECT entry_id, user_id, CASE WHEN created_by_user_id = ${u} THEN ${t} ELSE created_by_user_id END, deed_item_id, entry_date, count_value, scale_value_id, notes FROM entries WHERE user_id <> ${u}`,
    entries_archive: `SELECT entry_id, user_id, CASE WHEN created_by_user_id = ${u} THEN ${t} ELSE created_by_user_id END, deed_item_id, entry_date, count_value FROM entries_archive WHERE user_id <> ${u}`,
    entry_history: `SELECT h.entry_history_id, h.entry_id, h.action, CASE WHEN h.changed_by_user_id = ${u} THEN ${t} ELSE h.changed_by_user_id END, h.new_count_value FROM entry_history h JOIN entries e USING (entry_id) WHERE e.user_id <> ${u}`,
    entry_history_archive: `SELECT h.entry_history_id, h.entry_id, CASE WHEN h.changed_by_user_id = ${u} THEN ${t} ELSE h.changed_by_user_id END FROM entry_history_archive h JOIN entries_archive e USING (entry_id) WHERE e.user_id <> ${u}`,
    relations: `SELECT * FROM relations WHERE ${u} NOT IN (requester_id, requestee_id)`,
    permissions: `SELECT p.* FROM permissions p JOIN relations r USING (relation_id) WHERE ${u} NOT IN (r.requester_id, r.requestee_id)`,
    merits: `SELECT * FROM merits WHERE user_id <> ${u}`,
    targets: `SELECT * FROM targets WHERE user_id <> ${u}`,
    // Rows about the user are anonymised (checked on their own); the purge adds its own row.
    audit_log: `SELECT * FROM audit_log WHERE coalesce(user_id, -1) NOT IN (${u}, ${t}) AND coalesce(subject_user_id, -1) NOT IN (${u}, ${t})
      AND NOT (user_id IS NULL AND table_name = 'USER' AND new_values ? 'purged')`,
  };
  const result: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const [row] = await app.prisma.$queryRawUnsafe<Array<{ n: bigint; md5: string }>>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(q::text, E'\\n' ORDER BY q::text), '')) AS md5 FROM (${sql}) q`,
    );
    result[name] = `${row!.n}:${row!.md5}`;
  }
  return result;
}
