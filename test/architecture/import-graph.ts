import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A project file (path relative to the project root, `/`-separated) and what it imports. */
export type ImportGraph = Map<string, string[]>;

export interface ImportRules {
  /** Files whose imports are checked, relative to the root. */
  roots: string[];
  /** Never inside a checked file (generated code). */
  skip: (file: string) => boolean;
  /** Files the domain modules must never import. */
  entryWiring: readonly string[];
  /** Where the domain modules live. */
  modulesDir: string;
  /** Test code, which may import test helpers and the entry wiring. */
  isTest: (file: string) => boolean;
  /**
   * Known violations being removed, each named and with a reason; a violation matching one is
   * reported as allowed, not as a failure, and an allowance that matches nothing is reported
   * as stale (so it is removed when its work lands).
   */
  allowances: readonly Allowance[];
}

export interface Allowance {
  name: string;
  why: string;
  allows: (violation: Violation) => boolean;
}

export type Violation =
  | { rule: 'no-cycles'; cycle: string[] }
  | { rule: 'modules-never-import-entry-wiring'; from: string; to: string }
  | { rule: 'src-never-imports-test'; from: string; to: string };

export interface Verdict {
  violations: Violation[];
  allowed: Array<{ allowance: string; violation: Violation }>;
  staleAllowances: string[];
}

const EXTENSIONS = ['.ts', '.tsx', '.js'];

function listFiles(root: string, dir: string, skip: (file: string) => boolean, into: string[]): void {
  const absolute = path.join(root, dir);
  if (!existsSync(absolute)) return;
  for (const name of readdirSync(absolute)) {
    const file = path.posix.join(dir, name);
    if (skip(file) || name === 'node_modules') continue;
    if (statSync(path.join(root, file)).isDirectory()) listFiles(root, file, skip, into);
    else if (EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts')) into.push(file);
  }
}

/** `./x` from `src/a/b.ts` → `src/a/x.ts` (or `src/a/x/index.ts`); packages are not followed. */
function resolveRelative(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) ?? null;
}

/**
 * Every relative import of the files under `roots`: static and type-only imports, re-exports,
 * `require` and dynamic `import()` (TypeScript's own pre-processor reads them all). A type-only
 * import counts: it ties the files' designs together as much as a value import does.
 */
export function readImportGraph(root: string, roots: string[], skip: (file: string) => boolean): ImportGraph {
  const files: string[] = [];
  for (const dir of roots) listFiles(root, dir, skip, files);
  const graph: ImportGraph = new Map();
  for (const file of files.sort()) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => resolveRelative(root, file, imported.fileName))
      .filter((target): target is string => target !== null && !skip(target));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself), Tarjan's algorithm. */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (file: string): void => {
    index.set(file, counter);
    lowLink.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** Checks the rules; allowed violations are kept apart from the failures. */
export function checkImportRules(root: string, rules: ImportRules): Verdict {
  const graph = readImportGraph(root, rules.roots, rules.skip);
  const found: Violation[] = findCycles(graph).map((cycle) => ({ rule: 'no-cycles', cycle }));
  for (const [from, targets] of graph) {
    if (rules.isTest(from)) continue;
    for (const to of targets) {
      if (from.startsWith(`${rules.modulesDir}/`) && rules.entryWiring.includes(to)) {
        found.push({ rule: 'modules-never-import-entry-wiring', from, to });
      }
      if (from.startsWith('src/') && to.startsWith('test/')) found.push({ rule: 'src-never-imports-test', from, to });
    }
  }

  const verdict: Verdict = { violations: [], allowed: [], staleAllowances: [] };
  const used = new Set<string>();
  for (const violation of found) {
    const allowance = rules.allowances.find((candidate) => candidate.allows(violation));
    if (allowance) {
      used.add(allowance.name);
      verdict.allowed.push({ allowance: allowance.name, violation });
    } else {
      verdict.violations.push(violation);
    }
  }
  verdict.staleAllowances = rules.allowances.map((allowance) => allowance.name).filter((name) => !used.has(name));
  return verdict;
}

/** One line per violation, for a failing test's message. */
export function describeViolation(violation: Violation): string {
  return violation.rule === 'no-cycles'
    ? `no-cycles: ${violation.cycle.join(' ↔ ')}`
    : `${violation.rule}: ${violation.from} → ${violation.to}`;
}
