import { execFile } from 'node:child_process';
import path from 'node:path';

/** `scripts/backup.ts` as `npm run db:…` runs it, with `env` over this process's environment. */
export function runBackupCli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/backup.ts', ...args],
      { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
