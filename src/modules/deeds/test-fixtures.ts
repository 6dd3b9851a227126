import type { TestApp, TestUser } from '../../../test/helpers/test-app';

/** Helpers for the deeds tests: structure through the API, grants straight into the tables. */

export const ITEM_FIELDS = 'id name level displayOrder deletedAt parent { id }';

export async function createDeed(
  app: TestApp,
  user: TestUser,
  input: Record<string, unknown> = {},
): Promise<string> {
  const res = await app.gql(
    'mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { id } } }',
    { input: { name: 'Salah', category: 'HASANAAT', measureType: 'COUNT', ...input } },
    { token: user.token },
  );
  if (res.errors) throw new Error(`createDeed failed: ${JSON.stringify(res.errors)}`);
  return res.data!.createDeed.deed.id as string;
}

export async function createItem(
  app: TestApp,
  user: TestUser,
  deedId: string,
  name: string,
  options: { parentId?: string; displayOrder?: number } = {},
): Promise<string> {
  const res = await app.gql(
    'mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) { deedItem { id } } }',
    { input: { deedId, name, ...options } },
    { token: user.token },
  );
  if (res.errors) throw new Error(`createDeedItem failed: ${JSON.stringify(res.errors)}`);
  return res.data!.createDeedItem.deedItem.id as string;
}

/** A chain of `depth` items, each the child of the one before; returns their ids, root first. */
export async function createChain(app: TestApp, user: TestUser, deedId: string, depth: number, prefix = 'L'): Promise<string[]> {
  const ids: string[] = [];
  for (let level = 1; level <= depth; level += 1) {
    ids.push(await createItem(app, user, deedId, `${prefix}${level}`, ids.length ? { parentId: ids[ids.length - 1] } : {}));
  }
  return ids;
}

export interface ItemView {
  id: string;
  name: string;
  level: number;
  displayOrder: number;
  deletedAt: string | null;
  parent: { id: string } | null;
}

/** The deed's items as `user` sees them, in the API's order. */
export async function itemsOf(app: TestApp, user: TestUser, deedId: string, includeDeleted = false): Promise<ItemView[]> {
  const res = await app.gql(
    `query ($id: ID!, $inc: Boolean) { deed(id: $id) { items(includeDeleted: $inc) { ${ITEM_FIELDS} } } }`,
    { id: deedId, inc: includeDeleted },
    { token: user.token },
  );
  if (res.errors) throw new Error(`deed.items failed: ${JSON.stringify(res.errors)}`);
  return res.data!.deed.items as ItemView[];
}

/** Names in pre-order, indented by level, for readable tree assertions. */
export function outline(items: readonly ItemView[]): string[] {
  return items.map((item) => `${'  '.repeat(item.level - 1)}${item.name}#${item.displayOrder}`);
}

/**
 * An ACCEPTED relation grantee → owner and an active grant on `itemId`, written directly:
 * the social module owns the API for them and is tested there.
 */
export async function grant(
  app: TestApp,
  owner: TestUser,
  grantee: TestUser,
  itemId: string,
  type: 'READ' | 'WRITE' = 'READ',
): Promise<void> {
  const relation =
    (await app.prisma.relation.findFirst({ where: { requesterId: grantee.id, requesteeId: owner.id, deletedAt: null } })) ??
    (await app.prisma.relation.create({ data: { requesterId: grantee.id, requesteeId: owner.id, status: 'ACCEPTED' } }));
  await app.prisma.permission.create({
    data: { relationId: relation.id, deedItemId: BigInt(itemId), type, version: 1, isActive: true },
  });
}
