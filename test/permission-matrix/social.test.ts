import { matrix } from './matrix';
import { socialReads, socialWrites } from './social-operations';
import { buildWorld, type World } from './world';

/** The users, relations and permissions part of the matrix (operations: social-operations.ts). */

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.app.stop());

matrix('relations and permissions: reads', () => world, socialReads);
matrix('relations and permissions: mutations', () => world, socialWrites);
