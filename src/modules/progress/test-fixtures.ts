import type { TestApp, TestUser } from '../../../test/helpers/test-app';

/**
 * Rows the progress tests build on, inserted directly (deeds, items, scales and grants have
 * their own modules and tests); merits, targets and entries go through the API.
 */

export interface CountTree {
  deedId: bigint;
  /** root → child → grandchild, plus a second root `sibling`. */
  root: bigint;
  child: bigint;
  grandchild: bigint;
  sibling: bigint;
}

export async function createCountTree(app: TestApp, owner: TestUser, name = 'Quran'): Promise<CountTree> {
  const deed = await app.prisma.deed.create({ data: { userId: owner.id, name, category: 'HASANAAT', measureType: 'COUNT' } });
  const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Root', level: 1 } });
  const child = await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'Child', level: 2 } });
  const grandchild = await app.prisma.deedItem.create({
    data: { deedId: deed.id, parentId: child.id, name: 'Grandchild', level: 3 },
  });
  const sibling = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Sibling', level: 1, displayOrder: 1 } });
  return { deedId: deed.id, root: root.id, child: child.id, grandchild: grandchild.id, sibling: sibling.id };
}

export interface ScaleTree {
  deedId: bigint;
  root: bigint;
  child: bigint;
  /** Missed, Late, On time. */
  values: { missed: bigint; late: bigint; onTime: bigint };
}

export async function createScaleTree(app: TestApp, owner: TestUser, name = 'Salah'): Promise<ScaleTree> {
  const deed = await app.prisma.deed.create({ data: { userId: owner.id, name, category: 'HASANAAT', measureType: 'SCALE' } });
  const root = await app.prisma.deedItem.create({ data: { deedId: deed.id, name: 'Fajr', level: 1 } });
  const child = await app.prisma.deedItem.create({ data: { deedId: deed.id, parentId: root.id, name: 'Sunnah', level: 2 } });
  const scale = await app.prisma.scale.create({
    data: {
      deedId: deed.id,
      version: 1,
      isActive: true,
      values: { create: [{ label: 'Missed', order: 1 }, { label: 'Late', order: 2 }, { label: 'On time', order: 3 }] },
    },
    include: { values: { orderBy: { order: 'asc' } } },
  });
  const [missed, late, onTime] = scale.values.map((value) => value.id);
  return { deedId: deed.id, root: root.id, child: child.id, values: { missed: missed!, late: late!, onTime: onTime! } };
}

/** An ACCEPTED relation grantee → owner with an active grant on `itemId` (and its subtree). */
export async function grant(app: TestApp, owner: TestUser, grantee: TestUser, itemId: bigint, type: 'READ' | 'WRITE'): Promise<void> {
  const relation =
    (await app.prisma.relation.findFirst({ where: { requesterId: grantee.id, requesteeId: owner.id, deletedAt: null } })) ??
    (await app.prisma.relation.create({
      data: { requesterId: grantee.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date() },
    }));
  await app.prisma.permission.create({ data: { relationId: relation.id, deedItemId: itemId, type, version: 1 } });
}

/** Runs a GraphQL operation as `user` and returns its data; any error fails the test with the errors shown. */
export async function gqlOk<T = any>(app: TestApp, user: TestUser, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await app.gql(query, variables, { token: user.token });
  if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export interface EntrySpec {
  item: bigint;
  date: string;
  count?: string;
  scaleValue?: bigint;
}

export const entryInput = (entry: EntrySpec) => ({
  deedItemId: String(entry.item),
  entryDate: entry.date,
  ...(entry.count !== undefined ? { count: entry.count } : {}),
  ...(entry.scaleValue !== undefined ? { scaleValueId: String(entry.scaleValue) } : {}),
});

export const ITEM_PROGRESS = 'achieved required percent complete';
export const GOAL_PROGRESS = 'complete completedItemCount itemCount percent';
export const GOAL_ITEM_FIELDS = `id deedItem { id } scaleValue { id } required progress { ${ITEM_PROGRESS} }`;
export const MERIT_FIELDS = `id name description completionLogic startDate durationDays endDate isActive status completedAt deletedAt
  deed { id } items { ${GOAL_ITEM_FIELDS} } progress { ${GOAL_PROGRESS} }`;
export const TARGET_FIELDS = `id name description completionLogic startDate endDate isActive status completedAt deletedAt
  items { ${GOAL_ITEM_FIELDS} } progress { ${GOAL_PROGRESS} }`;

/** Records entries through the API (one recordEntries call); returns the payload. */
export async function recordEntries(app: TestApp, user: TestUser, entries: EntrySpec[]): Promise<any> {
  const data = await gqlOk(
    app,
    user,
    `mutation ($input: RecordEntriesInput!) {
      recordEntries(input: $input) { results { outcome entry { id } } affectedMerits { id completedAt } affectedTargets { id completedAt } }
    }`,
    { input: { entries: entries.map(entryInput) } },
  );
  return data.recordEntries;
}

export async function createMerit(app: TestApp, user: TestUser, input: Record<string, unknown>): Promise<any> {
  const data = await gqlOk(app, user, `mutation ($input: CreateMeritInput!) { createMerit(input: $input) { merit { ${MERIT_FIELDS} } } }`, {
    input,
  });
  return data.createMerit.merit;
}

export async function createTarget(app: TestApp, user: TestUser, input: Record<string, unknown>): Promise<any> {
  const data = await gqlOk(app, user, `mutation ($input: CreateTargetInput!) { createTarget(input: $input) { target { ${TARGET_FIELDS} } } }`, {
    input,
  });
  return data.createTarget.target;
}

export async function meritById(app: TestApp, user: TestUser, id: string): Promise<any> {
  return (await gqlOk(app, user, `query ($id: ID!) { merit(id: $id) { ${MERIT_FIELDS} } }`, { id })).merit;
}

export async function targetById(app: TestApp, user: TestUser, id: string): Promise<any> {
  return (await gqlOk(app, user, `query ($id: ID!) { target(id: $id) { ${TARGET_FIELDS} } }`, { id })).target;
}

/** Row counts of everything a goal write may touch: a refused write must leave them all alone. */
export async function goalCounts(app: TestApp): Promise<Record<string, number>> {
  const [merits, meritItems, targets, targetItems, audit] = await Promise.all([
    app.prisma.merit.count(),
    app.prisma.meritItem.count(),
    app.prisma.target.count(),
    app.prisma.targetItem.count(),
    app.prisma.auditLog.count(),
  ]);
  return { merits, meritItems, targets, targetItems, audit };
}

/** `YYYY-MM-DD` plus `days`. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
