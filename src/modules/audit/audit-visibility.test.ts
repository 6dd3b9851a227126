import fs from 'node:fs/promises';
import path from 'node:path';
import { connect, createItems, grant } from '../../../test/fixtures/social';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import type { Prisma } from '../../generated/prisma/client';
import { AUDIT_ACTIONS, type AuditAction } from './enums';

/**
 * Who reads which audit row (issue 11 item 6; CONTRACT.md section 3, "Audit events"), over
 * HTTP through both readers of the log: `auditEvents` and `exportMyData`. Every action of the
 * enum must have its cases here: a new action without a visibility decision fails the first
 * test. The shapes are the ones the writers produce (src/**: writeAudit calls).
 *
 * Roles: `owner` grants READ to `reader` and WRITE to `writer`; `other` is a second party
 * (the other side of a relation, a support account); `stranger` has no tie to anyone.
 */

type Role = 'owner' | 'other' | 'reader' | 'writer' | 'stranger';
const ROLES: readonly Role[] = ['owner', 'other', 'reader', 'writer', 'stranger'];

interface Case {
  name: string;
  entityType: string;
  actor: Role | null;
  subject?: Role;
  oldValues?: Prisma.InputJsonObject;
  newValues?: Prisma.InputJsonObject;
  seenBy: Role[];
}

const own = (name: string, entityType: string): Case => ({ name, entityType, actor: 'owner', seenBy: ['owner'] });
const systemToOwner = (name: string, entityType: string): Case => ({ name, entityType, actor: null, subject: 'owner', seenBy: ['owner'] });
const staffOnly = (name: string): Case => ({ name, entityType: 'SUPPORT_THREAD', actor: 'other', seenBy: ['other'] });

const CASES: Record<AuditAction, Case[]> = {
  CREATED: [
    own('owner creates a deed', 'DEED'),
    { name: 'other sends the owner a request', entityType: 'RELATION', actor: 'other', subject: 'owner', seenBy: ['owner', 'other'] },
  ],
  UPDATED: [
    own('owner renames a merit', 'MERIT'),
    { name: 'owner accepts a request', entityType: 'RELATION', actor: 'owner', subject: 'other', seenBy: ['owner', 'other'] },
    { name: 'writer changes an entry (legacy shape)', entityType: 'ENTRY', actor: 'writer', subject: 'owner', seenBy: ['owner', 'writer'] },
  ],
  DELETED: [
    own('owner deletes a deed', 'DEED'),
    {
      name: 'owner removes a relation',
      entityType: 'RELATION',
      actor: 'owner',
      subject: 'other',
      oldValues: { status: 'ACCEPTED' },
      seenBy: ['owner', 'other'],
    },
    {
      name: 'owner unblocks other',
      entityType: 'RELATION',
      actor: 'owner',
      subject: 'other',
      oldValues: { status: 'BLOCKED' },
      seenBy: ['owner'],
    },
  ],
  RESTORED: [own('owner restores an item', 'DEED_ITEM'), own('owner restores the account', 'USER')],
  LOGGED_IN: [own('owner logs in', 'USER')],
  LOGIN_FAILED: [systemToOwner('someone fails to log in as owner', 'USER')],
  EMAIL_VERIFIED: [own('owner verifies the address', 'USER')],
  PASSWORD_CHANGED: [own('owner changes the password', 'USER')],
  PASSWORD_RESET: [own('owner resets the password', 'USER')],
  DATA_EXPORTED: [own('owner exports', 'USER')],
  PERMISSION_GRANTED: [
    { name: 'owner grants reader', entityType: 'PERMISSION', actor: 'owner', subject: 'reader', seenBy: ['owner', 'reader'] },
  ],
  PERMISSION_REVOKED: [
    {
      name: 'owner revokes writer',
      entityType: 'PERMISSION',
      actor: 'owner',
      subject: 'writer',
      newValues: { isActive: false },
      seenBy: ['owner', 'writer'],
    },
    {
      name: 'a removal ends reader’s grant',
      entityType: 'PERMISSION',
      actor: 'owner',
      subject: 'reader',
      newValues: { isActive: false, reason: 'RELATION_ENDED' },
      seenBy: ['owner', 'reader'],
    },
    {
      name: 'owner’s block of reader ends reader’s grant',
      entityType: 'PERMISSION',
      actor: 'owner',
      subject: 'reader',
      newValues: { isActive: false, reason: 'USER_BLOCKED' },
      seenBy: ['owner'],
    },
  ],
  USER_BLOCKED: [
    {
      name: 'owner blocks other',
      entityType: 'RELATION',
      actor: 'owner',
      subject: 'other',
      newValues: { status: 'BLOCKED' },
      seenBy: ['owner'],
    },
  ],
  WRITTEN_ON_BEHALF: [
    { name: 'writer records for owner', entityType: 'ENTRY', actor: 'writer', subject: 'owner', seenBy: ['owner', 'writer'] },
  ],
  REMINDER_SENT: [systemToOwner('the reminder job mails owner', 'REMINDER_SETTING')],
  COMPLETED: [
    own('owner’s entry completes a merit', 'MERIT'),
    systemToOwner('writer’s entry (or the backstop) completes a target', 'TARGET'),
    {
      name: 'writer named as actor of a completion (rows written before the rule)',
      entityType: 'MERIT',
      actor: 'writer',
      subject: 'owner',
      seenBy: ['owner'],
    },
  ],
  ROLE_CHANGED: [systemToOwner('the command line makes owner support staff', 'USER')],
  SUPPORT_THREAD_VIEWED: [staffOnly('support reads a thread')],
  SUPPORT_REPLIED: [
    staffOnly('support replies'),
    { name: 'support reply naming the user', entityType: 'SUPPORT_THREAD', actor: 'other', subject: 'owner', seenBy: ['other'] },
  ],
  SUPPORT_THREAD_RESOLVED: [staffOnly('support resolves a thread')],
  SUPPORT_THREAD_REOPENED: [staffOnly('support reopens a thread')],
};

