import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

// Jest evaluates this module once per test file, so this removes what that file made, after its
// last test (and after its describe blocks' own afterAll, which stop servers still using them).
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/**
 * A new directory under the system's temp dir, removed after the test file: tests write JWT
 * secrets and mail with tokens in them, which must not pile up in /tmp run after run.
 */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
