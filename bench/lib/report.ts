import { readFileSync, writeFileSync } from 'node:fs';
import { formatMs, type ScenarioRow } from './scenario';

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

const HEADER = ['Scenario', 'Load', 'Answers', 'Req/s', 'p50', 'p95', 'p99', 'Errors', 'SQL/op', 'Peak RSS', 'Target', 'Result'];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The results as one Markdown table. */
export function resultsTable(rows: readonly ScenarioRow[]): string {
  const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, i) => (i >= 2 && i <= 9 ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const row of rows) {
    const result = row.target === null ? '—' : row.target.met ? 'met' : `**MISSED**${row.target.missedBecause ? ` (${row.target.missedBecause})` : ''}`;
    lines.push(
      `| ${[
        row.scenario,
        row.load,
        row.requests.toLocaleString('en-US'),
        row.requestsPerSecond === null ? '—' : row.requestsPerSecond.toFixed(1),
        row.latency ? formatMs(row.latency.p50) : '—',
        row.latency ? formatMs(row.latency.p95) : '—',
        row.latency ? formatMs(row.latency.p99) : '—',
        String(row.errors),
        row.sqlPerOperation === null ? '—' : row.sqlPerOperation.toFixed(1),
        row.peakRssMiB === null ? '—' : `${Math.round(row.peakRssMiB)} MiB`,
        row.target?.text ?? '—',
        result,
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function notes(rows: readonly ScenarioRow[]): string {
  const lines = rows.flatMap((row) => row.notes.map((note) => `- ${row.scenario}: ${cell(note)}`));
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

Written by \`npm run bench\` (bench/run.ts): the latest run on the machine named below. The seed's
targets are p95 latencies (entry creation < 50 ms, dashboard < 200 ms, permission check < 5 ms,
analytics < 1 s) and rates (10,000 entries and 50,000 permission checks a minute). A target is
met only with zero errors. "Answers" counts the responses received; "SQL/op" is the mean number
of SQL statements per GraphQL operation, from the server's own
\`kitaab_sql_statements_per_operation\` histogram; "Peak RSS" is the server process's highest
resident memory during the scenario. Latencies are measured by the load generator on the same
machine, so they include its own queueing. The notes count errors by kind; the server's log
(its path is printed by the run) says why the server failed a request.
`;

export function writeResultsFile(file: string, section: string): void {
  writeFileSync(file, `${RESULTS_INTRO}\n${section}\n`);
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
