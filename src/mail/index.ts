import type { Config } from '../config';
import { FileOutboxMailer } from './file-outbox';
import type { Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

export type { Mailer, MailKind, MailMessage } from './mailer';

/** SMTP when `SMTP_URL` is set, otherwise the file outbox in `MAIL_OUTBOX_DIR`. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailOutboxDir'>): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new FileOutboxMailer(config.mailOutboxDir);
}