const EVENTS = `query ($after: String) {
  auditEvents(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;
const EXPORT = `mutation { exportMyData(input: { includeDeleted: true }) { data } }`;

describe('audit visibility: every action, every role, both readers', () => {
  let app: TestApp;
  const users = {} as Record<Role, TestUser>;
  /** Inserted row id → its case. */
  const rows = new Map<string, { action: AuditAction; kase: Case }>();
  /** Per role, the inserted row ids each reader shows it. */
  const seen = {} as Record<Role, { events: Set<string>; exported: Set<string> }>;

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES) users[role] = await app.createUser({ fullName: role });
    // Real grants: the reader and the writer are the owner's grantees.
    const items = await createItems(app, users.owner);
    await grant(app, users.owner, await connect(app, users.reader, users.owner), items.rootId, 'READ');
    await grant(app, users.owner, await connect(app, users.writer, users.owner), items.rootId, 'WRITE');

    let minute = 0;
    for (const action of AUDIT_ACTIONS) {
      for (const kase of CASES[action] ?? []) {
        const row = await app.prisma.auditLog.create({
          data: {
            action,
            entityType: kase.entityType,
            entityId: 1000n + BigInt(minute),
            userId: kase.actor ? users[kase.actor].id : null,
            subjectUserId: kase.subject ? users[kase.subject].id : null,
            oldValues: kase.oldValues,
            newValues: kase.newValues ?? { case: kase.name },
            ipAddress: '198.51.100.9',
            createdAt: new Date(Date.parse('2025-03-01T00:00:00Z') + minute * 60_000),
          },
        });
        rows.set(row.id.toString(), { action, kase });
        minute += 1;
      }
    }

    for (const role of ROLES) {
      const token = users[role].token;
      const events = new Set<string>();
      let after: string | null = null;
      do {
        const page: any = await app.gql(EVENTS, { after }, { token });
        expect(page.errors).toBeUndefined();
        for (const edge of page.data.auditEvents.edges) events.add(edge.node.id);
        after = page.data.auditEvents.pageInfo.hasNextPage ? page.data.auditEvents.pageInfo.endCursor : null;
      } while (after);
      const exported = await app.gql(EXPORT, undefined, { token });
      expect(exported.errors).toBeUndefined();
      const exportedIds = new Set<string>(exported.data!.exportMyData.data.auditEvents.map((event: { id: string }) => event.id));
      seen[role] = { events, exported: exportedIds };
    }
  });
  afterAll(() => app.stop());

  it.each(AUDIT_ACTIONS)('%s has a visibility decision here', (action) => {
    expect(CASES[action]?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(AUDIT_ACTIONS)('%s: each case is read by exactly its audience, in auditEvents and in exportMyData', (action) => {
    for (const [id, { action: rowAction, kase }] of rows) {
      if (rowAction !== action) continue;
      const readers = (reader: 'events' | 'exported') => ROLES.filter((role) => seen[role][reader].has(id));
      const expected = [...kase.seenBy].sort();
      expect({ case: kase.name, auditEvents: readers('events').sort() }).toEqual({ case: kase.name, auditEvents: expected });
      expect({ case: kase.name, exportMyData: readers('exported').sort() }).toEqual({ case: kase.name, exportMyData: expected });
    }
  });

  it('the READ grantee, the WRITE grantee and the stranger read none of the owner’s rows they are not a party to', () => {
    for (const role of ['reader', 'writer', 'stranger'] as const) {
      for (const reader of ['events', 'exported'] as const) {
        const leaked = [...seen[role][reader]]
          .map((id) => rows.get(id))
          .filter((row) => row && row.kase.actor !== role && row.kase.subject !== role);
        expect({ role, reader, leaked }).toEqual({ role, reader, leaked: [] });
      }
    }
  });
});

describe('migration 20261201230000_audit_block_revocations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('marks the revocations older blocks wrote, so the blocked user no longer reads them; other revocations stay', async () => {
    const [blocker, blocked, friend] = [await app.createUser(), await app.createUser(), await app.createUser()];
    const blockedRelation = await app.prisma.relation.create({ data: { requesterId: blocked.id, requesteeId: blocker.id, status: 'BLOCKED' } });
    const liveRelation = await app.prisma.relation.create({ data: { requesterId: friend.id, requesteeId: blocker.id, status: 'ACCEPTED' } });
    const revocation = (relationId: bigint, subject: TestUser) =>
      app.prisma.auditLog.create({
        data: {
          action: 'PERMISSION_REVOKED',
          entityType: 'PERMISSION',
          entityId: 1n,
          userId: blocker.id,
          subjectUserId: subject.id,
          newValues: { isActive: false, relationId: relationId.toString(), deedItemId: '1', reason: 'RELATION_ENDED' },
        },
      });
    const byBlock = await revocation(blockedRelation.id, blocked);
    const byRemoval = await revocation(liveRelation.id, friend);
    const seenBy = async (user: TestUser) =>
      (await app.gql(`{ auditEvents(first: 100) { edges { node { id } } } }`, undefined, { token: user.token })).data!.auditEvents.edges.map(
        (edge: { node: { id: string } }) => edge.node.id,
      );
    expect(await seenBy(blocked)).toEqual([byBlock.id.toString()]);

    const sql = await fs.readFile(path.join(__dirname, '../../../prisma/migrations/20261201230000_audit_block_revocations/migration.sql'), 'utf8');
    await app.prisma.$executeRawUnsafe(sql);

    const reasonOf = async (id: bigint) => ((await app.prisma.auditLog.findUniqueOrThrow({ where: { id } })).newValues as { reason: string }).reason;
    expect([await reasonOf(byBlock.id), await reasonOf(byRemoval.id)]).toEqual(['USER_BLOCKED', 'RELATION_ENDED']);
    expect(await seenBy(blocked)).toEqual([]);
    expect(await seenBy(friend)).toEqual([byRemoval.id.toString()]);
    expect((await seenBy(blocker)).sort()).toEqual([byBlock.id.toString(), byRemoval.id.toString()].sort());
  });
});
