import { generateOneTimeToken } from '../../auth/one-time-tokens';
import { hashPassword } from '../../auth/passwords';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';

// The server in this process hashes through this module: count the hashes it computes.
jest.mock('../../auth/passwords', () => {
  const actual = jest.requireActual('../../auth/passwords');
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) };
});

/** Issue 11 item 2: resetPassword checks the token before it hashes the new password. */
describe('resetPassword', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const RESET = 'mutation ($token: String!) { resetPassword(input: { token: $token, newPassword: "long enough password" }) { token } }';

  it('hashes nothing for an unknown, used or expired token', async () => {
    const user = await app.createUser();
    const used = generateOneTimeToken();
    const expired = generateOneTimeToken();
    await app.prisma.passwordResetToken.createMany({
      data: [
        { userId: user.id, tokenHash: used.tokenHash, expiresAt: new Date(Date.now() + 3_600_000), usedAt: new Date() },
        { userId: user.id, tokenHash: expired.tokenHash, expiresAt: new Date(Date.now() - 1000) },
      ],
    });
    jest.mocked(hashPassword).mockClear();
    for (const token of [generateOneTimeToken().token, used.token, expired.token]) {
      expect(errorCode(await app.gql(RESET, { token }))).toBe('BAD_USER_INPUT');
    }
    expect(hashPassword).not.toHaveBeenCalled();
  });

  it('hashes once for a valid token, and the token works once', async () => {
    const user = await app.createUser();
    const reset = generateOneTimeToken();
    await app.prisma.passwordResetToken.create({
      data: { userId: user.id, tokenHash: reset.tokenHash, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    jest.mocked(hashPassword).mockClear();
    const first = await app.gql(RESET, { token: reset.token });
    expect(first.errors).toBeUndefined();
    expect(hashPassword).toHaveBeenCalledTimes(1);
    expect(errorCode(await app.gql(RESET, { token: reset.token }))).toBe('BAD_USER_INPUT');
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });
});
