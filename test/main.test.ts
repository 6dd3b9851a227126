import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { findFreePort } from './services/free-port';
import { makeTempDir } from './helpers/temp-dir';

const ROOT = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** What `npm start` runs, `node dist/main.js` (built once below), with only the given environment (plus PATH). */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitForReadyLine(started: Started, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Kitaab API ready at (\S+)/.exec(started.stdout());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start:\n${started.stdout()}\n${started.stderr()}`);
}

async function queryMe(url: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  return response.json();
}

describe('the built server (dist/main.js) as a process', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/build.ts'], { cwd: ROOT, stdio: 'pipe' });
  });

  let dataDir: string;

  beforeEach(async () => {
    dataDir = await makeTempDir('kitaab-main-');
  });

  it('exits 1 with one line and no stack trace on invalid configuration', async () => {
    const started = startMain({ PORT: 'abc', DATA_DIR: dataDir });
    const { code } = await started.exited;
    expect(code).toBe(1);
    expect(started.stderr()).toBe('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")\n');
    expect(started.stdout()).toBe('');
  });

  describe('on PostgreSQL', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase();
    });

    afterAll(() => database?.drop());

    it('serves, then drains and exits 0 on SIGTERM', async () => {
      const port = await findFreePort();
      const started = startMain({
        PORT: String(port),
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL ?? '',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      try {
        const url = await waitForReadyLine(started, 20_000);
        expect(url).toBe(`http://127.0.0.1:${port}/graphql`);
        await expect(queryMe(url)).resolves.toEqual({ data: { me: null } });
      } finally {
        started.child.kill('SIGTERM');
      }
      await expect(started.exited).resolves.toEqual({ code: 0, signal: null });
    });
  });

  describe('embedded (no DATABASE_URL, no REDIS_URL)', () => {
    it('keeps its data and JWT secret in DATA_DIR across restarts, one process at a time', async () => {
      const env = { PORT: String(await findFreePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

      const first = startMain(env);
      let url: string;
      try {
        url = await waitForReadyLine(first, 60_000);
        await expect(queryMe(url)).resolves.toEqual({ data: { me: null } });

        // PGlite cannot be shared: a second process on the same DATA_DIR must refuse to start.
        const second = startMain({ ...env, PORT: String(await findFreePort()) });
        const { code } = await second.exited;
        expect(code).toBe(1);
        expect(second.stdout() + second.stderr()).toContain('is in use by process');
      } finally {
        first.child.kill('SIGTERM');
      }
      await expect(first.exited).resolves.toEqual({ code: 0, signal: null });
      const secret = await fs.readFile(path.join(dataDir, 'jwt-secret'), 'utf8');

      const restarted = startMain(env);
      try {
        url = await waitForReadyLine(restarted, 30_000);
        await expect(queryMe(url)).resolves.toEqual({ data: { me: null } });
      } finally {
        restarted.child.kill('SIGTERM');
      }
      await expect(restarted.exited).resolves.toEqual({ code: 0, signal: null });
      await expect(fs.readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).resolves.toBe(secret);
      await expect(fs.stat(path.join(dataDir, 'pglite'))).resolves.toBeTruthy();
    }, 120_000);
  });
});
