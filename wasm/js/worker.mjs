// The engine's dedicated module worker: the wasm engine and sqlite-wasm together, so the C++
// storage layer talks to SQLite synchronously. index.mjs starts it and speaks this protocol:
//   → {id, op: 'open', params: {storage, name, engineUrl, wasmUrl, sqliteUrl}}
//   → {id, op: 'call' | 'import' | 'sync' | 'describe', params}     → {id, progress}* then
//   ← {id, result} (an ArrayBuffer of UTF-8 JSON, transferred) | {id, error: {code, message, …}}
//   → {op: 'cancel', target: id}       (honoured between steps: HTTP requests, waits)
//   → {id, op: 'close'}
// One tab owns a database: the worker holds the Web Lock `loupe:<name>` while it is open.
import { handle, LoupeError, openEngine } from './core.mjs';

let host = null;
let releaseLock = null;
const running = new Map();  // id -> AbortController
const encoder = new TextEncoder();

async function acquireLock(name) {
  if (!navigator.locks) return () => {};
  return new Promise((resolve, reject) => {
    navigator.locks.request(`loupe:${name}`, { ifAvailable: true }, (lock) => {
      if (!lock) {
        reject(new LoupeError({
          code: 'locked',
          message: `the Loupe workspace "${name}" is open in another tab or window; close it there (or use that tab) to open it here`,
        }));
        return undefined;
      }
      return new Promise((release) => resolve(release));  // held until released
    }).catch(reject);
  });
}

async function open({ storage = 'opfs', name = 'default', engineUrl, wasmUrl, sqliteUrl }) {
  if (host) throw new LoupeError({ code: 'failed_precondition', message: 'the engine is already open' });
  let sqlite = null;
  if (storage === 'opfs') {
    releaseLock = await acquireLock(name);
    const { default: init } = await import(sqliteUrl ?? new URL('./sqlite/index.mjs', import.meta.url).href);
    const sqlite3 = await init();
    let pool;
    try {
      pool = await sqlite3.installOpfsSAHPoolVfs({ name: `loupe-${name}` });
    } catch (e) {
      throw new LoupeError({ code: 'io_error', message: `cannot open the browser's private storage (OPFS): ${e.message}` });
    }
    sqlite = { sqlite3, db: new pool.OpfsSAHPoolDb(`/${name}.sqlite3`) };
  } else if (storage !== 'memory') {
    throw new LoupeError({ code: 'invalid_input', message: `storage "${storage}": expected 'opfs' or 'memory'` });
  }
  const { default: createLoupeEngine } = await import(engineUrl ?? new URL('./loupe_engine.mjs', import.meta.url).href);
  const module = await createLoupeEngine(wasmUrl ? { locateFile: (file) => (file.endsWith('.wasm') ? wasmUrl : file) } : {});
  host = openEngine(module, sqlite);
  return host.describe();
}

function reply(id, value) {
  const bytes = encoder.encode(typeof value === 'string' ? value : JSON.stringify(value));
  self.postMessage({ id, result: bytes.buffer }, [bytes.buffer]);
}

function fail(id, e) {
  const error = e instanceof LoupeError ? e.toJSON() : { code: e?.code ?? 'internal', message: String(e?.message ?? e) };
  self.postMessage({ id, error });
}

self.onmessage = async ({ data }) => {
  const { id, op, params } = data;
  if (op === 'cancel') {
    running.get(data.target)?.abort();
    return;
  }
  try {
    if (op === 'open') return reply(id, await open(params));
    if (op === 'close') {
      host?.close();
      host = null;
      releaseLock?.();
      releaseLock = null;
      return reply(id, '{}');
    }
    if (!host) throw new LoupeError({ code: 'failed_precondition', message: 'the engine is not open' });
    const controller = new AbortController();
    running.set(id, controller);
    try {
      let last = 0;
      const onProgress = (p) => {
        // At most ~20 messages a second, plus the last of each phase.
        const now = performance.now();
        if (now - last > 50 || (p.total && p.done >= p.total)) {
          last = now;
          self.postMessage({ id, progress: p });
        }
        return !controller.signal.aborted;
      };
      reply(id, await handle(host, op, params, { onProgress, signal: controller.signal }));
    } finally {
      running.delete(id);
    }
  } catch (e) {
    fail(id, e);
  }
};
