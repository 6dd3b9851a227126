import { deedLists, deedLookups } from './deed-operations';
import { entryReads, entryWrites } from './entry-operations';
import { matrix } from './matrix';
import type { Operation } from './operations';
import { socialReads } from './social-operations';
import { buildWorld, type World } from './world';

/**
 * The same cells on a world where grant rows sit on relations that are not ACCEPTED: an
 * active WRITE grant on A through the PENDING, REJECTED and BLOCKED relations, and through a
 * removed (soft-deleted) ACCEPTED relation of Stranger's. The API never leaves such rows
 * (grants need an ACCEPTED relation; ending one revokes its grants), so they are inserted
 * directly: access must come from the relation's state, not from the row alone, and every
 * outcome stays exactly what the clean world gives.
 */

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  const { prisma } = world.app;
  const a = BigInt(world.items.a);
  const grantOn = async (relationId: bigint) => {
    const latest = await prisma.permission.aggregate({ where: { relationId, deedItemId: a }, _max: { version: true } });
    const version = (latest._max.version ?? 0) + 1;
    await prisma.permission.create({ data: { relationId, deedItemId: a, type: 'WRITE', version, isActive: true } });
  };
  for (const party of ['pending', 'rejected', 'blocked'] as const) await grantOn(BigInt(world.relations[party]));
  const { stranger, owner } = world.users;
  const removed = await prisma.relation.create({
    data: { requesterId: stranger.id, requesteeId: owner.id, status: 'ACCEPTED', respondedAt: new Date(), deletedAt: new Date() },
  });
  await grantOn(removed.id);
});
afterAll(() => world.app.stop());

function pick(operations: readonly Operation[], names: readonly string[]): Operation[] {
  return names.map((name) => {
    const found = operations.find((op) => op.name === name);
    if (!found) throw new Error(`no operation named ${name}`);
    return found;
  });
}

// Owner's and the grantees' cells are those of the clean world (the other files run them).
const HOLDERS_OF_STALE_ROWS = ['pending', 'rejected', 'blocked', 'stranger'] as const;

matrix('stale grant rows: deeds, items and scales', () => world, [...deedLookups, ...deedLists], HOLDERS_OF_STALE_ROWS);
matrix(
  'stale grant rows: entries',
  () => world,
  [...entryReads, ...pick(entryWrites, ['recordEntry(on A1)', 'updateEntry(entry on A1)'])],
  HOLDERS_OF_STALE_ROWS,
);
matrix(
  'stale grant rows: what they are told',
  () => world,
  pick(socialReads, ['user(Owner)', 'permissionsGrantedToMe (includeInactive ignored)', 'relations']),
  HOLDERS_OF_STALE_ROWS,
);
