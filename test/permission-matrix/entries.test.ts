import { matrix } from './matrix';
import { createScratchEntries, entryReads, entryWrites } from './entry-operations';
import { buildWorld, type World } from './world';

/** The entries part of the matrix (operations: entry-operations.ts). */

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.app.stop());

matrix('entries: reads', () => world, entryReads);

describe('entries: writes', () => {
  beforeAll(() => createScratchEntries(world));
  matrix('entries: writes', () => world, entryWrites);
});
