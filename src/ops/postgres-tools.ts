import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** A PostgreSQL client program is not installed. One line: what is missing and how to get it. */
export class MissingPostgresToolError extends Error {
  constructor(tool: string, searched: string) {
    super(`${tool} not found (looked in ${searched}): install the PostgreSQL client with \`apt-get install -y postgresql-client\``);
    this.name = 'MissingPostgresToolError';
    // A stack adds nothing to "install X"; the CLI prints the message alone.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Where PostgreSQL's programs run: the environment they inherit (its PATH is searched for
 * them; the CLI passes its own process environment) and Debian's versioned install root.
 */
export interface ToolEnvironment {
  env: NodeJS.ProcessEnv;
  /** Debian keeps one bin dir per major version here; default /usr/lib/postgresql. */
  debianRoot?: string;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest `/usr/lib/postgresql/<major>/bin/<tool>`, else `<tool>` on PATH. The newest
 * matters: pg_dump refuses servers newer than itself, and Debian's /usr/bin wrappers pick a
 * version by cluster configuration this machine may not have.
 */
export function findPostgresTool(tool: string, tools: ToolEnvironment): string {
  const debianRoot = tools.debianRoot ?? DEBIAN_ROOT;
  const majors = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((entry) => /^\d+$/.test(entry) && isExecutable(path.join(debianRoot, entry, 'bin', tool)))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  if (majors.length > 0) return path.join(debianRoot, String(majors[0]), 'bin', tool);

  for (const dir of (tools.env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && isExecutable(path.join(dir, tool))) return path.join(dir, tool);
  }
  throw new MissingPostgresToolError(tool, `${debianRoot}/*/bin and PATH`);
}

// Parameters Prisma and node-postgres accept in a URL that libpq rejects ("invalid URI query parameter").
const NON_LIBPQ_PARAMETERS = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout'];

export interface LibpqConnection {
  /** The URL without its password, for `--dbname` (visible in `ps`, so no secret in it). */
  readonly dbname: string;
  /** PGPASSWORD when the URL has one: children inherit it without showing it. */
  readonly env: NodeJS.ProcessEnv;
  /** The database name, for messages. */
  readonly database: string;
}

/** Splits a DATABASE_URL into what libpq tools take on the command line and in the environment. */
export function libpqConnection(databaseUrl: string): LibpqConnection {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  for (const name of NON_LIBPQ_PARAMETERS) url.searchParams.delete(name);
  return {
    dbname: url.toString(),
    env: password ? { PGPASSWORD: password } : {},
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
  };
}

/** Runs a PostgreSQL client program; a failure carries its stderr (which never holds the password). */
export function runPostgresTool(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.trim() || error.message.split('\n')[0];
          reject(new Error(`${path.basename(file)} failed: ${detail}`));
          return;
        }
        resolve(stdout);
      },
    );
  });
}
