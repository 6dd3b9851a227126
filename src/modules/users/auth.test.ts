import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { AUTH_FIELDS, PASSWORD, auditRows, freshEmail, mailsTo, readOutbox, registerUser } from '../../../test/helpers/accounts';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
const VERIFY = 'mutation ($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified user { id emailVerified } } }';
const ME = '{ me { id email emailVerified fullName timezone } }';
const REQUEST_VERIFICATION =
  'mutation ($input: RequestEmailVerificationInput!) { requestEmailVerification(input: $input) { accepted } }';
const REQUEST_RESET = 'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }';
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ${AUTH_FIELDS} } }`;
const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ${AUTH_FIELDS} } }`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('authentication over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('register → verification mail in the outbox format → verifyEmail → login → me', async () => {
    const email = freshEmail('Journey').replace('Journey', 'JoUrNeY');
    const before = Date.now();
    const registered = await app.gql(REGISTER, {
      input: { email: `  ${email}  `, password: PASSWORD, fullName: '  Amina Khan ', timezone: 'Asia/Karachi' },
    });
    expect(registered.errors).toBeUndefined();
    const payload = registered.data!.register;
    const lower = email.toLowerCase();
    expect(payload.user).toEqual({
      id: expect.stringMatching(/^\d+$/),
      email: lower,
      emailVerified: false,
      fullName: 'Amina Khan',
      timezone: 'Asia/Karachi',
    });
    const expiresIn = Date.parse(payload.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(24 * 3600 * 1000 - 5000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600 * 1000 + 1000);

    // The mail: one file, named by time, holding exactly the contract's keys.
    const mails = await mailsTo(app, lower);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-\d{6}-VERIFY_EMAIL\.json$/);
    const { file, ...content } = mail!;
    expect(Object.keys(content)).toEqual(['kind', 'to', 'subject', 'text', 'token', 'createdAt']);
    expect(content.kind).toBe('VERIFY_EMAIL');
    expect(content.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(content.text).toContain(content.token);
    expect(file.startsWith(content.createdAt.replace(/:/g, '-'))).toBe(true);

    // Stored: argon2id hash, the token only as its sha256.
    const id = BigInt(payload.user.id);
    const row = await app.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(row.email).toBe(lower);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const tokens = await app.prisma.emailVerificationToken.findMany({ where: { userId: id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(sha256(content.token!));
    expect(tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime()).toBeGreaterThan(7 * 86400_000 - 5000);
    expect(tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime()).toBeLessThan(7 * 86400_000 + 5000);

    // The register token already works; the account is unverified.
    const me = await app.gql(ME, {}, { token: payload.token });
    expect(me.data!.me).toEqual({ ...payload.user });

    const verified = await app.gql(VERIFY, { input: { token: content.token } }, { token: payload.token });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyEmail).toEqual({ verified: true, user: { id: payload.user.id, emailVerified: true } });
    const afterVerify = await app.prisma.user.findUniqueOrThrow({ where: { id } });
    expect(afterVerify.emailVerified).toBe(true);
    expect(afterVerify.emailVerifiedAt).not.toBeNull();
    expect((await auditRows(app, { action: 'EMAIL_VERIFIED', entityId: id })).map((a) => a.userId)).toEqual([id]);

    // Single use.
    const again = await app.gql(VERIFY, { input: { token: content.token } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'token'], message: 'Invalid or expired token', constraint: 'validToken' },
    ]);

    // Login with the address in another case; audit with ip and user agent.
    const loggedIn = await app.gql(
      LOGIN,
      { input: { email: email.toUpperCase(), password: PASSWORD } },
      { headers: { 'user-agent': 'kitaab-test/1.0' } },
    );
    expect(loggedIn.errors).toBeUndefined();
    expect(loggedIn.data!.login.user).toEqual({ ...payload.user, emailVerified: true });
    const meAgain = await app.gql(ME, {}, { token: loggedIn.data!.login.token });
    expect(meAgain.data!.me.email).toBe(lower);
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id } })).lastLoginAt).not.toBeNull();
    const [loginAudit] = await auditRows(app, { action: 'LOGGED_IN', entityId: id });
    expect(loginAudit).toMatchObject({ userId: id, entityType: 'USER', userAgent: 'kitaab-test/1.0', ipAddress: '127.0.0.1' });
    expect(await auditRows(app, { action: 'CREATED', entityId: id })).toHaveLength(1);
  });

  it('verifyEmail from an anonymous request verifies but returns no user (pasted whitespace is ignored)', async () => {
    const user = await registerUser(app);
    const res = await app.gql(VERIFY, { input: { token: ` ${user.verificationToken}\n` } });
    expect(res.data!.verifyEmail).toEqual({ verified: true, user: null });
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true);
  });

  it('refuses expired, unknown and malformed verification tokens', async () => {
    const user = await registerUser(app);
    await app.prisma.emailVerificationToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const token of [user.verificationToken, 'A'.repeat(43), 'nope', '']) {
      const res = await app.gql(VERIFY, { input: { token } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(false);
    expect(await auditRows(app, { action: 'EMAIL_VERIFIED', entityId: user.id })).toHaveLength(0);
  });

  it('register: a taken email (any case) is CONFLICT and creates nothing', async () => {
    const user = await registerUser(app);
    const count = await app.prisma.user.count();
    const res = await app.gql(REGISTER, {
      input: { email: user.email.toUpperCase(), password: PASSWORD, fullName: 'Someone Else' },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.data).toBeNull();
    expect(await app.prisma.user.count()).toBe(count);
  });

  it('register: concurrent sign-ups for one address give one account and CONFLICT for the rest', async () => {
    const email = freshEmail('race');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.gql(REGISTER, { input: { email: i % 2 ? email.toUpperCase() : email, password: PASSWORD, fullName: `Racer ${i}` } }),
      ),
    );
    const codes = results.map((res) => (res.errors ? errorCode(res) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await app.prisma.user.count({ where: { email } })).toBe(1);
    expect(await mailsTo(app, email)).toHaveLength(1);
  });

  it('register: bad input is BAD_USER_INPUT with field paths and creates nothing', async () => {
    const count = await app.prisma.user.count();
    const files = (await readOutbox(app)).length;
    const cases: Array<[Record<string, unknown>, Array<string | number>]> = [
      [{ email: 'not-an-email', password: PASSWORD, fullName: 'X' }, ['input', 'email']],
      [{ email: freshEmail(), password: 'short', fullName: 'X' }, ['input', 'password']],
      [{ email: freshEmail(), password: 'p'.repeat(129), fullName: 'X' }, ['input', 'password']],
      [{ email: freshEmail(), password: PASSWORD, fullName: '   ' }, ['input', 'fullName']],
      [{ email: freshEmail(), password: PASSWORD, fullName: 'n'.repeat(256) }, ['input', 'fullName']],
      [{ email: `${'e'.repeat(250)}@example.test`, password: PASSWORD, fullName: 'X' }, ['input', 'email']],
    ];
    for (const [input, path] of cases) {
      const res = await app.gql(REGISTER, { input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      const fieldErrors = res.errors![0]!.extensions!.fieldErrors as Array<{ path: unknown[] }>;
      expect(fieldErrors.map((error) => error.path)).toContainEqual(path);
    }
    const badZone = await app.gql(REGISTER, {
      input: { email: freshEmail(), password: PASSWORD, fullName: 'X', timezone: 'Mars/Olympus' },
    });
    expect(errorCode(badZone)).toBe('BAD_USER_INPUT');
    expect(await app.prisma.user.count()).toBe(count);
    expect((await readOutbox(app)).length).toBe(files);
  });

  it('login: wrong password, unknown email and deleted account fail identically', async () => {
    const user = await registerUser(app);
    const gone = await registerUser(app);
    await app.updateUser(gone.id, { deletedAt: new Date() });

    const attempts = [
      { email: user.email, password: 'wrong password!' },
      { email: freshEmail('nobody'), password: PASSWORD },
      { email: gone.email, password: PASSWORD },
    ];
    const failures = [];
    for (const input of attempts) {
      const res = await app.gql(LOGIN, { input });
      expect(res.data).toBeNull();
      failures.push(res.errors!.map((error) => ({ message: error.message, code: error.extensions!.code })));
    }
    expect(failures[0]).toEqual([{ message: 'Invalid email or password', code: 'UNAUTHENTICATED' }]);
    expect(failures[1]).toEqual(failures[0]);
    expect(failures[2]).toEqual(failures[0]);

    const failed = await auditRows(app, { action: 'LOGIN_FAILED', subjectUserId: user.id });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ userId: null, entityId: user.id, ipAddress: '127.0.0.1' });
    expect(await auditRows(app, { action: 'LOGGED_IN', entityId: user.id })).toHaveLength(0);
  });

  it('requestEmailVerification is always accepted and mails only unverified live accounts', async () => {
    const unverified = await registerUser(app);
    const verified = await registerUser(app);
    await app.gql(VERIFY, { input: { token: verified.verificationToken } });
    const nobody = freshEmail('nobody');

    for (const email of [unverified.email, verified.email, nobody]) {
      const res = await app.gql(REQUEST_VERIFICATION, { input: { email: email.toUpperCase() } });
      expect(res.data).toEqual({ requestEmailVerification: { accepted: true } });
    }
    expect((await mailsTo(app, unverified.email)).map((mail) => mail.kind)).toEqual(['VERIFY_EMAIL', 'VERIFY_EMAIL']);
    expect(await mailsTo(app, verified.email)).toHaveLength(1);
    expect(await mailsTo(app, nobody)).toHaveLength(0);

    // Both of the unverified user's tokens are valid; the newest verifies.
    const [, second] = await mailsTo(app, unverified.email);
    const res = await app.gql(VERIFY, { input: { token: second!.token } });
    expect(res.data!.verifyEmail.verified).toBe(true);
  });

  it('password reset: mailed token, new password, older tokens die, single use', async () => {
    const user = await registerUser(app);
    const nobody = freshEmail('nobody');
    for (const email of [user.email, nobody]) {
      const res = await app.gql(REQUEST_RESET, { input: { email } });
      expect(res.data).toEqual({ requestPasswordReset: { accepted: true } });
    }
    expect(await mailsTo(app, nobody)).toHaveLength(0);
    await app.gql(REQUEST_RESET, { input: { email: user.email } });
    const resets = (await mailsTo(app, user.email)).filter((mail) => mail.kind === 'RESET_PASSWORD');
    expect(resets).toHaveLength(2);
    expect(Object.keys(resets[0]!)).toEqual(['file', 'kind', 'to', 'subject', 'text', 'token', 'createdAt']);
    const stored = await app.prisma.passwordResetToken.findFirstOrThrow({ where: { tokenHash: sha256(resets[0]!.token!) } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(3600_000 - 5000);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThan(3600_000 + 5000);

    const tooShort = await app.gql(RESET, { input: { token: resets[0]!.token, newPassword: 'short' } });
    expect(errorCode(tooShort)).toBe('BAD_USER_INPUT');

    const newPassword = 'a brand new password';
    const reset = await app.gql(RESET, { input: { token: resets[0]!.token, newPassword } });
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetPassword.user.email).toBe(user.email);

    // The new session works at once; the one from before the reset is refused everywhere.
    expect((await app.gql(ME, {}, { token: reset.data!.resetPassword.token })).data!.me.id).toBe(user.gid);
    const stale = await app.gql(ME, {}, { token: user.token });
    expect(errorCode(stale)).toBe('UNAUTHENTICATED');

    expect(errorCode(await app.gql(LOGIN, { input: { email: user.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    expect((await app.gql(LOGIN, { input: { email: user.email, password: newPassword } })).errors).toBeUndefined();

    // Used token, and the other outstanding one, are both spent.
    for (const mail of resets) {
      const res = await app.gql(RESET, { input: { token: mail.token, newPassword: 'yet another password' } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
    expect(await auditRows(app, { action: 'PASSWORD_RESET', entityId: user.id })).toHaveLength(1);
  });

  it('password reset: an expired token is refused and changes nothing', async () => {
    const user = await registerUser(app);
    await app.gql(REQUEST_RESET, { input: { email: user.email } });
    const [mail] = (await mailsTo(app, user.email)).filter((m) => m.kind === 'RESET_PASSWORD');
    await app.prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const before = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const res = await app.gql(RESET, { input: { token: mail!.token, newPassword: 'a brand new password' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const after = await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect((await app.gql(ME, {}, { token: user.token })).data!.me.id).toBe(user.gid);
  });

  it('changePassword: wrong current password is BAD_USER_INPUT; success gives a token that works at once', async () => {
    const user = await registerUser(app);
    const anonymous = await app.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'another password' } });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');

    const wrong = await app.gql(
      CHANGE,
      { input: { currentPassword: 'not my password', newPassword: 'another password' } },
      { token: user.token },
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0]!.extensions!.fieldErrors).toEqual([
      { path: ['input', 'currentPassword'], message: 'Current password is incorrect', constraint: 'currentPassword' },
    ]);
    expect(await auditRows(app, { action: 'PASSWORD_CHANGED', entityId: user.id })).toHaveLength(0);

    // A token from earlier in the same second as the change must die too.
    const login = await app.gql(LOGIN, { input: { email: user.email, password: PASSWORD } });
    const sameSecond = login.data!.login.token;
    const changed = await app.gql(
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'another password' } },
      { token: sameSecond },
    );
    expect(changed.errors).toBeUndefined();
    const fresh = changed.data!.changePassword.token;
    expect((await app.gql(ME, {}, { token: fresh })).data!.me.id).toBe(user.gid);
    expect(errorCode(await app.gql(ME, {}, { token: sameSecond }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');

    // Logging in right after the change (same second) gives a working token too.
    const relogin = await app.gql(LOGIN, { input: { email: user.email, password: 'another password' } });
    expect((await app.gql(ME, {}, { token: relogin.data!.login.token })).data!.me.id).toBe(user.gid);
    expect(await auditRows(app, { action: 'PASSWORD_CHANGED', entityId: user.id })).toHaveLength(1);
  });

  it('a sent but invalid token fails even public operations', async () => {
    const res = await app.gql(LOGIN, { input: { email: freshEmail(), password: PASSWORD } }, { token: 'garbage' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe('Invalid or expired token');
  });
});
