import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ScenarioRow } from './scenario';
import { formatCost, formatMs } from './targets';

/** What the results were measured on. */
export interface RunFacts {
  date: string;
  machine: string;
  software: string;
  load: string;
  data: string;
  server: string;
  durationSeconds: number;
}

const HEADER = [
  'Scenario',
  'Load',
  'Runs',
  'Answers',
  'Req/s',
  'p50',
  'p95',
  'p99',
  'Errors',
  'CPU ms/req',
  'DB ms/req',
  'SQL/req',
  'Peak RSS',
  'Target',
  'Result',
];
/** Columns 2 (Runs) to 12 (Peak RSS) hold numbers: right-aligned. */
const NUMERIC = (index: number) => index >= 2 && index <= 12;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function optional<T>(value: T | null, format: (value: T) => string): string {
  return value === null ? '—' : format(value);
}

/** The results as one Markdown table. */
export function resultsTable(rows: readonly ScenarioRow[]): string {
  const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, i) => (NUMERIC(i) ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const row of rows) {
    const result = row.target === null ? '—' : row.target.met ? 'met' : `**MISSED**${row.target.missedBecause ? ` (${row.target.missedBecause})` : ''}`;
    const measuredRuns = row.runs > 0;
    lines.push(
      `| ${[
        row.scenario,
        row.load,
        measuredRuns ? String(row.runs) : '—',
        measuredRuns ? row.requests.toLocaleString('en-US') : '—',
        optional(row.requestsPerSecond, (rate) => rate.toFixed(1)),
        optional(row.latency, (latency) => formatMs(latency.p50)),
        optional(row.latency, (latency) => formatMs(latency.p95)),
        optional(row.latency, (latency) => formatMs(latency.p99)),
        measuredRuns ? String(row.errors) : '—',
        optional(row.cpuMsPerRequest, formatCost),
        optional(row.dbMsPerRequest, formatCost),
        optional(row.sqlPerRequest, (statements) => statements.toFixed(1)),
        optional(row.peakRssMiB, (peak) => `${Math.round(peak)} MiB`),
        row.target?.text ?? '—',
        result,
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The rows' notes, one line each, named by scenario and load (a scenario has lines of several loads). */
export function noteLines(rows: readonly ScenarioRow[]): string[] {
  return rows.flatMap((row) => row.notes.map((note) => `- ${row.scenario} (${row.load}): ${cell(note)}`));
}

function notes(rows: readonly ScenarioRow[]): string {
  const lines = noteLines(rows);
  return lines.length > 0 ? `\n\nNotes:\n${lines.join('\n')}` : '';
}

/** The table with the facts it needs to be read: when, on what, with which data. */
export function resultsSection(rows: readonly ScenarioRow[], facts: RunFacts): string {
  return [
    `Run of ${facts.date} (${facts.durationSeconds.toFixed(0)} s in all).`,
    '',
    `- Machine: ${facts.machine}`,
    `- Software: ${facts.software}`,
    `- Load average (1/5/15 min) before and after: ${facts.load}`,
    `- Data: ${facts.data}`,
    `- Server: ${facts.server}`,
    '',
    resultsTable(rows) + notes(rows),
  ].join('\n');
}

const RESULTS_INTRO = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts): the latest run on the machine named below. The
targets are the seed's (p95 of entry creation < 50 ms at 10,000 a minute, dashboards < 200 ms,
permission check < 5 ms, analytics < 1 s; 1,000 registrations at once; 50,000 permission-checked
reads a minute) and issue 10's costs per request (server CPU, database time, peak memory). A
target is met only with zero errors in every run. Each timed scenario runs BENCH_REPEAT times
("Runs"; the registrations and the runs on 5,000 connections BENCH_HEAVY_REPEAT times, their
notes say so); every column shows the median of the runs, except "Errors" (all runs together)
and "Peak RSS" (the highest). "Answers" counts the responses of the median run. "CPU ms/req" is the
server process's CPU time (user + system, /proc/<pid>/stat) during a run divided by the
requests answered; "DB ms/req" and "SQL/req" are pg_stat_statements' total_exec_time and calls
in the benchmark database over the same stretch, divided the same way (the server's own work
only: the benchmark's reads of those totals are left out; transaction control such as BEGIN and
COMMIT counts as a statement). Both are read the moment the load
stops, so work on requests still in flight then is partly counted: it matters only for runs
with many connections. "Peak RSS" is the server process's highest resident memory during the
scenario. Latencies are measured by the load generator on the same machine, so they include its
own queueing. The notes count errors by kind; the server's log (its path is printed by the
run) says why the server failed a request.
`;

/** Where the hand-written analysis of the results begins; the bench keeps it as it is. */
export const ANALYSIS_START = '<!-- bench:analysis -->';

/** Writes the intro and this run's section, keeping the analysis that follows ANALYSIS_START. */
export function writeResultsFile(file: string, section: string): void {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const analysisAt = previous.indexOf(ANALYSIS_START);
  const analysis = analysisAt === -1 ? '' : `\n${previous.slice(analysisAt)}`;
  writeFileSync(file, `${RESULTS_INTRO}\n${section}\n${analysis}`);
}

export const README_START = '<!-- bench:results:start -->';
export const README_END = '<!-- bench:results:end -->';

/** Replaces what lies between the README's benchmark markers; false when they are missing. */
export function updateReadme(file: string, section: string): boolean {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start === -1 || end === -1 || end < start) return false;
  writeFileSync(file, `${text.slice(0, start + README_START.length)}\n${section}\n${text.slice(end)}`);
  return true;
}
