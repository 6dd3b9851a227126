import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import { PASSWORD, freshEmail } from '../../../test/helpers/accounts';
import { mailBody, startFakeSmtp } from '../../../test/helpers/fake-smtp';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { backgroundWorkSettled } from '../../lib/background-work';

describe('account mail over SMTP (SMTP_URL set)', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let app: TestApp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    app = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await app.stop();
    await smtp.close();
  });

  it('sends the verification and reset mails over SMTP and writes no outbox file', async () => {
    const email = freshEmail('smtp');
    const registered = await app.gql(
      'mutation ($input: RegisterInput!) { register(input: $input) { user { id } } }',
      { input: { email, password: PASSWORD, fullName: 'Mail Person' } },
    );
    expect(registered.errors).toBeUndefined();
    await app.gql('mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }', {
      input: { email },
    });
    // The reset mail goes out after the answer (src/lib/background-work.ts).
    await backgroundWorkSettled();

    expect(smtp.received.map((mail) => mail.to)).toEqual([[email], [email]]);
    expect(smtp.received[0]!.data).toMatch(/^Subject: Verify your Kitaab email address$/m);
    expect(smtp.received[1]!.data).toMatch(/^Subject: Reset your Kitaab password$/m);
    expect(mailBody(smtp.received[1]!)).toContain('expires in 1 hour');

    // The token in the mail body verifies the address.
    const token = /^([A-Za-z0-9_-]{43})$/m.exec(mailBody(smtp.received[0]!))?.[1];
    expect(token).toBeDefined();
    const verified = await app.gql('mutation ($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }', {
      input: { token },
    });
    expect(verified.data).toEqual({ verifyEmail: { verified: true } });

    await expect(fs.readdir(app.outboxDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('account mail when the SMTP server is down', () => {
  let app: TestApp;

  beforeAll(async () => {
    const smtp = await startFakeSmtp();
    const url = smtp.url;
    await smtp.close();
    app = await startTestApp({ SMTP_URL: url });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('still registers (the change is committed; the user can ask for another email)', async () => {
    const email = freshEmail('nosmtp');
    const res = await app.gql('mutation ($input: RegisterInput!) { register(input: $input) { user { email } } }', {
      input: { email, password: PASSWORD, fullName: 'Offline Mail' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.register.user.email).toBe(email);
    expect(await app.prisma.user.count({ where: { email } })).toBe(1);
    const again = await app.gql(
      'mutation ($input: RequestEmailVerificationInput!) { requestEmailVerification(input: $input) { accepted } }',
      { input: { email } },
    );
    expect(again.data).toEqual({ requestEmailVerification: { accepted: true } });
  });
});
