/** What the server emails (CONTRACT.md section 2). */
export type MailKind = 'VERIFY_EMAIL' | 'RESET_PASSWORD' | 'REMINDER' | 'SUPPORT_REPLY';

export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  /** The one-time token of VERIFY_EMAIL and RESET_PASSWORD messages; absent for REMINDER and SUPPORT_REPLY. */
  token?: string;
}

/** Delivers messages: over SMTP when configured, otherwise into the file outbox (or nowhere: mail/index.ts). */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox' | 'none';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
