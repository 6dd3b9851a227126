import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface CommandOptions {
  /** Run as this OS user (via runuser) when the current process is root. */
  asUser?: string;
  timeoutMs?: number;
}

const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Runs a program and resolves with its stdout. On failure the error carries the command
 * and its stderr, so a failed service start explains itself.
 */
export function runCommand(file: string, args: string[], options: CommandOptions = {}): Promise<string> {
  const [program, programArgs] =
    options.asUser !== undefined && runningAsRoot
      ? ['runuser', ['-u', options.asUser, '--', file, ...args]]
      : [file, args];
  return new Promise((resolve, reject) => {
    execFile(program, programArgs, { timeout: options.timeoutMs ?? 60_000 }, (error, stdout, stderr) => {
      if (error) {
        const output = `${stderr}${stdout}`.trim();
        reject(new Error(`${[program, ...programArgs].join(' ')} failed: ${error.message.split('\n')[0]}${output ? `\n${output}` : ''}`));
        return;
      }
      resolve(stdout);
    });
  });
}

/** Whether the process runs as root; root must hand PostgreSQL to its own OS user. */
export function isRoot(): boolean {
  return runningAsRoot;
}

/** The absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}
