import { promises as fs } from 'node:fs';
import path from 'node:path';
import { backgroundWorkSettled } from '../../src/lib/background-work';
import type { OutboxFile } from '../../src/mail/file-outbox';
import type { TestApp } from './test-app';

/** Account helpers for HTTP tests: registering through the API, reading the mail outbox. */

export const PASSWORD = 'correct horse battery';

export const AUTH_FIELDS = 'token expiresAt user { id email emailVerified fullName timezone }';

export interface OutboxEntry extends OutboxFile {
  file: string;
}

/** Every message in the outbox, oldest first (by file name, as the contract promises). */
export async function readOutbox(app: TestApp): Promise<OutboxEntry[]> {
  // Request mutations mail after answering (src/lib/background-work.ts).
  await backgroundWorkSettled();
  let names: string[];
  try {
    names = await fs.readdir(app.outboxDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, ...(JSON.parse(await fs.readFile(path.join(app.outboxDir, file), 'utf8')) as OutboxFile) })),
  );
}

/** Messages to `to`, oldest first. */
export async function mailsTo(app: TestApp, to: string): Promise<OutboxEntry[]> {
  return (await readOutbox(app)).filter((mail) => mail.to === to);
}

let registered = 0;

/** A fresh address for a registration (unique across test files sharing a database template). */
export function freshEmail(label = 'user'): string {
  registered += 1;
  return `${label}-${registered}-${Date.now()}@example.test`;
}

/** Registers through the API; returns the session and the verification token mailed to it. */
export async function registerUser(
  app: TestApp,
  options: { email?: string; fullName?: string; timezone?: string; password?: string } = {},
): Promise<{ id: bigint; gid: string; email: string; token: string; verificationToken: string }> {
  const email = options.email ?? freshEmail();
  const res = await app.gql(
    `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`,
    {
      input: {
        email,
        password: options.password ?? PASSWORD,
        fullName: options.fullName ?? 'Test User',
        ...(options.timezone ? { timezone: options.timezone } : {}),
      },
    },
  );
  if (res.errors) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
  const payload = res.data!.register;
  const mails = await mailsTo(app, email.trim().toLowerCase());
  const verification = mails.filter((mail) => mail.kind === 'VERIFY_EMAIL').at(-1);
  return {
    id: BigInt(payload.user.id),
    gid: payload.user.id,
    email: payload.user.email,
    token: payload.token,
    verificationToken: verification?.token ?? '',
  };
}

export async function auditRows(app: TestApp, where: { action?: string; entityId?: bigint; subjectUserId?: bigint }) {
  await backgroundWorkSettled();
  return app.prisma.auditLog.findMany({ where, orderBy: { id: 'asc' } });
}
