import { matrix } from './matrix';
import { deedChanges, deedLists, deedLookups } from './deed-operations';
import { buildWorld, type World } from './world';

/** The deeds, items and scales part of the matrix (operations: deed-operations.ts). */

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.app.stop());

matrix('deeds, items and scales: lookups', () => world, deedLookups);
matrix('deeds, items and scales: lists and tree fields', () => world, deedLists);
matrix('deeds, items and scales: mutations', () => world, deedChanges);

// Not a cell of the matrix but its premise: nothing the rows above changed is left behind.
test('the mutation rows put the tree back as the fixture built it', async () => {
  const res = await world.app.gql(
    `query ($id: ID!) { deed(id: $id) { items(includeDeleted: true) { name level displayOrder deletedAt } } }`,
    { id: world.deeds.salah },
    { token: world.users.owner.token },
  );
  expect(res.data!.deed.items).toEqual([
    { name: 'Root', level: 1, displayOrder: 0, deletedAt: null },
    { name: 'A', level: 2, displayOrder: 0, deletedAt: null },
    { name: 'A1', level: 3, displayOrder: 0, deletedAt: null },
    { name: 'D', level: 3, displayOrder: 1, deletedAt: expect.any(String) },
    { name: 'B', level: 2, displayOrder: 1, deletedAt: null },
  ]);
});
