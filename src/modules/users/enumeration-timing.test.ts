import { Client } from 'pg';
import { hashPassword } from '../../auth/passwords';
import { auditRows, mailsTo } from '../../../test/helpers/accounts';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { backgroundWorkSettled } from '../../lib/background-work';

/**
 * Issue 11 item 7: failed logins and reset/verification requests answer without waiting for
 * the database writes and mail that only an existing account causes, so their timing cannot
 * tell whether the account exists. Shown by holding those tables: the answers still come.
 */
describe('answers that do not wait for account-specific work', () => {
  let app: TestApp;
  let locker: Client;

  beforeAll(async () => {
    app = await startTestApp();
    locker = new Client({ connectionString: app.database.url });
    await locker.connect();
  });
  afterAll(async () => {
    await locker.end();
    await app.stop();
  });

  async function whileLocked(table: string, work: () => Promise<void>): Promise<void> {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    try {
      await work();
    } finally {
      await locker.query('COMMIT');
    }
  }

  it('requestPasswordReset and requestEmailVerification answer before the token is written', async () => {
    const user = await app.createUser({ emailVerified: false });
    await whileLocked('password_reset_tokens, email_verification_tokens', async () => {
      for (const email of [user.email, 'nobody-here@example.com']) {
        const reset = await app.gql('mutation ($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }', { email });
        expect(reset.data).toEqual({ requestPasswordReset: { accepted: true } });
        const verify = await app.gql('mutation ($email: String!) { requestEmailVerification(input: { email: $email }) { accepted } }', {
          email,
        });
        expect(verify.data).toEqual({ requestEmailVerification: { accepted: true } });
      }
    });
    await backgroundWorkSettled();
    expect((await mailsTo(app, user.email)).map((mail) => mail.kind).sort()).toEqual(['RESET_PASSWORD', 'VERIFY_EMAIL']);
    expect(await mailsTo(app, 'nobody-here@example.com')).toEqual([]);
  });

  it('a failed login answers before its audit row is written', async () => {
    const user = await app.createUser();
    await app.updateUser(user.id, { passwordHash: await hashPassword('the right password') });
    await whileLocked('audit_log', async () => {
      const failed = await app.gql('mutation ($email: String!) { login(input: { email: $email, password: "the wrong password" }) { token } }', {
        email: user.email,
      });
      expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    });
    expect(await auditRows(app, { action: 'LOGIN_FAILED', subjectUserId: user.id })).toHaveLength(1);
  });
});
