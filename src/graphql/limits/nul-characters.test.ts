import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';

/** Issue 11 item 7: a NUL character in any text input is BAD_USER_INPUT, and nothing is written. */
describe('NUL characters in text inputs', () => {
  let app: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = await startTestApp();
    user = await app.createUser();
  });
  afterAll(() => app.stop());

  const CREATE = 'mutation ($input: CreateDeedInput!) { createDeed(input: $input) { deed { id } } }';

  it('in a variable, at any depth: BAD_USER_INPUT naming where, nothing written', async () => {
    const response = await app.gql(
      CREATE,
      { input: { name: 'Salah', description: 'before\u0000after', category: 'HASANAAT', measureType: 'COUNT' } },
      { token: user.token },
    );
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path: ['input', 'description'], message: expect.any(String), constraint: 'noNulCharacters' }],
        },
      }),
    ]);
    expect(await app.prisma.deed.count({ where: { userId: user.id } })).toBe(0);
  });

  it('in a document literal too, every time the same document comes', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await app.gql(
        'mutation { createDeed(input: { name: "a\\u0000b", category: HASANAAT, measureType: COUNT }) { deed { id } } }',
        {},
        { token: user.token },
      );
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await app.prisma.deed.count({ where: { userId: user.id } })).toBe(0);
  });

  it('in a public mutation without a token', async () => {
    const response = await app.gql('mutation ($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }', {
      email: 'someone\u0000@example.com',
    });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
