import { matrix } from './matrix';
import { createOwnerOnlyRows, ownerOnlyChanges, ownerOnlyReads, type OwnerOnlyRows } from './owner-only-operations';
import { buildWorld, type World } from './world';

/** Reflections, reminders, support messages and audit events: Owner's alone (operations: owner-only-operations.ts). */

let world: World;
let rows: OwnerOnlyRows;
beforeAll(async () => {
  world = await buildWorld();
  rows = await createOwnerOnlyRows(world);
});
afterAll(() => world.app.stop());

matrix('owner-only data: reads', () => world, ownerOnlyReads(() => rows));
matrix('owner-only data: mutations', () => world, ownerOnlyChanges(() => rows));
