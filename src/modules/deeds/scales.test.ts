import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createDeed } from '../../../test/fixtures/deeds';

const CREATE_SCALE = `mutation ($input: CreateScaleInput!) { createScale(input: $input) {
  scale { id version name isActive values { label order description scale { id } } deed { id } }
  previousActiveScale { id version isActive }
  deed { activeScale { version } scales { version isActive } }
} }`;

describe('scales', () => {
  let app: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    owner = await app.createUser();
  });
  afterAll(() => app.stop());

  const gql = (query: string, variables?: Record<string, unknown>) => app.gql(query, variables, { token: owner.token });
  const values = (...labels: string[]) => labels.map((label) => ({ label }));

  test('createDeed with initialScaleValues creates version 1, active, values in order', async () => {
    const res = await gql(
      `mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { id activeScale { version name isActive values { label order description } } scales { version } } } }`,
      {
        input: {
          name: 'Salah',
          category: 'HASANAAT',
          measureType: 'SCALE',
          initialScaleValues: [{ label: ' Missed ' }, { label: 'Late', description: 'After the time' }, { label: 'On time' }],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const { id, ...deed } = res.data!.createDeed.deed;
    expect(deed).toEqual({
      activeScale: {
        version: 1,
        name: null,
        isActive: true,
        values: [
          { label: 'Missed', order: 1, description: null },
          { label: 'Late', order: 2, description: 'After the time' },
          { label: 'On time', order: 3, description: null },
        ],
      },
      scales: [{ version: 1 }],
    });
    const audit = await app.prisma.auditLog.findMany({ where: { entityType: 'SCALE' } });
    expect(audit.map((a) => a.action)).toEqual(['CREATED']);
    expect((audit[0]!.newValues as { deedId: string }).deedId).toBe(id);
  });

  test('initialScaleValues on a COUNT deed and createScale on a COUNT deed: BAD_USER_INPUT, nothing written', async () => {
    const before = await app.prisma.deed.count();
    const res = await gql('mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { id } } }', {
      input: { name: 'Pages', category: 'HASANAAT', measureType: 'COUNT', initialScaleValues: values('a', 'b') },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'initialScaleValues'], message: 'Only SCALE deeds have scale values', constraint: 'measureType' },
    ]);
    expect(await app.prisma.deed.count()).toBe(before);

    const countDeed = await createDeed(app, owner, { measureType: 'COUNT' });
    const scale = await gql(CREATE_SCALE, { input: { deedId: countDeed, values: values('a', 'b') } });
    expect(errorCode(scale)).toBe('BAD_USER_INPUT');
    expect(scale.errors![0]!.extensions!.fieldErrors).toEqual([{ path: ['input', 'deedId'], message: 'Only SCALE deeds have scales', constraint: 'measureType' }]);
    expect(await app.prisma.scale.count({ where: { deedId: BigInt(countDeed) } })).toBe(0);
  });

  test('versions: max+1, activate by default switches the active one, activate:false leaves it; setActiveScale is idempotent', async () => {
    const deedId = await createDeed(app, owner, { measureType: 'SCALE' });
    const v1 = await gql(CREATE_SCALE, { input: { deedId, values: values('No', 'Yes') } });
    expect(v1.errors).toBeUndefined();
    expect(v1.data!.createScale.previousActiveScale).toBeNull();
    expect(v1.data!.createScale.scale).toMatchObject({ version: 1, isActive: true, deed: { id: deedId } });
    const v1Id = v1.data!.createScale.scale.id;
    expect(v1.data!.createScale.scale.values.map((v: { scale: { id: string } }) => v.scale.id)).toEqual([v1Id, v1Id]);

    const v2 = await gql(CREATE_SCALE, { input: { deedId, name: 'Quality', values: values('Poor', 'Fair', 'Good') } });
    expect(v2.data!.createScale).toMatchObject({
      scale: { version: 2, name: 'Quality', isActive: true, values: [{ label: 'Poor', order: 1 }, { label: 'Fair', order: 2 }, { label: 'Good', order: 3 }] },
      previousActiveScale: { id: v1Id, version: 1, isActive: false },
      deed: { activeScale: { version: 2 }, scales: [{ version: 2, isActive: true }, { version: 1, isActive: false }] },
    });

    const v3 = await gql(CREATE_SCALE, { input: { deedId, values: values('a', 'b'), activate: false } });
    expect(v3.data!.createScale).toMatchObject({
      scale: { version: 3, isActive: false },
      previousActiveScale: null,
      deed: { activeScale: { version: 2 }, scales: [{ version: 3, isActive: false }, { version: 2, isActive: true }, { version: 1, isActive: false }] },
    });

    const SET = `mutation ($id: ID!) { setActiveScale(input: { scaleId: $id }) { scale { version isActive } previousActiveScale { version isActive } deed { activeScale { version } } } }`;
    const set = await gql(SET, { id: v1Id });
    expect(set.data!.setActiveScale).toEqual({
      scale: { version: 1, isActive: true },
      previousActiveScale: { version: 2, isActive: false },
      deed: { activeScale: { version: 1 } },
    });
    const again = await gql(SET, { id: v1Id });
    expect(again.data!.setActiveScale).toEqual({ scale: { version: 1, isActive: true }, previousActiveScale: null, deed: { activeScale: { version: 1 } } });
    expect(await app.prisma.scale.count({ where: { deedId: BigInt(deedId), isActive: true } })).toBe(1);

    const list = await gql(`query { scales(deedId: "${deedId}") { version isActive } }`);
    expect(list.data!.scales).toEqual([{ version: 3, isActive: false }, { version: 2, isActive: false }, { version: 1, isActive: true }]);
  });

  test('values: 2–20, labels unique ignoring case → BAD_USER_INPUT at the offending path', async () => {
    const deedId = await createDeed(app, owner, { measureType: 'SCALE' });
    const attempt = async (vals: unknown[], expectedPath: Array<string | number>) => {
      const res = await gql(CREATE_SCALE, { input: { deedId, values: vals } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect((res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown }>)[0]!.path).toEqual(expectedPath);
    };
    await attempt(values('only'), ['input', 'values']);
    await attempt(values(...Array.from({ length: 21 }, (_, i) => `v${i}`)), ['input', 'values']);
    await attempt(values('Good', 'Bad', ' good '), ['input', 'values', 2, 'label']);
    await attempt(values('ok', '   '), ['input', 'values', 1, 'label']);
    await attempt([{ label: 'ok' }, { label: 'x', description: 'd'.repeat(1001) }], ['input', 'values', 1, 'description']);
    expect(await app.prisma.scale.count({ where: { deedId: BigInt(deedId) } })).toBe(0);
    // Exactly 20 is fine.
    const twenty = await gql(CREATE_SCALE, { input: { deedId, values: values(...Array.from({ length: 20 }, (_, i) => `v${i}`)) } });
    expect(twenty.errors).toBeUndefined();
  });

  test('100 versions per deed; scales of a deleted deed cannot change (CONFLICT)', async () => {
    const deedId = await createDeed(app, owner, { measureType: 'SCALE' });
    await app.prisma.scale.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ deedId: BigInt(deedId), version: i + 1 })) });
    const res = await gql(CREATE_SCALE, { input: { deedId, values: values('a', 'b') } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIMIT_EXCEEDED' });

    const other = await createDeed(app, owner, { measureType: 'SCALE', initialScaleValues: values('a', 'b') });
    const v2 = await gql(CREATE_SCALE, { input: { deedId: other, values: values('c', 'd') } });
    await gql(`mutation { deleteDeed(input: { id: "${other}" }) { deed { id } } }`);
    expect(errorCode(await gql(CREATE_SCALE, { input: { deedId: other, values: values('e', 'f') } }))).toBe('CONFLICT');
    const v1 = await app.prisma.scale.findFirstOrThrow({ where: { deedId: BigInt(other), version: 1 } });
    expect(errorCode(await gql(`mutation { setActiveScale(input: { scaleId: "${v1.id}" }) { scale { id } } }`))).toBe('CONFLICT');
    // The owner still reads them.
    const list = await gql(`query { scales(deedId: "${other}") { id version isActive } }`);
    expect(list.data!.scales).toEqual([
      { id: v2.data!.createScale.scale.id, version: 2, isActive: true },
      { id: v1.id.toString(), version: 1, isActive: false },
    ]);
  });

  test('unknown ids: NOT_FOUND', async () => {
    expect(errorCode(await gql('query { scales(deedId: "99999999") { id } }'))).toBe('NOT_FOUND');
    expect(errorCode(await gql('mutation { setActiveScale(input: { scaleId: "99999999" }) { scale { id } } }'))).toBe('NOT_FOUND');
    expect(errorCode(await gql('mutation { createScale(input: { deedId: "99999999", values: [{ label: "a" }, { label: "b" }] }) { scale { id } } }'))).toBe('NOT_FOUND');
  });
});
