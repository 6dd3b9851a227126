import type { PrismaClient } from '../generated/prisma/client';
import { purgeDueAccounts, type PurgeOptions } from '../ops/account-purge';
import { runLifecycleJob, type LifecycleJobDependencies, type LifecycleRun } from './lifecycle-job';

/** The purge of accounts whose grace period is over (src/ops/account-purge.ts), under its lock. */
export class AccountPurgeJob {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly deps: LifecycleJobDependencies,
    private readonly options: PurgeOptions = {},
  ) {}

  runOnce(): Promise<LifecycleRun> {
    return runLifecycleJob(this.deps, 'account-purge', async () => {
      const result = await purgeDueAccounts(this.prisma, this.options);
      return { complete: result.complete, rows: { purged_accounts: result.accounts, purged_rows: result.rows } };
    });
  }
}
