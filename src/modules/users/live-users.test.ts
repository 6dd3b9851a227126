import 'reflect-metadata';
import { PASSWORD, registerUser } from '../../../test/helpers/accounts';
import { startOwnRedisApp, stopOwnRedisApp, type OwnRedisApp } from '../../../test/helpers/own-redis-app';
import { StatementCounter } from '../../../test/helpers/sql-statements';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { waitFor } from '../../../test/helpers/wait-for';
import { restartRedis, takeRedisDown } from '../../../test/services/redis';
import { announceToInstances, MemoryEventBus } from '../../events';
import type { PrismaClient } from '../../generated/prisma/client';
import { setUserRole } from '../support/user-role';
import { LiveUsers, USER_CHANGED_TOPIC } from './live-users';

const ME = '{ me { id fullName role } }';
const CHANGE_PASSWORD = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';
const UPDATE_PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { fullName } } }';
const DELETE_ACCOUNT = 'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedUserId } }';

describe('viewer rows kept across requests, two instances on one Redis', () => {
  let first: TestApp;
  let second: TestApp;
  let statements: StatementCounter;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({}, { database: first.database });
    statements = await StatementCounter.connect(first.database.url);
  });
  afterAll(async () => {
    await statements.close();
    await second.stop();
    await first.stop();
  });

  /** Makes `app` remember the user's row and shows that it does (no statement for the next request). */
  async function remembered(app: TestApp, token: string): Promise<void> {
    expect((await app.gql(ME, {}, { token })).errors).toBeUndefined();
    expect(await statements.count(() => app.gql(ME, {}, { token }))).toBe(0);
  }

  it('a password changed on one instance ends the old token on the other before the change is answered', async () => {
    const user = await registerUser(first);
    await remembered(second, user.token);

    const changed = await first.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: 'another horse battery' } }, { token: user.token });
    expect(changed.errors).toBeUndefined();

    expect(errorCode(await second.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await first.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect((await second.gql(ME, {}, { token: changed.data!.changePassword.token })).data!.me.id).toBe(user.gid);
  });

  it('a deleted account is refused by the other instance at once', async () => {
    const user = await registerUser(first);
    await remembered(second, user.token);
    expect((await first.gql(DELETE_ACCOUNT, { input: { password: PASSWORD } }, { token: user.token })).errors).toBeUndefined();
    expect(errorCode(await second.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
  });

  it('a profile change on one instance is what the other answers next', async () => {
    const user = await first.createUser({ fullName: 'Before' });
    await remembered(second, user.token);
    expect((await first.gql(UPDATE_PROFILE, { input: { fullName: 'After' } }, { token: user.token })).errors).toBeUndefined();
    expect((await second.gql(ME, {}, { token: user.token })).data!.me.fullName).toBe('After');
  });

  it('a role set on the command line reaches the running instances', async () => {
    const user = await first.createUser();
    await remembered(second, user.token);
    // What `npm run user:role` does (scripts/user-role.ts).
    const result = await setUserRole(first.prisma, user.email, 'SUPPORT');
    await announceToInstances({ redisUrl: process.env.REDIS_URL, databaseUrl: first.database.url, dataDir: '' }, USER_CHANGED_TOPIC, {
      userId: String(result.userId),
    });
    await waitFor('the new role', async () => (await second.gql(ME, {}, { token: user.token })).data!.me.role === 'SUPPORT');
  });

  it('a row changed by hand is read again when VIEWER_CACHE_SECONDS is 0', async () => {
    const uncached = await startTestApp({ VIEWER_CACHE_SECONDS: '0' }, { database: first.database });
    try {
      const user = await first.createUser({ fullName: 'Before' });
      expect((await uncached.gql(ME, {}, { token: user.token })).data!.me.fullName).toBe('Before');
      await first.prisma.user.update({ where: { id: user.id }, data: { fullName: 'By hand' } });
      expect((await uncached.gql(ME, {}, { token: user.token })).data!.me.fullName).toBe('By hand');
    } finally {
      await uncached.stop();
    }
  });
});

describe('viewer rows while Redis is down', () => {
  let parts: OwnRedisApp;

  beforeAll(async () => {
    parts = await startOwnRedisApp();
  });
  afterAll(async () => {
    await stopOwnRedisApp(parts);
  });

  it('are read from the database every time, since changes made elsewhere cannot be heard', async () => {
    const { app, redis } = parts;
    const user = await app.createUser({ fullName: 'Before' });
    expect((await app.gql(ME, {}, { token: user.token })).data!.me.fullName).toBe('Before');

    await takeRedisDown(redis);
    try {
      // As another instance would, without being heard: straight in the database.
      await app.prisma.user.update({ where: { id: user.id }, data: { fullName: 'During' } });
      await waitFor('the lost link', async () => (await app.gql(ME, {}, { token: user.token })).data?.me.fullName === 'During');
      await app.prisma.user.update({ where: { id: user.id }, data: { fullName: 'Still during' } });
      expect((await app.gql(ME, {}, { token: user.token })).data!.me.fullName).toBe('Still during');
    } finally {
      await restartRedis(redis);
    }
  });
});

/** An event bus whose link to other instances the test cuts and restores. */
class SwitchableBus extends MemoryEventBus {
  link: number | null = 1;

  constructor() {
    super((error) => {
      throw error;
    });
  }

  override receivingSince(): number | null {
    return this.link;
  }
}

describe('LiveUsers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  async function rename(id: bigint, fullName: string): Promise<void> {
    await app.prisma.user.update({ where: { id }, data: { fullName } });
  }

  it('does not keep a row read before a change it heard while reading', async () => {
    const user = await app.createUser({ fullName: 'Old' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowReads = {
      user: {
        findUnique: async (args: never) => {
          const row = await app.prisma.user.findUnique(args);
          await held;
          return row;
        },
      },
    } as unknown as PrismaClient;
    const live = new LiveUsers(slowReads, new SwitchableBus(), { ttlSeconds: 60 });

    const inFlight = live.find(user.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rename(user.id, 'New');
    await live.changed(user.id);
    release();
    expect((await inFlight)?.fullName).toBe('Old');
    expect((await live.find(user.id))?.fullName).toBe('New');
  });

  it('trusts no row read before a lapse in hearing other instances', async () => {
    const user = await app.createUser({ fullName: 'First' });
    const bus = new SwitchableBus();
    const live = new LiveUsers(app.prisma, bus, { ttlSeconds: 60 });
    expect((await live.find(user.id))?.fullName).toBe('First');

    await rename(user.id, 'Missed');
    expect((await live.find(user.id))?.fullName).toBe('First');
    bus.link = null;
    expect((await live.find(user.id))?.fullName).toBe('Missed');
    await rename(user.id, 'Missed again');
    bus.link = 2;
    expect((await live.find(user.id))?.fullName).toBe('Missed again');
  });

  it('hands out rows nobody can change for the others', async () => {
    const user = await app.createUser();
    const live = new LiveUsers(app.prisma, new SwitchableBus(), { ttlSeconds: 60 });
    const row = await live.find(user.id);
    expect(Object.isFrozen(row)).toBe(true);
    expect(await live.find(user.id)).toBe(row);
  });
});
