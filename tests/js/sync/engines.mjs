// The real engines the data tests run on: the wasm engine under node (the package's EngineHost
// from wasm/js/core.mjs, the one node.mjs and the worker use, over build/wasm-release/wasm/dist/loupe_engine_node.cjs) and the native
// CLI (build/native-release/loupe). Each is skipped, with a LOUPE-SKIP line, when not built.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { NativeEngine, haveNativeCli, LOUPE_CLI } from './native_engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST = process.env.LOUPE_DIST || process.env.LOUPE_WASM_DIST || path.join(ROOT, 'build/wasm-release/wasm/dist');
const WASM_FACTORY = path.join(DIST, 'loupe_engine_node.cjs');
const CORE = path.join(ROOT, 'wasm/js/core.mjs');

function skipper(why) {
  return (t) => {
    console.log(`LOUPE-SKIP: ${t.name}: ${why}`);
    t.skip(why);
  };
}

const parse = (v) => (typeof v === 'string' ? JSON.parse(v) : v);

let wasmModule = null;
async function openWasm() {
  if (!wasmModule) {
    const factory = createRequire(import.meta.url)(WASM_FACTORY);
    // Emscripten 3.1.6 under node 20 cannot fetch the .wasm by URL: it gets the bytes.
    wasmModule = await factory({ wasmBinary: fs.readFileSync(WASM_FACTORY.replace(/\.cjs$/, '.wasm')) });
  }
  const { openEngine, handle } = await import(pathToFileURL(CORE).href);
  const host = openEngine(wasmModule, null);  // memory storage
  // The package's own entry: the worker/node protocol operation 'sync' (JSON text result).
  host.packageSync = async (params) => JSON.parse(await handle(host, 'sync', params));
  host.stateKeys = new Set();
  // Remember which sync-state keys were written, so a "reload" can carry them over.
  const call = host.call.bind(host);
  host.call = (method, params = {}, options = {}) => {
    if (method === 'sync.putState') host.stateKeys.add(parse(params).key);
    return call(method, params, options);
  };
  return host;
}

/**
 * A reload of a memory-only wasm engine: a new engine that gets everything the old one stored —
 * the workspace as a bundle, and the sync state — as an OPFS database would keep it.
 */
async function reopenWasm(old) {
  const host = await openWasm();
  const bundle = old.call('workspace.exportBundle', {});  // the bundle's JSON text
  host.importBytes('reload.bundle.json', new TextEncoder().encode(bundle), { format: 'bundle' });
  for (const key of old.stateKeys) {
    const { value } = parse(old.call('sync.getState', { key }));
    if (value !== null) host.call('sync.putState', { key, value });
  }
  return host;
}

export function engineKinds() {
  return [
    {
      name: 'wasm',
      available: () => fs.existsSync(WASM_FACTORY) && fs.existsSync(CORE),
      skip: skipper(`${WASM_FACTORY} is not built (cmake --build --preset wasm-release)`),
      open: openWasm,
      reopen: reopenWasm,
      describe: (engine) => {
        const d = parse(engine.call('workspace.describe', {}));
        return d.counts ?? d;
      },
    },
    {
      name: 'native',
      available: haveNativeCli,
      skip: skipper(`${LOUPE_CLI} is not built`),
      open: async () => new NativeEngine(),
      reopen: async (engine) => new NativeEngine(engine.dir),
    },
  ];
}
