import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transformSync } from '@swc/core';
import { createLogger } from './logger';
import { mapStackFrames } from './stack-source-maps';

/**
 * A module compiled the way scripts/build.ts compiles src/ (swc, a `.map` beside the `.js`),
 * and stacks naming its compiled lines, as the server's would without --enable-source-maps.
 */
const SOURCE = [
  'interface Payload { reason: string }',
  '',
  'export function explode(payload: Payload): never {',
  '  const message: string = `boom: ${payload.reason}`;',
  '  throw new Error(message);',
  '}',
  '',
].join('\n');
const THROW_LINE = 5;

let dir: string;
let compiledFile: string;
let frame: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stack-maps-'));
  compiledFile = path.join(dir, 'thrower.js');
  const { code, map } = transformSync(SOURCE, {
    filename: path.join(dir, 'thrower.ts'),
    sourceMaps: true,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  writeFileSync(compiledFile, `${code}\n//# sourceMappingURL=thrower.js.map\n`);
  writeFileSync(`${compiledFile}.map`, map ?? '');
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes('throw new Error'));
  expect(line).toBeGreaterThanOrEqual(0);
  // The compiled line differs from the source's (the interface and the export preamble are gone).
  expect(line + 1).not.toBe(THROW_LINE);
  frame = `${compiledFile}:${line + 1}:${(lines[line] ?? '').indexOf('throw') + 1}`;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stackOf = (...frames: string[]) => ['Error: boom: x', ...frames.map((text) => `    at ${text}`)].join('\n');

describe('mapStackFrames', () => {
  it('points frames of a compiled file at the TypeScript line they came from', () => {
    const mapped = mapStackFrames(stackOf(`explode (${frame})`, frame));
    const original = `${path.join(dir, 'thrower.ts')}:${THROW_LINE}:3`;
    expect(mapped).toBe(stackOf(`explode (${original})`, original));
  });

  it('leaves node internals, node_modules and files without a map as they are', () => {
    const withoutMap = path.join(dir, 'plain.js');
    writeFileSync(withoutMap, 'module.exports = 1;\n');
    const dependency = path.join(dir, 'node_modules', 'dependency', 'index.js');
    const stack = stackOf(
      'Module._compile (node:internal/modules/cjs/loader:1495:20)',
      `helper (${withoutMap}:1:1)`,
      `dependency (${dependency}:3:4)`,
      `${path.join(dir, 'missing.js')}:7:8`,
    );
    expect(mapStackFrames(stack)).toBe(stack);
  });
});

describe('the logger', () => {
  it('writes logged errors with mapped stacks: causes and nested errors too', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const inner = new Error('inner');
    inner.stack = stackOf(frame);
    const outer = Object.assign(new Error('outer', { cause: inner }), { originalError: Object.assign(new Error('original'), { stack: stackOf(frame) }) });
    outer.stack = stackOf(`explode (${frame})`);

    logger.error({ err: outer }, 'failed');

    const { err } = JSON.parse(lines[0] ?? '{}') as { err: { stack: string; originalError: { stack: string } } };
    const original = `${path.join(dir, 'thrower.ts')}:${THROW_LINE}:3`;
    expect(err.stack).toContain(`explode (${original})`);
    expect(err.stack).toContain('caused by: Error: boom: x');
    expect(err.stack).not.toContain(frame);
    expect(err.originalError.stack).toBe(stackOf(original));
  });
});
