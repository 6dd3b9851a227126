import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createDeed, createItem, grant, itemsOf, outline } from '../../../test/fixtures/deeds';

/**
 * Owner's SCALE deed:            Another deed of the owner (nothing granted):
 *   Salah                          Fasting
 *     Fajr                           Monday
 *       Sunnah   ← READ grant
 *         Dua
 *       Fard
 *     Isha
 * The grantee sees Sunnah and Dua, nothing beside them.
 */
describe('deeds as a grantee sees them', () => {
  let app: TestApp;
  let owner: TestUser;
  let grantee: TestUser;
  let stranger: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser({ fullName: 'Owner' });
    grantee = await app.createUser();
    stranger = await app.createUser();
    ids.deed = await createDeed(app, owner, {
      name: 'Salah',
      measureType: 'SCALE',
      initialScaleValues: [{ label: 'Missed' }, { label: 'Done' }],
    });
    ids.salah = await createItem(app, owner, ids.deed, 'Salah');
    ids.fajr = await createItem(app, owner, ids.deed, 'Fajr', { parentId: ids.salah });
    ids.sunnah = await createItem(app, owner, ids.deed, 'Sunnah', { parentId: ids.fajr });
    ids.dua = await createItem(app, owner, ids.deed, 'Dua', { parentId: ids.sunnah });
    ids.fard = await createItem(app, owner, ids.deed, 'Fard', { parentId: ids.fajr });
    ids.isha = await createItem(app, owner, ids.deed, 'Isha', { parentId: ids.salah });
    ids.otherDeed = await createDeed(app, owner, { name: 'Fasting' });
    ids.monday = await createItem(app, owner, ids.otherDeed, 'Monday');
    await grant(app, owner, grantee, ids.sunnah, 'READ');
  });
  afterAll(() => app.stop());

  const asGrantee = (query: string, variables?: Record<string, unknown>) => app.gql(query, variables, { token: grantee.token });

  test('the deed shows only the granted subtree; parent is null above the granted root, ancestors cut there', async () => {
    const res = await asGrantee(
      `query ($deed: ID!, $dua: ID!) {
        deed(id: $deed) {
          name measureType owner { fullName }
          items { name level }
          all: items(includeDeleted: true) { name }
          rootItems { id name level parent { id } ancestors { id } myAccess hasChildren children { name } }
          activeScale { version values { label order } }
          scales { version }
        }
        deedItem(id: $dua) { name level myAccess parent { name } ancestors { name } deed { id } }
      }`,
      { deed: ids.deed, dua: ids.dua },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      deed: {
        name: 'Salah',
        measureType: 'SCALE',
        owner: { fullName: 'Owner' },
        items: [{ name: 'Sunnah', level: 3 }, { name: 'Dua', level: 4 }],
        all: [{ name: 'Sunnah' }, { name: 'Dua' }],
        rootItems: [
          { id: ids.sunnah, name: 'Sunnah', level: 3, parent: null, ancestors: [], myAccess: 'READ', hasChildren: true, children: [{ name: 'Dua' }] },
        ],
        activeScale: { version: 1, values: [{ label: 'Missed', order: 1 }, { label: 'Done', order: 2 }] },
        scales: [{ version: 1 }],
      },
      deedItem: { name: 'Dua', level: 4, myAccess: 'READ', parent: { name: 'Sunnah' }, ancestors: [{ name: 'Sunnah' }], deed: { id: ids.deed } },
    });
  });

  test('items beside or above the grant, and deeds without a grant, are NOT_FOUND like missing ids', async () => {
    const missing = await asGrantee('query { deedItem(id: "999999999") { id } }');
    for (const id of [ids.fajr, ids.fard, ids.isha, ids.salah, ids.monday]) {
      const res = await asGrantee(`query { deedItem(id: "${id}") { id } }`);
      expect([id, errorCode(res), res.errors![0]!.message]).toEqual([id, 'NOT_FOUND', missing.errors![0]!.message]);
    }
    expect(errorCode(await asGrantee(`query { deed(id: "${ids.otherDeed}") { id } }`))).toBe('NOT_FOUND');
    expect(errorCode(await asGrantee(`query { scales(deedId: "${ids.otherDeed}") { id } }`))).toBe('NOT_FOUND');
    const scales = await asGrantee(`query { scales(deedId: "${ids.deed}") { version isActive deed { id } } }`);
    expect(scales.data!.scales).toEqual([{ version: 1, isActive: true, deed: { id: ids.deed } }]);
  });

  test("deeds(filter: { ownerId }) lists only deeds with a readable item; others' lists are empty", async () => {
    const res = await asGrantee('query ($owner: ID!) { deeds(filter: { ownerId: $owner, includeDeleted: true }) { id name } }', { owner: owner.gid });
    expect(res.data!.deeds).toEqual([{ id: ids.deed, name: 'Salah' }]);
    const strangers = await app.gql('query ($owner: ID!) { deeds(filter: { ownerId: $owner }) { id } }', { owner: owner.gid }, { token: stranger.token });
    expect(strangers.errors).toBeUndefined();
    expect(strangers.data!.deeds).toEqual([]);
    const unknown = await asGrantee('query { deeds(filter: { ownerId: "987654321" }) { id } }');
    expect(unknown.data!.deeds).toEqual([]);
    // The grantee's own list is untouched by the grant.
    expect((await asGrantee('query { deeds { id } }')).data!.deeds).toEqual([]);
  });

  test('a grantee changing structure gets FORBIDDEN, and nothing changes', async () => {
    const attempts: Array<[string, string]> = [
      ['rename', `updateDeedItem(input: { id: "${ids.sunnah}", name: "Mine" }) { deedItem { id } }`],
      ['delete', `deleteDeedItem(input: { id: "${ids.dua}" }) { deedItem { id } }`],
      ['restore', `restoreDeedItem(input: { id: "${ids.dua}" }) { deedItem { id } }`],
      ['move', `moveDeedItem(input: { id: "${ids.dua}" }) { deedItem { id } }`],
      ['add', `createDeedItem(input: { deedId: "${ids.deed}", parentId: "${ids.sunnah}", name: "x" }) { deedItem { id } }`],
      ['update deed', `updateDeed(input: { id: "${ids.deed}", name: "x" }) { deed { id } }`],
      ['delete deed', `deleteDeed(input: { id: "${ids.deed}" }) { deed { id } }`],
      ['new scale', `createScale(input: { deedId: "${ids.deed}", values: [{ label: "a" }, { label: "b" }] }) { scale { id } }`],
    ];
    for (const [what, mutation] of attempts) {
      expect([what, errorCode(await asGrantee(`mutation { ${mutation} }`))]).toEqual([what, 'FORBIDDEN']);
    }
    const scale = await app.prisma.scale.findFirstOrThrow({ where: { deedId: BigInt(ids.deed) } });
    expect(errorCode(await asGrantee(`mutation { setActiveScale(input: { scaleId: "${scale.id}" }) { scale { id } } }`))).toBe('FORBIDDEN');
    // A stranger gets NOT_FOUND for the same scale id.
    expect(errorCode(await app.gql(`mutation { setActiveScale(input: { scaleId: "${scale.id}" }) { scale { id } } }`, {}, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(outline(await itemsOf(app, owner, ids.deed))).toEqual(['Salah#0', '  Fajr#0', '    Sunnah#0', '      Dua#0', '    Fard#1', '  Isha#1']);
    expect(await app.prisma.scale.count({ where: { deedId: BigInt(ids.deed) } })).toBe(1);
  });

  test('the cover follows the tree: items created or moved under the granted root appear, items moved out or deleted disappear', async () => {
    const extra = await createItem(app, owner, ids.deed, 'Extra', { parentId: ids.dua });
    expect(outline(await itemsOf(app, grantee, ids.deed))).toEqual(['    Sunnah#0', '      Dua#0', '        Extra#0']);
    await app.gql(`mutation { moveDeedItem(input: { id: "${ids.fard}", newParentId: "${ids.sunnah}" }) { deedItem { id } } }`, {}, { token: owner.token });
    expect(outline(await itemsOf(app, grantee, ids.deed))).toEqual(['    Sunnah#0', '      Dua#0', '        Extra#0', '      Fard#1']);
    await app.gql(`mutation { moveDeedItem(input: { id: "${ids.dua}", newParentId: "${ids.fajr}" }) { deedItem { id } } }`, {}, { token: owner.token });
    expect(outline(await itemsOf(app, grantee, ids.deed))).toEqual(['    Sunnah#0', '      Fard#0']);
    expect(errorCode(await asGrantee(`query { deedItem(id: "${extra}") { id } }`))).toBe('NOT_FOUND');
    await app.gql(`mutation { deleteDeedItem(input: { id: "${ids.fard}" }) { deedItem { id } } }`, {}, { token: owner.token });
    const res = await asGrantee(`query { deedItem(id: "${ids.sunnah}") { hasChildren children(includeDeleted: true) { id } descendants { id } } }`);
    expect(res.data!.deedItem).toEqual({ hasChildren: false, children: [], descendants: [] });
    expect(errorCode(await asGrantee(`query { deedItem(id: "${ids.fard}") { id } }`))).toBe('NOT_FOUND');
    // A deleted granted root hides the whole deed from the grantee.
    await app.gql(`mutation { deleteDeedItem(input: { id: "${ids.sunnah}" }) { deedItem { id } } }`, {}, { token: owner.token });
    expect(errorCode(await asGrantee(`query { deed(id: "${ids.deed}") { id } }`))).toBe('NOT_FOUND');
    await app.gql(`mutation { restoreDeedItem(input: { id: "${ids.sunnah}" }) { deedItem { id } } }`, {}, { token: owner.token });
    expect(outline(await itemsOf(app, grantee, ids.deed))).toEqual(['    Sunnah#0']);
  });

  test('WRITE grants show as myAccess WRITE and still forbid structure changes', async () => {
    const writer = await app.createUser();
    await grant(app, owner, writer, ids.isha, 'WRITE');
    const res = await app.gql(`query { deedItem(id: "${ids.isha}") { myAccess } }`, {}, { token: writer.token });
    expect(res.data!.deedItem).toEqual({ myAccess: 'WRITE' });
    const rename = await app.gql(`mutation { updateDeedItem(input: { id: "${ids.isha}", name: "x" }) { deedItem { id } } }`, {}, { token: writer.token });
    expect(errorCode(rename)).toBe('FORBIDDEN');
  });
});
