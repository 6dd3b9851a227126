import pino from 'pino';
import { startBackgroundJobs } from '.';
import type { PrismaClient } from '../generated/prisma/client';
import type { Mailer } from '../mail';
import { GoalEvents } from '../modules/progress/goal-events';
import { startScheduler } from './scheduler';

const silent = pino({ level: 'silent' });
const EVERY_SECOND = '* * * * * *';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  test('runs a job on its schedule, never overlapping itself, and stop() waits for the run in progress', async () => {
    let running = 0;
    let maxRunning = 0;
    let started = 0;
    let finished = 0;
    const scheduler = startScheduler(
      [
        {
          name: 'slow',
          schedule: EVERY_SECOND,
          run: async () => {
            started += 1;
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            await sleep(1_500);
            running -= 1;
            finished += 1;
          },
        },
      ],
      silent,
    );
    await sleep(3_300);
    await scheduler.stop();

    expect(started).toBeGreaterThanOrEqual(1);
    expect(maxRunning).toBe(1);
    // stop() resolved only after the run it found in progress had finished.
    expect(finished).toBe(started);
    const afterStop = started;
    await sleep(1_200);
    expect(started).toBe(afterStop);
  });

  test('a failing run is logged and the schedule goes on', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    let runs = 0;
    const scheduler = startScheduler(
      [
        {
          name: 'flaky',
          schedule: EVERY_SECOND,
          run: async () => {
            runs += 1;
            throw new Error('boom');
          },
        },
      ],
      logger,
    );
    await sleep(2_600);
    await scheduler.stop();

    expect(runs).toBeGreaterThanOrEqual(2);
    const failure = JSON.parse(lines[0] ?? '{}') as { msg?: string; job?: string; err?: { message?: string } };
    expect(failure).toMatchObject({ msg: 'scheduled job failed', job: 'flaky', err: { message: 'boom' } });
  });
});

describe('background jobs of an instance', () => {
  const deps = { prisma: {} as PrismaClient, mailer: {} as Mailer, goalEvents: new GoalEvents(silent), logger: silent };
  const lifecycle = { databaseUrl: undefined, archiveAfterDays: 730, auditRetentionDays: 2557 };
  const LIFECYCLE_JOBS = ['archival', 'audit-retention', 'account-purge'];

  test('REMINDERS=off runs no reminder job; the progress backstop and the lifecycle jobs always run', async () => {
    const jobs = startBackgroundJobs({ ...deps, config: { ...lifecycle, reminders: false } });
    expect(jobs.jobs).toEqual(['progress-backstop', ...LIFECYCLE_JOBS]);
    await jobs.stop();
  });

  test('by default the reminder job runs every minute', async () => {
    const jobs = startBackgroundJobs({ ...deps, config: { ...lifecycle, reminders: true } });
    expect(jobs.jobs).toEqual(['reminders', 'progress-backstop', ...LIFECYCLE_JOBS]);
    await jobs.stop();
  });
});
