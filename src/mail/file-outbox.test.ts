import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileOutboxMailer } from './file-outbox';
import { createMailer } from './index';
import { makeTempDir } from '../../test/helpers/temp-dir';

describe('FileOutboxMailer', () => {
  let dir: string;

  beforeEach(async () => {
    dir = path.join(await makeTempDir('kitaab-outbox-'), 'not', 'yet', 'there');
  });

  it('writes one JSON file per message, exactly in the contract format', async () => {
    const at = new Date('2025-03-01T18:30:05.123Z');
    const mailer = new FileOutboxMailer(dir, () => at);
    await mailer.send({ kind: 'VERIFY_EMAIL', to: 'a@example.test', subject: 'Verify', text: 'code: t0k', token: 't0k' });
    await mailer.send({ kind: 'REMINDER', to: 'a@example.test', subject: 'Reminder', text: 'record today' });

    const files = (await fs.readdir(dir)).sort();
    expect(files).toEqual([
      '2025-03-01T18-30-05.123Z-000001-VERIFY_EMAIL.json',
      '2025-03-01T18-30-05.123Z-000002-REMINDER.json',
    ]);
    expect(JSON.parse(await fs.readFile(path.join(dir, files[0]!), 'utf8'))).toEqual({
      kind: 'VERIFY_EMAIL',
      to: 'a@example.test',
      subject: 'Verify',
      text: 'code: t0k',
      token: 't0k',
      createdAt: '2025-03-01T18:30:05.123Z',
    });
    // No token key at all for reminders.
    expect(Object.keys(JSON.parse(await fs.readFile(path.join(dir, files[1]!), 'utf8')))).toEqual([
      'kind',
      'to',
      'subject',
      'text',
      'createdAt',
    ]);
  });

  it('names files so that a name sort is time order', async () => {
    const times = ['2025-03-01T10:00:00.000Z', '2025-03-01T09:59:59.999Z', '2025-03-01T10:00:00.000Z'];
    let call = 0;
    // Each instance starts its own sequence, like separate processes would.
    for (const subject of ['b', 'a', 'c']) {
      const at = new Date(times[call++]!);
      await new FileOutboxMailer(dir, () => at).send({ kind: 'REMINDER', to: 'x@example.test', subject, text: subject });
    }
    const files = (await fs.readdir(dir)).sort();
    const subjects = await Promise.all(
      files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')).subject),
    );
    expect(subjects.slice(0, 1)).toEqual(['a']);
    expect(subjects.slice(1).sort()).toEqual(['b', 'c']);
  });

  it('never overwrites a file another process wrote under the same name', async () => {
    const at = new Date('2025-03-01T10:00:00.000Z');
    await new FileOutboxMailer(dir, () => at).send({ kind: 'REMINDER', to: 'x@example.test', subject: 'one', text: '1' });
    await new FileOutboxMailer(dir, () => at).send({ kind: 'REMINDER', to: 'x@example.test', subject: 'two', text: '2' });
    const files = (await fs.readdir(dir)).sort();
    expect(files).toEqual([
      '2025-03-01T10-00-00.000Z-000001-REMINDER.json',
      '2025-03-01T10-00-00.000Z-000002-REMINDER.json',
    ]);
    const subjects = await Promise.all(
      files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')).subject),
    );
    expect(subjects).toEqual(['one', 'two']);
  });
});

describe('createMailer', () => {
  it('uses the file outbox unless SMTP_URL is set', () => {
    const base = { smtpUrl: undefined, mailOutboxDir: '/tmp/x', mailOutboxConfigured: false, nodeEnv: 'development' as const };
    expect(createMailer(base).kind).toBe('outbox');
    expect(createMailer({ ...base, smtpUrl: 'smtp://127.0.0.1:2525' }).kind).toBe('smtp');
  });

  it('in production, writes no file (no token on disk) unless MAIL_OUTBOX_DIR was set (issue 11 item 7)', async () => {
    const dir = await makeTempDir('kitaab-outbox-prod-');
    const production = { smtpUrl: undefined, mailOutboxDir: dir, mailOutboxConfigured: false, nodeEnv: 'production' as const };
    const unset = createMailer(production);
    expect(unset.kind).toBe('none');
    await expect(unset.send({ kind: 'RESET_PASSWORD', to: 'a@example.com', subject: 's', text: 't', token: 'secret' })).rejects.toThrow(
      'RESET_PASSWORD mail not sent',
    );
    expect(await fs.readdir(dir)).toEqual([]);
    expect(createMailer({ ...production, mailOutboxConfigured: true }).kind).toBe('outbox');
    expect(createMailer({ ...production, smtpUrl: 'smtp://127.0.0.1:2525' }).kind).toBe('smtp');
  });
});
