import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findOnPath, runCommand } from './command';
import { findFreePort } from './free-port';
import { readLogTail } from './log-tail';
import { MissingBinaryError } from './missing-binary';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Temp dir holding the pid file and the log; removed by stopRedis. */
  readonly dir: string;
  /** Pid of the running server, undefined while it is down. */
  pid: number | undefined;
}

const installHint = 'apt-get install -y redis-server';

/** Starts a throwaway, non-persistent Redis on a free loopback port. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kitaab-redis-'));
  try {
    const port = await findFreePort();
    const redis: RedisServer = { url: `redis://127.0.0.1:${port}`, port, dir, pid: undefined };
    await launch(redis);
    return redis;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Stops the server and removes its dir. */
export async function stopRedis(redis: RedisServer): Promise<void> {
  try {
    await takeDown(redis);
  } finally {
    rmSync(redis.dir, { recursive: true, force: true });
  }
}

/** An outage: the server goes away; its port and dir are kept for restartRedis. */
export async function takeRedisDown(redis: RedisServer): Promise<void> {
  await takeDown(redis);
}

/** Brings the same server back on the same port (empty: nothing is persisted). */
export async function restartRedis(redis: RedisServer): Promise<void> {
  if (redis.pid !== undefined && isAlive(redis.pid)) await takeDown(redis);
  await launch(redis);
}

/** Answers whether the server replies +PONG to a PING within timeoutMs. */
export function pingRedis(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}

async function launch(redis: RedisServer): Promise<void> {
  const redisServer = findOnPath('redis-server');
  if (redisServer === undefined) throw new MissingBinaryError('redis-server', installHint);
  const pidFile = path.join(redis.dir, 'redis.pid');
  const logFile = path.join(redis.dir, 'redis.log');
  // --daemonize returns once the server forked; readiness is then a PING away.
  await runCommand(redisServer, [
    '--bind', '127.0.0.1',
    '--port', String(redis.port),
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'yes',
    '--dir', redis.dir,
    '--pidfile', pidFile,
    '--logfile', logFile,
  ]);
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(redis.port, 200))) {
    if (Date.now() > deadline) {
      throw new Error(`redis-server did not answer PING on port ${redis.port}\n${readLogTail(logFile)}`);
    }
    await sleep(20);
  }
  redis.pid = await readPid(pidFile);
  armExitSafetyNet(redis);
}

/**
 * Asks the server to shut down without saving, falls back to SIGTERM on its pid, and waits
 * until that pid is gone so the port is free for a restart.
 */
async function takeDown(redis: RedisServer): Promise<void> {
  const pid = redis.pid;
  redis.pid = undefined;
  exitSafetyNets.get(redis)?.();
  if (pid === undefined) return;
  const redisCli = findOnPath('redis-cli');
  try {
    if (redisCli === undefined) throw new MissingBinaryError('redis-cli', installHint);
    await runCommand(redisCli, ['-p', String(redis.port), 'shutdown', 'nosave'], { timeoutMs: 5_000 });
  } catch {
    if (isAlive(pid)) process.kill(pid, 'SIGTERM');
  }
  const deadline = Date.now() + 10_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(20);
  }
}

/** The daemon may answer PING a moment before its pid file is written. */
async function readPid(pidFile: string): Promise<number> {
  const deadline = Date.now() + 2_000;
  while (!existsSync(pidFile) && Date.now() < deadline) await sleep(10);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`unreadable Redis pid file ${pidFile}`);
  return pid;
}

const exitSafetyNets = new Map<RedisServer, () => void>();

/** A runner that exits without stopRedis (a crash, process.exit) must not leave a daemon behind. */
function armExitSafetyNet(redis: RedisServer): void {
  const pid = redis.pid;
  const onExit = (): void => {
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGTERM');
    rmSync(redis.dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  exitSafetyNets.set(redis, () => {
    process.removeListener('exit', onExit);
    exitSafetyNets.delete(redis);
  });
}

/**
 * Whether the pid is a live process. A daemonized Redis is re-parented to PID 1, which may
 * reap it seconds later; until then it is a zombie that holds no port, so it counts as gone.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (not Linux): the signal probe is all there is. With /proc: it just exited.
    return !existsSync('/proc/self');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
