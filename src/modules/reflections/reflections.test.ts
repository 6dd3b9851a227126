import { DateTime } from 'luxon';
import { todayIn } from '../../lib/local-dates';
import { errorCode, startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';

const WRITE = /* GraphQL */ `
  mutation Write($input: WriteReflectionInput!) {
    writeReflection(input: $input) {
      created
      reflection { id date type content createdAt updatedAt }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) { deleteReflection(input: { id: $id }) { deletedReflectionId } }
`;
const LIST = /* GraphQL */ `
  query List($dateFrom: Date!, $dateTo: Date!, $type: ReflectionType) {
    reflections(dateFrom: $dateFrom, dateTo: $dateTo, type: $type) { id date type content }
  }
`;

interface Written {
  writeReflection: {
    created: boolean;
    reflection: { id: string; date: string; type: string; content: string; createdAt: string; updatedAt: string };
  };
}

function shiftDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

describe('reflections', () => {
  let app: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    alice = await app.createUser();
    bob = await app.createUser();
  });
  afterAll(() => app.stop());

  const write = (user: TestUser, input: Record<string, unknown>) => app.gql<Written>(WRITE, { input }, { token: user.token });
  const liveCount = (user: TestUser) => app.prisma.reflectionMessage.count({ where: { userId: user.id, deletedAt: null } });

  it('needs a token', async () => {
    expect(errorCode(await app.gql(LIST, { dateFrom: '2025-01-01', dateTo: '2025-01-02' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(WRITE, { input: { date: '2025-01-01', type: 'DAILY', content: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it('creates, then replaces the reflection of a (date, type)', async () => {
    const first = await write(alice, { date: '2025-03-01', type: 'GRATITUDE', content: '  For family.  ' });
    expect(first.errors).toBeUndefined();
    const created = first.data!.writeReflection;
    expect(created.created).toBe(true);
    expect(created.reflection).toMatchObject({ date: '2025-03-01', type: 'GRATITUDE', content: 'For family.' });

    const second = await write(alice, { date: '2025-03-01', type: 'GRATITUDE', content: 'For health.' });
    const replaced = second.data!.writeReflection;
    expect(replaced.created).toBe(false);
    expect(replaced.reflection.id).toBe(created.reflection.id);
    expect(replaced.reflection.content).toBe('For health.');
    expect(replaced.reflection.createdAt).toBe(created.reflection.createdAt);
    expect(Date.parse(replaced.reflection.updatedAt)).toBeGreaterThan(Date.parse(created.reflection.createdAt));

    // Another type on the same day is another reflection.
    const other = await write(alice, { date: '2025-03-01', type: 'DAILY', content: 'A calm day.' });
    expect(other.data!.writeReflection.created).toBe(true);
    expect(other.data!.writeReflection.reflection.id).not.toBe(created.reflection.id);
  });

  it("refuses dates after today in the viewer's timezone, and before 1900", async () => {
    const ahead = await app.createUser({ timezone: 'Pacific/Kiritimati' }); // UTC+14
    const behind = await app.createUser({ timezone: 'Pacific/Pago_Pago' }); // UTC-11
    for (const user of [ahead, behind]) {
      const today = todayIn(user === ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago');
      const accepted = await write(user, { date: today, type: 'DAILY', content: 'today' });
      expect(accepted.errors).toBeUndefined();
      const refused = await write(user, { date: shiftDays(today, 1), type: 'DAILY', content: 'tomorrow' });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.fieldErrors).toEqual([
        { path: ['input', 'date'], message: expect.stringContaining(today), constraint: 'maxDate' },
      ]);
      expect(await liveCount(user)).toBe(1);
    }
    const ancient = await write(alice, { date: '1899-12-31', type: 'DAILY', content: 'old' });
    expect(ancient.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'date'], constraint: 'minDate' }),
    ]);
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const user = await app.createUser();
    const cases: Array<[Record<string, unknown>, unknown[] | undefined]> = [
      [{ date: '2025-01-01', type: 'DAILY', content: '' }, ['input', 'content']],
      [{ date: '2025-01-01', type: 'DAILY', content: '   \n ' }, ['input', 'content']],
      [{ date: '2025-01-01', type: 'DAILY', content: 'x'.repeat(10_001) }, ['input', 'content']],
      [{ date: '2025-02-30', type: 'DAILY', content: 'x' }, undefined],
      [{ date: '2025-01-01T00:00:00Z', type: 'DAILY', content: 'x' }, undefined],
      [{ date: '2025-01-01', type: 'WEEKLY', content: 'x' }, undefined],
      [{ date: '2025-01-01', type: 'DAILY', content: 42 }, undefined],
    ];
    for (const [input, path] of cases) {
      const response = await write(user, input);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      if (path) expect((response.errors?.[0]?.extensions?.fieldErrors as Array<{ path: unknown[] }>)[0]?.path).toEqual(path);
    }
    expect(await app.prisma.reflectionMessage.count({ where: { userId: user.id } })).toBe(0);

    const longest = await write(user, { date: '2025-01-01', type: 'DAILY', content: 'x'.repeat(10_000) });
    expect(longest.data?.writeReflection.reflection.content).toHaveLength(10_000);
  });

  it('soft-deletes, is idempotent, hides others’ reflections, and revives the same row', async () => {
    const written = (await write(alice, { date: '2025-04-10', type: 'INTENTION', content: 'Pray on time.' })).data!;
    const id = written.writeReflection.reflection.id;

    expect(errorCode(await app.gql(DELETE, { id }, { token: bob.token }))).toBe('NOT_FOUND');
    const missing = await app.gql(DELETE, { id: '999999999' }, { token: alice.token });
    const foreign = await app.gql(DELETE, { id }, { token: bob.token });
    expect(foreign.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(errorCode(await app.gql(DELETE, { id: 'abc' }, { token: alice.token }))).toBe('BAD_USER_INPUT');

    const deleted = await app.gql(DELETE, { id }, { token: alice.token });
    expect(deleted.data).toEqual({ deleteReflection: { deletedReflectionId: id } });
    const row = await app.prisma.reflectionMessage.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row.deletedAt).not.toBeNull();
    const again = await app.gql(DELETE, { id }, { token: alice.token });
    expect(again.data).toEqual({ deleteReflection: { deletedReflectionId: id } });
    expect((await app.prisma.reflectionMessage.findUniqueOrThrow({ where: { id: BigInt(id) } })).deletedAt).toEqual(row.deletedAt);

    const listed = await app.gql(LIST, { dateFrom: '2025-04-10', dateTo: '2025-04-10' }, { token: alice.token });
    expect(listed.data).toEqual({ reflections: [] });

    const revived = (await write(alice, { date: '2025-04-10', type: 'INTENTION', content: 'Again.' })).data!.writeReflection;
    expect(revived.created).toBe(true);
    expect(revived.reflection.id).toBe(id);
    expect(revived.reflection.content).toBe('Again.');
    expect(Date.parse(revived.reflection.createdAt)).toBeGreaterThan(Date.parse(written.writeReflection.reflection.createdAt));
  });

  it('lists a range by date then type, filtered by type, and only the viewer’s own', async () => {
    const user = await app.createUser();
    const inputs = [
      { date: '2024-06-02', type: 'IMPROVEMENT' },
      { date: '2024-06-01', type: 'INTENTION' },
      { date: '2024-06-02', type: 'DAILY' },
      { date: '2024-06-01', type: 'DAILY' },
      { date: '2024-06-02', type: 'GRATITUDE' },
      { date: '2024-06-05', type: 'DAILY' },
    ];
    for (const input of inputs) await write(user, { ...input, content: `${input.date} ${input.type}` });
    await write(bob, { date: '2024-06-01', type: 'DAILY', content: 'bob' });

    const all = await app.gql<{ reflections: Array<{ date: string; type: string; content: string }> }>(
      LIST,
      { dateFrom: '2024-06-01', dateTo: '2024-06-04' },
      { token: user.token },
    );
    expect(all.data!.reflections.map((r) => `${r.date} ${r.type}`)).toEqual([
      '2024-06-01 DAILY',
      '2024-06-01 INTENTION',
      '2024-06-02 DAILY',
      '2024-06-02 GRATITUDE',
      '2024-06-02 IMPROVEMENT',
    ]);
    expect(all.data!.reflections.every((r) => r.content === `${r.date} ${r.type}`)).toBe(true);

    const daily = await app.gql<{ reflections: Array<{ date: string }> }>(
      LIST,
      { dateFrom: '2024-06-01', dateTo: '2024-06-30', type: 'DAILY' },
      { token: user.token },
    );
    expect(daily.data!.reflections.map((r) => r.date)).toEqual(['2024-06-01', '2024-06-02', '2024-06-05']);
  });

  it('takes ranges of up to 366 days, both ends included', async () => {
    const ok = await app.gql(LIST, { dateFrom: '2024-01-01', dateTo: '2024-12-31' }, { token: alice.token }); // 366 days
    expect(ok.errors).toBeUndefined();
    const tooLong = await app.gql(LIST, { dateFrom: '2024-01-01', dateTo: '2025-01-01' }, { token: alice.token });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['dateTo'], message: 'The range may cover at most 366 days', constraint: 'maxRange' },
    ]);
    const reversed = await app.gql(LIST, { dateFrom: '2024-01-02', dateTo: '2024-01-01' }, { token: alice.token });
    expect(reversed.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['dateTo'], message: 'dateTo must not be before dateFrom', constraint: 'minDate' }],
    });
    const oneDay = await app.gql(LIST, { dateFrom: '2024-01-01', dateTo: '2024-01-01' }, { token: alice.token });
    expect(oneDay.errors).toBeUndefined();
  });

  it('keeps one row when the same slot is written concurrently', async () => {
    const user = await app.createUser();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => write(user, { date: '2025-01-15', type: 'DAILY', content: `take ${i}` })),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(responses.filter((r) => r.data!.writeReflection.created)).toHaveLength(1);
    expect(new Set(responses.map((r) => r.data!.writeReflection.reflection.id)).size).toBe(1);
    expect(await app.prisma.reflectionMessage.count({ where: { userId: user.id } })).toBe(1);
  });
});
