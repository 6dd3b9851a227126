import { accessTokenKey, InvalidAccessTokenError, signAccessToken, verifyAccessToken } from './access-token';

const key = accessTokenKey('access-token-test-secret-long-enough-for-hs256');
const otherKey = accessTokenKey('another-access-token-secret-long-enough-hs256');

describe('verifyAccessToken', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the claims of a valid token, again and again', async () => {
    const { token } = await signAccessToken(42n, key);
    const first = await verifyAccessToken(token, key);
    expect(first.userId).toBe(42n);
    await expect(verifyAccessToken(token, key)).resolves.toEqual(first);
  });

  it('refuses a token it verified before once it has expired', async () => {
    // The clock stands still while the token is valid: a busy machine cannot age it in between.
    const now = Date.now();
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { token } = await signAccessToken(7n, key, new Date(now - 24 * 60 * 60 * 1000 + 2_000));
    await expect(verifyAccessToken(token, key)).resolves.toMatchObject({ userId: 7n });
    jest.setSystemTime(now + 3_000);
    await expect(verifyAccessToken(token, key)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('does not let a token verified under one key pass under another', async () => {
    const { token } = await signAccessToken(9n, key);
    await verifyAccessToken(token, key);
    await expect(verifyAccessToken(token, otherKey)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it('refuses a token whose signature was tampered with, after the genuine one was verified', async () => {
    const { token } = await signAccessToken(11n, key);
    await verifyAccessToken(token, key);
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: '12', iat: 1, exp: 4_102_444_800 })).toString('base64url');
    await expect(verifyAccessToken(`${header}.${forgedPayload}.${signature}`, key)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    await expect(verifyAccessToken(`${token}x`, key)).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});
