import type { User as UserRecord } from '../generated/prisma/client';
import { accessTokenKey, passwordChangeEffectiveAt, signAccessToken, signAccessTokenFor } from './access-token';
import { resolveViewerFromAuthorization } from './viewer';

// Tokens carry `iat` in whole seconds; a password change must still kill every token issued
// before it (same second included) and accept every token issued after it (same second included).
describe('password epoch vs whole-second token iat', () => {
  const key = accessTokenKey('unit-test-secret-that-is-long-enough-for-hs256');
  const changeAt = new Date('2030-01-01T12:00:00.500Z');
  const user = { id: 7n, passwordChangedAt: passwordChangeEffectiveAt(changeAt), deletedAt: null } as UserRecord;
  const deps = { jwtKey: key, users: { findLiveById: async () => user } };
  const accepts = async (token: string) =>
    resolveViewerFromAuthorization(`Bearer ${token}`, deps).then(
      () => true,
      () => false,
    );

  beforeAll(() => {
    jest.useFakeTimers({ now: new Date('2030-01-01T12:00:00.900Z'), doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterAll(() => {
    jest.useRealTimers();
  });

  it('takes effect at the start of the next second', () => {
    expect(passwordChangeEffectiveAt(changeAt).toISOString()).toBe('2030-01-01T12:00:01.000Z');
    expect(passwordChangeEffectiveAt(new Date('2030-01-01T12:00:00.000Z')).toISOString()).toBe('2030-01-01T12:00:01.000Z');
  });

  it('refuses a token issued earlier in the same second as the change', async () => {
    const { token } = await signAccessToken(user.id, key, new Date('2030-01-01T12:00:00.100Z'));
    expect(await accepts(token)).toBe(false);
  });

  it('accepts tokens issued for the user later in that second, and afterwards', async () => {
    const sameSecond = await signAccessTokenFor(user, key, new Date('2030-01-01T12:00:00.600Z'));
    expect(await accepts(sameSecond.token)).toBe(true);
    expect(sameSecond.expiresAt.toISOString()).toBe('2030-01-02T12:00:01.000Z');
    const later = await signAccessTokenFor(user, key, new Date('2030-01-01T12:00:03.250Z'));
    expect(await accepts(later.token)).toBe(true);
    expect(later.expiresAt.toISOString()).toBe('2030-01-02T12:00:03.000Z');
  });
});
