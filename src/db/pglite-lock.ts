import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * PGlite runs PostgreSQL inside this process with no postmaster to arbitrate: two
 * processes opening the same data directory corrupt it. A pid file makes the second one
 * fail with a clear message instead; a file left by a crashed process is taken over.
 */
export interface DataDirLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kitaab.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new Error(`The embedded database in ${dataDir} is in use by process ${owner}; stop it first`);
    }
    await fs.rm(file, { force: true });
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}
