import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../test/services/free-port';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 120_000;

/**
 * The highest resident memory of a process over a stretch of time: Linux's VmHWM, reset at
 * the start through /proc/<pid>/clear_refs, and VmRSS sampled every 100 ms in case the reset
 * is not allowed. The peak of the whole run is kept across the resets.
 */
export class PeakRss {
  private sampled = 0;
  private timer: NodeJS.Timeout | undefined;
  private canReset = true;
  private wholeRun = 0;

  constructor(readonly pid: number) {}

  start(): void {
    this.stop();
    // VmHWM holds the peak since the last reset (or the start): keep it before resetting.
    this.wholeRun = Math.max(this.wholeRun, this.read('VmHWM'));
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      this.canReset = false;
    }
    this.sampled = this.read('VmRSS');
    this.timer = setInterval(() => {
      this.sampled = Math.max(this.sampled, this.read('VmRSS'));
    }, 100);
    this.timer.unref();
  }

  /** Peak since `start()`, in MiB. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const peak = this.canReset ? Math.max(this.sampled, this.read('VmHWM')) : this.sampled;
    this.wholeRun = Math.max(this.wholeRun, peak);
    return peak / 1024;
  }

  /**
   * The peak since the process started (or the first reset without a way to read the peak
   * before it), in MiB: with resets allowed, every stretch between them is covered by VmHWM.
   */
  wholeRunPeak(): number {
    return Math.max(this.wholeRun, this.read('VmHWM'), this.read('VmRSS')) / 1024;
  }

  /** Resident memory now, in MiB. */
  current(): number {
    return this.read('VmRSS') / 1024;
  }

  /** A /proc/<pid>/status field in KiB (0 once the process is gone). */
  private read(field: 'VmRSS' | 'VmHWM'): number {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : 0;
    } catch {
      return 0;
    }
  }
}

/** The server's LOG_LEVEL: warn, as every run so far; BENCH_LOG_LEVEL=debug says why a cache read missed. */
export const SERVER_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

export interface BenchServer {
  readonly graphqlUrl: string;
  /** The server's token key: the benchmark signs its actors' tokens with it instead of logging each in. */
  readonly jwtSecret: string;
  readonly origin: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * The API server as in production, in a child process of its own (so its memory can be
 * measured): NODE_ENV=production, rate limits off (CONTRACT.md: for load tests only),
 * warnings only in the log, reminders off (no background job in the measurements).
 */
export async function startBenchServer(options: {
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  /** Where the server's output goes (kept after the run, to read its warnings). */
  logFile: string;
}): Promise<BenchServer> {
  const port = await findFreePort();
  const logFile = options.logFile;
  const jwtSecret = randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    DATA_DIR: options.dataDir,
    // Registrations send a verification mail: to files, as the seed's scenario has it (in
    // production without SMTP_URL mail is only written when this is set).
    MAIL_OUTBOX_DIR: path.join(options.dataDir, 'outbox'),
    JWT_SECRET: jwtSecret,
    RATE_LIMITS: 'off',
    LOG_LEVEL: SERVER_LOG_LEVEL,
    REMINDERS: 'off',
    ...productionRuntimeEnv(),
  };
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // What `npm start` runs in production: the compiled server (npm run build), not TypeScript through swc.
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/build.ts'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stderr!.pipe(log);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, 'Kitaab API ready at', logFile);
  child.stdout!.pipe(log);
  return {
    graphqlUrl: `${origin}/graphql`,
    jwtSecret,
    origin,
    pid: child.pid!,
    logFile,
    stop: () => stopChild(child),
  };
}

/** Resolves once `child` prints `readyLine` on stdout; kills it if that takes over READY_TIMEOUT_MS. */
export function waitUntilReady(child: ChildProcess, readyLine: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the server did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message} (log: ${logFile})\n${output.slice(-2000)}`));
    };
    const onExit = (code: number | null) => fail(new Error(`the server exited with code ${code} before it was ready`));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.removeListener('exit', onExit);
        resolve();
      }
    });
    child.once('exit', onExit);
  });
}

/** SIGTERM (the server drains and exits), SIGKILL if it has not exited 30 s later. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The production container's definition, read once for the run. */
let dockerfile: string | undefined;
function dockerfileText(): string {
  dockerfile ??= readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
  return dockerfile;
}

/**
 * How the server's runtime compares with the Dockerfile's image (`FROM node:<major>`): the
 * bench runs the server on the Node that runs the bench, and memory differs between majors.
 */
export function runtimeVersusDockerfile(): string {
  const shipped = /^FROM node:(\d+)/m.exec(dockerfileText())?.[1];
  const running = process.versions.node.split('.')[0];
  if (shipped === undefined || shipped === running) return `Node ${process.version}`;
  return `Node ${process.version} (the Dockerfile ships Node ${shipped}: run the bench under it to measure production's runtime)`;
}

/**
 * The runtime's tuning production runs with (the Dockerfile's heap sizes and malloc arenas),
 * unless the caller sets its own.
 */
export function productionRuntimeEnv(): NodeJS.ProcessEnv {
  return {
    NODE_OPTIONS: process.env.NODE_OPTIONS ?? dockerfileEnv('NODE_OPTIONS'),
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? dockerfileEnv('MALLOC_ARENA_MAX'),
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? dockerfileEnv('MALLOC_MMAP_THRESHOLD_'),
  };
}

/** A variable as the Dockerfile's ENV sets it for the production container. */
function dockerfileEnv(name: string): string {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|(\\S+))`).exec(dockerfileText());
  if (!match) throw new Error(`the Dockerfile sets no ${name}: the bench would not run the server as production does`);
  return match[1] ?? match[2]!;
}
