import { startTestApp, type TestApp } from '../../test/helpers/test-app';
import { DATABASE_BUSY_MESSAGE } from '../db/pool-wait';
import { PASSWORD_HASHING_BUSY_REASON } from './hashing-queue';

/** The hashing queue's bound (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE_MAX) through HTTP. */
describe('registrations past the queue, over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE_MAX: '0' });
  });

  afterAll(async () => {
    await app.stop();
  });

  const REGISTER = 'mutation Register($input: RegisterInput!) { register(input: $input) { user { email } } }';

  test('are refused as busy (503, Retry-After, PASSWORD_HASHING_BUSY) without writing, the others succeed', async () => {
    const emails = Array.from({ length: 12 }, (_, n) => `queue-${n}@example.com`);
    const responses = await Promise.all(
      emails.map((email) => app.gql(REGISTER, { input: { email, password: 'long-enough-password', fullName: 'Queue Test' } })),
    );

    const refused = responses.filter((res) => res.status === 503);
    const registered = responses.filter((res) => res.status === 200);
    expect(refused.length + registered.length).toBe(emails.length);
    expect(refused.length).toBeGreaterThan(0);
    expect(registered.length).toBeGreaterThan(0);
    for (const res of refused) {
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.data).toBeNull();
      expect(res.errors).toMatchObject([
        { message: DATABASE_BUSY_MESSAGE, path: ['register'], extensions: { code: 'INTERNAL_SERVER_ERROR', reason: PASSWORD_HASHING_BUSY_REASON } },
      ]);
    }
    for (const res of registered) expect(res.errors).toBeUndefined();

    const stored = await app.prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
    expect(stored.map((user) => user.email).sort()).toEqual(registered.map((res) => res.data!.register.user.email).sort());
  });
});
