import { existsSync, readFileSync } from 'node:fs';

/** The last lines of a service's log, to explain why it failed to start. */
export function readLogTail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
