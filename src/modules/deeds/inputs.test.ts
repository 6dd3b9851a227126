import { databaseFingerprint } from '../../../test/helpers/table-checksums';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createDeed, createItem } from '../../../test/fixtures/deeds';

/** Bad arguments on every deeds operation: BAD_USER_INPUT (with a path where there is one) and an untouched database. */
describe('deeds: bad input', () => {
  let app: TestApp;
  let owner: TestUser;
  let deedId: string;
  let itemId: string;
  let scaleDeedId: string;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
    deedId = await createDeed(app, owner);
    itemId = await createItem(app, owner, deedId, 'item');
    scaleDeedId = await createDeed(app, owner, { measureType: 'SCALE', initialScaleValues: [{ label: 'a' }, { label: 'b' }] });
  });
  afterAll(() => app.stop());

  const long = 'x'.repeat(256);
  const MUTATIONS = {
    createDeed: 'mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { id } } }',
    updateDeed: 'mutation ($input: UpdateDeedInput!) { updateDeed(input: $input) { deed { id } } }',
    deleteDeed: 'mutation ($input: DeleteDeedInput!) { deleteDeed(input: $input) { deed { id } } }',
    restoreDeed: 'mutation ($input: RestoreDeedInput!) { restoreDeed(input: $input) { deed { id } } }',
    createDeedItem: 'mutation ($input: CreateDeedItemInput!) { createDeedItem(input: $input) { deedItem { id } } }',
    updateDeedItem: 'mutation ($input: UpdateDeedItemInput!) { updateDeedItem(input: $input) { deedItem { id } } }',
    moveDeedItem: 'mutation ($input: MoveDeedItemInput!) { moveDeedItem(input: $input) { deedItem { id } } }',
    deleteDeedItem: 'mutation ($input: DeleteDeedItemInput!) { deleteDeedItem(input: $input) { deedItem { id } } }',
    restoreDeedItem: 'mutation ($input: RestoreDeedItemInput!) { restoreDeedItem(input: $input) { deedItem { id } } }',
    createScale: 'mutation ($input: CreateScaleInput!) { createScale(input: $input) { scale { id } } }',
    setActiveScale: 'mutation ($input: SetActiveScaleInput!) { setActiveScale(input: $input) { scale { id } } }',
  } as const;
  const deed = { name: 'ok', category: 'HASANAAT', measureType: 'COUNT' };

  // [mutation, input (ids filled in lazily), expected fieldErrors path or null when the id scalar rejects it]
  const cases: Array<[keyof typeof MUTATIONS, () => Record<string, unknown>, Array<string | number> | null]> = [
    ['createDeed', () => ({ ...deed, name: long }), ['input', 'name']],
    ['createDeed', () => ({ ...deed, name: '' }), ['input', 'name']],
    ['createDeed', () => ({ ...deed, name: '   ' }), ['input', 'name']],
    ['createDeed', () => ({ ...deed, description: 'd'.repeat(5001) }), ['input', 'description']],
    ['createDeed', () => ({ ...deed, displayOrder: -1 }), ['input', 'displayOrder']],
    ['createDeed', () => ({ ...deed, category: 'GOOD' }), null],
    ['createDeed', () => ({ ...deed, measureType: 'SCALE', initialScaleValues: [{ label: 'a' }] }), ['input', 'initialScaleValues']],
    ['createDeed', () => ({ ...deed, measureType: 'SCALE', initialScaleValues: [{ label: 'a' }, { label: 'A' }] }), ['input', 'initialScaleValues', 1, 'label']],
    ['updateDeed', () => ({ id: deedId, name: null }), ['input', 'name']],
    ['updateDeed', () => ({ id: deedId, name: long }), ['input', 'name']],
    ['updateDeed', () => ({ id: deedId, isActive: null }), ['input', 'isActive']],
    ['updateDeed', () => ({ id: deedId, displayOrder: -5 }), ['input', 'displayOrder']],
    ['updateDeed', () => ({ id: 'abc', name: 'x' }), null],
    ['updateDeed', () => ({ id: '0', name: 'x' }), null],
    ['updateDeed', () => ({ id: deedId, measureType: 'SCALE' }), null],
    ['deleteDeed', () => ({ id: '-1' }), null],
    ['restoreDeed', () => ({ id: '1.5' }), null],
    ['createDeedItem', () => ({ deedId, name: long }), ['input', 'name']],
    ['createDeedItem', () => ({ deedId, name: '' }), ['input', 'name']],
    ['createDeedItem', () => ({ deedId, name: 'x', displayOrder: -1 }), ['input', 'displayOrder']],
    ['createDeedItem', () => ({ deedId, name: 'x', parentId: 'not-an-id' }), null],
    ['createDeedItem', () => ({ deedId: '99999999999999999999', name: 'x' }), null],
    ['updateDeedItem', () => ({ id: itemId, name: null }), ['input', 'name']],
    ['updateDeedItem', () => ({ id: itemId, name: ' ' }), ['input', 'name']],
    ['updateDeedItem', () => ({ id: itemId, displayOrder: null }), ['input', 'displayOrder']],
    ['updateDeedItem', () => ({ id: itemId, description: 'd'.repeat(5001) }), ['input', 'description']],
    ['moveDeedItem', () => ({ id: itemId, displayOrder: -1 }), ['input', 'displayOrder']],
    ['moveDeedItem', () => ({ id: itemId, newParentId: '' }), null],
    ['deleteDeedItem', () => ({ id: 'x' }), null],
    ['restoreDeedItem', () => ({ id: '' }), null],
    ['createScale', () => ({ deedId: scaleDeedId, values: [{ label: 'one' }] }), ['input', 'values']],
    ['createScale', () => ({ deedId: scaleDeedId, values: Array.from({ length: 21 }, (_, i) => ({ label: `v${i}` })) }), ['input', 'values']],
    ['createScale', () => ({ deedId: scaleDeedId, values: [{ label: 'Yes' }, { label: 'YES' }] }), ['input', 'values', 1, 'label']],
    ['createScale', () => ({ deedId: scaleDeedId, values: [{ label: long }, { label: 'b' }] }), ['input', 'values', 0, 'label']],
    ['createScale', () => ({ deedId: scaleDeedId, name: '', values: [{ label: 'a' }, { label: 'b' }] }), ['input', 'name']],
    ['setActiveScale', () => ({ scaleId: 'abc' }), null],
  ];

  test.each(cases.map(([mutation, input, path], i) => [i, mutation, input, path] as const))(
    '#%i %s → BAD_USER_INPUT, database unchanged',
    async (_i, mutation, input, path) => {
      const before = await databaseFingerprint(app.database.url);
      const res = await app.gql(MUTATIONS[mutation], { input: input() }, { token: owner.token });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      if (path) expect((res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown }>).map((e) => e.path)).toContainEqual(path);
      expect(await databaseFingerprint(app.database.url)).toEqual(before);
    },
  );

  test('descendants(maxDepth) outside 1–10 and malformed ids in queries: BAD_USER_INPUT', async () => {
    for (const maxDepth of [0, 11, -1]) {
      const res = await app.gql('query ($id: ID!, $d: Int) { deedItem(id: $id) { descendants(maxDepth: $d) { id } } }', { id: itemId, d: maxDepth }, { token: owner.token });
      expect([maxDepth, errorCode(res)]).toEqual([maxDepth, 'BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions!.fieldErrors).toEqual([{ path: ['maxDepth'], message: 'maxDepth must be between 1 and 10', constraint: 'range' }]);
    }
    for (const query of [
      'query { deed(id: "abc") { id } }',
      'query { deedItem(id: "0") { id } }',
      'query { scales(deedId: "-3") { id } }',
      'query { deeds(filter: { ownerId: "x" }) { id } }',
    ]) {
      const res = await app.gql(query, {}, { token: owner.token });
      expect([query, errorCode(res)]).toEqual([query, 'BAD_USER_INPUT']);
    }
  });
});
