import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

/**
 * Stack frames of the compiled server (dist/*.js) rewritten to the TypeScript lines they came
 * from, for the errors the logger writes. The server runs without `--enable-source-maps`: on
 * Node 20 that flag reads every loaded module's map at start (node_modules' too, sources
 * included) and keeps them for the life of the process, 10-20 MiB (bench/RESULTS.md, the tenth
 * round). Here a map is read the first time a frame of its file is logged, and only for files
 * outside node_modules with a `.map` beside them; everything else is left as it was.
 */

// "    at fn (/abs/file.js:12:34)" or "    at /abs/file.js:12:34"
const FRAME = /(\(|at )(\/[^():]+\.js):(\d+):(\d+)(\)?)$/gm;

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map !== undefined) return map;
  map = null;
  if (!file.includes(`${path.sep}node_modules${path.sep}`)) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      // No map beside the file (or an unreadable one): its frames stay as they are.
    }
  }
  maps.set(file, map);
  return map;
}

function originalFrame(file: string, line: number, column: number): string | undefined {
  const map = sourceMapOf(file);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
  const source = entry.originalSource.startsWith('file://')
    ? new URL(entry.originalSource).pathname
    : path.resolve(path.dirname(file), entry.originalSource);
  return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

/** `stack` with every frame of a file that has a source map pointing at its original line. */
export function mapStackFrames(stack: string): string {
  try {
    return stack.replace(FRAME, (frame, opening: string, file: string, line: string, column: string, closing: string) => {
      const original = originalFrame(file, Number(line), Number(column));
      return original === undefined ? frame : `${opening}${original}${closing}`;
    });
  } catch {
    return stack;
  }
}

const MAX_DEPTH = 4;

/**
 * pino's serialized error (`stack` with its causes', and nested errors such as
 * `originalError` serialized the same way) with its stacks mapped, in place.
 */
export function mapSerializedErrorStacks<T>(serialized: T, depth = 0): T {
  if (typeof serialized !== 'object' || serialized === null || depth > MAX_DEPTH) return serialized;
  const record = serialized as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (key === 'stack' && typeof value === 'string') record[key] = mapStackFrames(value);
    else if (key !== 'raw' && typeof value === 'object') mapSerializedErrorStacks(value, depth + 1);
  }
  return serialized;
}
