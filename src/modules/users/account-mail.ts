import type { MailMessage } from '../../mail';

/**
 * The texts of the account emails. There is no web front end URL to link to, so the
 * message carries the token itself, to paste into the app (which calls the mutation).
 */

export function verificationMail(to: string, fullName: string, token: string): MailMessage {
  return {
    kind: 'VERIFY_EMAIL',
    to,
    subject: 'Verify your Kitaab email address',
    text: [
      `Assalamu alaikum ${fullName},`,
      '',
      'Please confirm this email address for your Kitaab account with this verification code:',
      '',
      token,
      '',
      'The code works once and expires in 7 days. If you did not create a Kitaab account, ignore this email.',
    ].join('\n'),
    token,
  };
}

export function passwordResetMail(to: string, fullName: string, token: string): MailMessage {
  return {
    kind: 'RESET_PASSWORD',
    to,
    subject: 'Reset your Kitaab password',
    text: [
      `Assalamu alaikum ${fullName},`,
      '',
      'Someone asked to reset the password of your Kitaab account. Use this code to choose a new password:',
      '',
      token,
      '',
      'The code works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
    token,
  };
}
