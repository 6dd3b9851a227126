import fs from 'node:fs/promises';
import path from 'node:path';
import type * as SchemaEngineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';

type Glue = typeof SchemaEngineGlue;

// tsconfig's lib (ES2022, no DOM) has no WebAssembly types; this is the part used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

/** A Rust panic inside the engine. The instance is unusable afterwards; the next load makes a new one. */
export class SchemaEnginePanic extends Error {
  override readonly name = 'SchemaEnginePanic';
}

export interface SchemaEngineWasm {
  readonly SchemaEngine: Glue['SchemaEngine'];
  /** Never resolves; rejects with SchemaEnginePanic when this instance panics. */
  readonly panicked: Promise<never>;
}

let loaded: Promise<SchemaEngineWasm> | undefined;

/**
 * The package entry imports a `.wasm` file as a module, which Node cannot do, and the package is
 * ESM-only, which CommonJS runners without require(esm) (Jest's sandbox) cannot load. Its
 * wasm-bindgen glue is self-contained (no imports; only `export function` / `export class`), so
 * it is evaluated as a function body and the wasm instantiated against it here, with host imports
 * adjusted for a server process (see hostImports). One instance per process, reused until released.
 */
export function loadSchemaEngineWasm(): Promise<SchemaEngineWasm> {
  if (!loaded) {
    const forget = () => {
      if (loaded === loading) loaded = undefined;
    };
    const loading = instantiate(forget);
    loading.catch(forget);
    loaded = loading;
  }
  return loaded;
}

/**
 * Lets this process's instance go, for a process that will not migrate again (the server after
 * its startup migrations): kept, the compiled engine and its memory hold ~7 MiB for the life of
 * the process. A command under way keeps the instance it has (the engine's own 10 s timers hold
 * it until they fire); the next load makes a new one.
 */
export function releaseSchemaEngineWasm(): void {
  loaded = undefined;
}

async function instantiate(forget: () => void): Promise<SchemaEngineWasm> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const [glueSource, wasmBytes] = await Promise.all([
    fs.readFile(gluePath, 'utf8'),
    fs.readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')),
  ]);

  let rejectPanicked!: (panic: SchemaEnginePanic) => void;
  const panicked = new Promise<never>((_resolve, reject) => (rejectPanicked = reject));
  panicked.catch(() => undefined);
  let panic: SchemaEnginePanic | undefined;
  const reportPanic = (message: string) => {
    if (panic) return;
    panic = new SchemaEnginePanic(`The schema engine panicked: ${message}`);
    forget();
    rejectPanicked(panic);
  };

  const glue = evaluateGlue(glueSource, gluePath, { set_message: reportPanic });
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    './schema_engine_bg.js': hostImports(glue, (error) => reportPanic(error instanceof Error ? error.message : String(error))),
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return { SchemaEngine: glue.SchemaEngine, panicked };
}

function evaluateGlue(source: string, gluePath: string, panicRegistry: { set_message(message: string): void }): Glue {
  const exportedNames: string[] = [];
  const body = source.replace(/^export (function|class) ([A-Za-z_$][\w$]*)/gm, (_match, kind: string, name: string) => {
    exportedNames.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body) || !exportedNames.includes('SchemaEngine')) {
    throw new Error(`Unexpected shape of ${gluePath}: src/db/migrations/wasm.ts needs updating`);
  }
  const factory = new Function('global', `"use strict";\n${body}\nreturn { ${exportedNames.join(', ')} };`) as (
    global: object,
  ) => Glue;
  // The glue reports panics to `global.PRISMA_WASM_PANIC_REGISTRY`: give it a registry of its own
  // rather than share the process-wide one with the Prisma client's query compiler.
  return factory(Object.create(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { value: panicRegistry } }));
}

/**
 * The glue's own imports, except:
 * - timers are unref'd: the engine arms a 10 s timeout per command and never clears it, which
 *   kept short-lived processes (CLI, tests) alive after the work was done;
 * - the engine's async tasks run in microtasks and promise callbacks; a panic there is thrown out
 *   of the callback and would crash the whole process. It is caught and reported as a panic of
 *   this instance instead, which fails the running command.
 */
function hostImports(glue: Glue, onTrap: (error: unknown) => void): Record<string, unknown> {
  const guard =
    (callback: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      try {
        return callback(...args);
      } catch (error) {
        onTrap(error);
        return undefined;
      }
    };
  const imports: Record<string, unknown> = { ...glue };
  for (const [key, value] of Object.entries(glue)) {
    if (typeof value !== 'function') continue;
    const original = value as (...args: unknown[]) => unknown;
    if (key.startsWith('__wbg_setTimeout_')) {
      imports[key] = (...args: unknown[]) => {
        const timer = original(...args) as { unref?: () => void } | undefined;
        timer?.unref?.();
        return timer;
      };
    } else if (key.startsWith('__wbg_queueMicrotask_')) {
      // Two shapes: one queues a task (argument: the task), one looks up `queueMicrotask` on the
      // global object for the engine to call later (argument: the global).
      imports[key] = (arg: unknown) => {
        if (typeof arg === 'function') return queueMicrotask(guard(arg as () => void));
        const queue = original(arg);
        return typeof queue === 'function'
          ? (task: () => void) => (queue as (task: () => void) => void).call(arg, guard(task))
          : queue;
      };
    } else if (key.startsWith('__wbg_then_')) {
      imports[key] = (promise: unknown, ...callbacks: Array<(...args: unknown[]) => unknown>) =>
        original(promise, ...callbacks.map(guard));
    }
  }
  return imports;
}
