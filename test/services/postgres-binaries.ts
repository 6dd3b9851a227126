import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findOnPath } from './command';
import { MissingBinaryError } from './missing-binary';

const debianRoot = '/usr/lib/postgresql';

/**
 * The bin directory of the newest PostgreSQL installed the Debian way
 * (/usr/lib/postgresql/<major>/bin), else the one holding `initdb` on PATH.
 */
export function findPostgresBinDir(): string {
  const debianMajors = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((entry) => /^\d+$/.test(entry) && existsSync(path.join(debianRoot, entry, 'bin', 'initdb')))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  if (debianMajors.length > 0) return path.join(debianRoot, String(debianMajors[0]), 'bin');

  const initdbOnPath = findOnPath('initdb');
  if (initdbOnPath !== undefined) return path.dirname(initdbOnPath);

  throw new MissingBinaryError('PostgreSQL (initdb)', 'apt-get install -y postgresql');
}
