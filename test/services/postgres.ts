import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { isRoot, runCommand } from './command';
import { findFreePort } from './free-port';
import { readLogTail } from './log-tail';
import { findPostgresBinDir } from './postgres-binaries';

/** PostgreSQL refuses to run as root, so as root every cluster command runs as this user. */
const postgresOsUser = 'postgres';

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  /** Temp dir holding the data dir, the socket and the server log; removed on stop. */
  readonly dir: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /**
   * Keep PostgreSQL's durability defaults (fsync, synchronous commit, full-page writes), e.g.
   * for a benchmark whose commit latencies should be those of a real server.
   */
  durable?: boolean;
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port, with pg_stat_statements
 * preloaded so tests can count statements. Durability is switched off unless asked for: the
 * data is thrown away anyway, and fsync dominates CREATE DATABASE and migration time.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresCluster> {
  const binDir = findPostgresBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kitaab-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const asUser = isRoot() ? postgresOsUser : undefined;
  if (asUser !== undefined) chownToUser(dir, asUser);
  const releaseOnExit = killOnExit(dataDir, dir);

  try {
    await runCommand(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { asUser },
    );
    const port = await startServer(binDir, dataDir, dir, logFile, asUser, options.durable ?? false);
    return runningCluster(binDir, dataDir, dir, port, asUser, releaseOnExit);
  } catch (error) {
    releaseOnExit();
    stopImmediately(dataDir);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts a streaming replica of `primary` on another free loopback port: `pg_basebackup -R`
 * over the replication protocol (initdb's trust pg_hba already allows replication on
 * loopback; wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults), then a hot
 * standby on the copy. Its URL answers read-only queries on every database of the primary.
 */
export async function startReplica(primary: PostgresCluster): Promise<PostgresCluster> {
  const binDir = findPostgresBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kitaab-pg-replica-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const asUser = isRoot() ? postgresOsUser : undefined;
  if (asUser !== undefined) chownToUser(dir, asUser);
  const releaseOnExit = killOnExit(dataDir, dir);

  try {
    await runCommand(
      path.join(binDir, 'pg_basebackup'),
      ['-R', '-D', dataDir, '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
      { asUser },
    );
    const port = await startServer(binDir, dataDir, dir, logFile, asUser);
    return runningCluster(binDir, dataDir, dir, port, asUser, releaseOnExit);
  } catch (error) {
    releaseOnExit();
    stopImmediately(dataDir);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function runningCluster(
  binDir: string,
  dataDir: string,
  dir: string,
  port: number,
  asUser: string | undefined,
  releaseOnExit: () => void,
): PostgresCluster {
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      releaseOnExit();
      try {
        await runCommand(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { asUser });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Another process may grab the free port before the postmaster binds it: retry then. */
async function startServer(
  binDir: string,
  dataDir: string,
  dir: string,
  logFile: string,
  asUser: string | undefined,
  durable = false,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const serverOptions = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c shared_preload_libraries=pg_stat_statements',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    try {
      await runCommand(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-o', serverOptions, 'start'], {
        asUser,
      });
      return port;
    } catch (error) {
      const log = readLogTail(logFile);
      if (attempt < 3 && log.includes('Address already in use')) continue;
      throw new Error(`${(error as Error).message}\n${log}`);
    }
  }
}

function chownToUser(dir: string, user: string): void {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
}

/** The postmaster's pid from its lock file, if it is running. */
function postmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** SIGQUIT is PostgreSQL's immediate shutdown; it is synchronous-safe for exit handlers. */
function stopImmediately(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

/**
 * If the process exits without stop() (a crash, process.exit in a runner), do not leave a
 * postmaster and its temp dir behind. Returns the function that disarms the safety net.
 */
function killOnExit(dataDir: string, dir: string): () => void {
  const onExit = (): void => {
    stopImmediately(dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return () => process.removeListener('exit', onExit);
}
