import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Mailer, MailMessage } from './mailer';

/** Exactly the JSON a file holds (CONTRACT.md section 2). */
export interface OutboxFile {
  kind: MailMessage['kind'];
  to: string;
  subject: string;
  text: string;
  token?: string;
  createdAt: string;
}

const SEQUENCE_DIGITS = 6;

/**
 * The default mailer: one JSON file per message in `dir`, named
 * `<createdAt with ':' as '-'>-<seq>-<kind>.json` so a plain name sort is time order
 * (the sequence breaks ties within a millisecond). Files appear whole: each is written
 * aside and hard-linked into place, which also never overwrites another process's file.
 * Not nodemailer's JSON transport: that one returns the message instead of writing it, and
 * the file's shape and name are the contract's (CONTRACT.md section 2), not nodemailer's.
 */
export class FileOutboxMailer implements Mailer {
  readonly kind = 'outbox';
  private sequence = 0;

  constructor(
    private readonly dir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    const createdAt = this.clock().toISOString();
    const file: OutboxFile = {
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.token !== undefined ? { token: message.token } : {}),
      createdAt,
    };
    await fs.mkdir(this.dir, { recursive: true });
    const draft = path.join(this.dir, `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    await fs.writeFile(draft, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    try {
      await this.linkUnderFreeName(draft, createdAt, message.kind);
    } finally {
      await fs.rm(draft, { force: true });
    }
  }

  async close(): Promise<void> {}

  private async linkUnderFreeName(draft: string, createdAt: string, kind: string): Promise<void> {
    const stamp = createdAt.replace(/:/g, '-');
    for (;;) {
      this.sequence = (this.sequence + 1) % 10 ** SEQUENCE_DIGITS;
      const name = `${stamp}-${String(this.sequence).padStart(SEQUENCE_DIGITS, '0')}-${kind}.json`;
      try {
        await fs.link(draft, path.join(this.dir, name));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}
