import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * What requests cost the machine, measured outside the server so that nothing on its hot
 * path has to count: the process's CPU time (Linux /proc) and the database's own
 * accounting of the statements it ran (pg_stat_statements).
 */

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in ms; null once it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
  } catch {
    return null;
  }
}

/** The benchmark process's own CPU time so far, in ms (for the scenario that runs in it). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface StatementTotals {
  /** Sum of pg_stat_statements.total_exec_time over the database's statements, in ms. */
  execMs: number;
  calls: number;
  /** Times pg_stat_statements dropped entries to make room: sums across such a drop are wrong. */
  deallocations: number;
}

/** Its own snapshot query carries this marker, so that it is left out of every sum. */
const SNAPSHOT_MARKER = 'kitaab-bench-statement-totals';

/**
 * The benchmark database's statement totals from pg_stat_statements, read over one
 * connection of its own. `open` returns null (and says why) when the extension is not
 * available, e.g. on a PostgreSQL without it in shared_preload_libraries.
 */
export class StatementStats {
  private constructor(private readonly client: Client) {}

  static async open(databaseUrl: string, log: (message: string) => void): Promise<StatementStats | null> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'kitaab-bench-stats' });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const stats = new StatementStats(client);
      await stats.totals();
      return stats;
    } catch (error) {
      log(`no database time per request: pg_stat_statements is not usable (${(error as Error).message})`);
      await client.end();
      return null;
    }
  }

  async totals(): Promise<StatementTotals> {
    const { rows } = await this.client.query<{ exec_ms: number; calls: string; deallocations: string }>(
      `/* ${SNAPSHOT_MARKER} */
       SELECT coalesce(sum(total_exec_time), 0)::float8 AS exec_ms, coalesce(sum(calls), 0)::text AS calls,
              (SELECT dealloc FROM pg_stat_statements_info)::text AS deallocations
       FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT LIKE '%${SNAPSHOT_MARKER}%'`,
    );
    const row = rows[0]!;
    return { execMs: row.exec_ms, calls: Number(row.calls), deallocations: Number(row.deallocations) };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Cost per answered request over one measured stretch; null where it could not be measured. */
export interface RequestCosts {
  cpuMsPerRequest: number | null;
  dbMsPerRequest: number | null;
  sqlPerRequest: number | null;
}

/** Where the costs are read from: a process's CPU clock and the database's statement totals. */
export interface CostSources {
  cpuMs: (() => number | null) | null;
  statements: StatementStats | null;
}

/** Starts measuring; the returned function ends it and divides by the requests answered. */
export async function startCostWindow(sources: CostSources): Promise<(answered: number) => Promise<RequestCosts>> {
  const cpuBefore = sources.cpuMs?.() ?? null;
  const dbBefore = (await sources.statements?.totals()) ?? null;
  return async (answered) => {
    const cpuAfter = sources.cpuMs?.() ?? null;
    const dbAfter = (await sources.statements?.totals()) ?? null;
    const per = (total: number | null) => (total === null || answered === 0 ? null : total / answered);
    // Entries dropped in between take their sums with them: no database figures then.
    const db = dbBefore && dbAfter && dbAfter.deallocations === dbBefore.deallocations ? { before: dbBefore, after: dbAfter } : null;
    return {
      cpuMsPerRequest: per(cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null),
      dbMsPerRequest: per(db ? db.after.execMs - db.before.execMs : null),
      sqlPerRequest: per(db ? db.after.calls - db.before.calls : null),
    };
  };
}
