import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer';

/** The sender when SMTP_URL does not say otherwise (a `from` query parameter is not standard). */
export const DEFAULT_FROM = 'Kitaab <no-reply@kitaab.invalid>';

// Mail is sent inside the request that caused it: nodemailer's defaults (2 min to connect,
// 10 min idle) would hold a register or reset request that long when the server hangs.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Delivers over SMTP (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.com`). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string = DEFAULT_FROM) {
    this.transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
