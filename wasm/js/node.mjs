// The package under node: the same `Loupe` API, with the engine in this process.
//
//   import { Loupe } from '<dist>/node.mjs';
//   const loupe = await Loupe.open({ storage: 'memory' });   // or 'sqlite-memory'
//
// 'memory' keeps the workspace in the engine only; 'sqlite-memory' runs the engine's storage
// layer on an in-memory sqlite-wasm database (sqlite-wasm cannot open files under node), the
// same code path as the browser's OPFS storage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Loupe as LoupeApi } from './client.mjs';
import { handle, openEngine } from './core.mjs';
import { LoupeError } from './errors.mjs';

export { LoupeError };

const here = dirname(fileURLToPath(import.meta.url));

async function loadEngineModule(engineUrl) {
  const path = engineUrl ? fileURLToPath(new URL(engineUrl, import.meta.url)) : join(here, 'loupe_engine_node.cjs');
  const require = createRequire(import.meta.url);
  const factory = require(path);
  // Node 20 + Emscripten 3.1.6 cannot fetch the .wasm by URL: hand it the bytes (toolchain §8.2).
  return factory({ wasmBinary: readFileSync(path.replace(/\.cjs$/, '.wasm')) });
}

async function openSqliteMemory(sqliteUrl) {
  const mod = await import(sqliteUrl ?? '@sqlite.org/sqlite-wasm');
  const sqlite3 = await mod.default();
  return { sqlite3, db: new sqlite3.oo1.DB(':memory:', 'c') };
}

export class Loupe extends LoupeApi {
  /** @param options {storage?: 'memory' | 'sqlite-memory', engineUrl?, sqliteUrl?} */
  static async open({ storage = 'memory', engineUrl, sqliteUrl } = {}) {
    if (storage !== 'memory' && storage !== 'sqlite-memory') {
      throw new LoupeError({ code: 'invalid_input', message: `storage "${storage}": under node only 'memory' and 'sqlite-memory' exist` });
    }
    const module = await loadEngineModule(engineUrl);
    const host = openEngine(module, storage === 'sqlite-memory' ? await openSqliteMemory(sqliteUrl) : null);
    const transport = {
      async request(op, params, { onProgress, signal } = {}) {
        // The engine asks after every progress report whether to go on: stop once aborted.
        const progress = (p) => {
          onProgress?.(p);
          return !signal?.aborted;
        };
        return handle(host, op, params, { onProgress: progress, signal });
      },
      async close() {
        host.close();
      },
    };
    return new Loupe(transport, host.describe());
  }
}
