import type { Config } from '../config';
import { FileOutboxMailer } from './file-outbox';
import type { Mailer, MailMessage } from './mailer';
import { SmtpMailer } from './smtp-mailer';

export type { Mailer, MailKind, MailMessage } from './mailer';

/**
 * SMTP when `SMTP_URL` is set, otherwise the file outbox in `MAIL_OUTBOX_DIR`. In production
 * the outbox needs MAIL_OUTBOX_DIR set explicitly: files holding reset and verification tokens
 * must not appear in the data directory by default. Without either, every send fails (the
 * callers log it; the token stays out of the log).
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailOutboxDir' | 'mailOutboxConfigured' | 'nodeEnv'>): Mailer {
  if (config.smtpUrl) return new SmtpMailer(config.smtpUrl);
  if (config.nodeEnv === 'production' && !config.mailOutboxConfigured) return new UndeliverableMailer();
  return new FileOutboxMailer(config.mailOutboxDir);
}

/** Production with no mail delivery configured. */
class UndeliverableMailer implements Mailer {
  readonly kind = 'none';

  async send(message: MailMessage): Promise<void> {
    throw new Error(`${message.kind} mail not sent: set SMTP_URL (or MAIL_OUTBOX_DIR to write messages as files)`);
  }

  async close(): Promise<void> {}
}
