// core.mjs — the engine host shared by the browser worker (worker.mjs) and node (node.mjs):
//
//   const host = openEngine(module, sqlite)   // module: the instantiated Embind module;
//                                             // sqlite: null (engine memory) or {sqlite3, db}
//   await handle(host, op, params, {onProgress, signal})  -> JSON text
//     op 'call'     {method, params}                         api::Dispatch
//     op 'import'   {name, bytes, options: {format, repo, pullRequest}}   one file, one transaction
//     op 'sync'     {token, repositories, apiBase?, full?, …}  sync/github.mjs against this engine
//     op 'describe' {}                                        {storage, persistent, description}
//
// Cancellation: `signal` is checked before each step, and the engine's progress callback returns
// false once it is aborted, which stops the step; a stopped step stores nothing.
import { LoupeError } from './errors.mjs';

export { LoupeError };

function fromEngine(result) {
  if (result.ok) return result.value;
  throw new LoupeError({ code: result.code, message: result.message, file: result.file, record: result.record,
    field: result.field });
}

function cancelled() {
  return new LoupeError({ code: 'cancelled', message: 'cancelled: stopped before this step finished; nothing of it was stored' });
}

// Uint8Array over the bytes of an ArrayBuffer or a typed array (no copy).
function asBytes(bytes, what) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new LoupeError({ code: 'invalid_input', message: `${what}: expected an ArrayBuffer or a typed array` });
}

class EngineHost {
  constructor(module, engine, sqlite) {
    this.module = module;
    this.engine = engine;
    this.sqlite = sqlite;
    this.now = () => Math.floor(Date.now() / 1000);  // the engine's clock: seconds
  }

  checkOpen() {
    if (!this.engine) throw new LoupeError({ code: 'failed_precondition', message: 'this Loupe workspace is closed' });
  }

  describe() {
    this.checkOpen();
    return {
      storage: !this.sqlite ? 'memory' : this.sqlite.db.filename === ':memory:' || !this.sqlite.db.filename ? 'sqlite-memory' : 'opfs',
      persistent: this.engine.persistent(),
      description: this.engine.storageDescription(),
    };
  }

  // The engine's progress callback: reports, and returns false (stop) once the signal aborted.
  progressFn(onProgress, signal) {
    return (phase, done, total, unit) => {
      let keep = true;
      if (onProgress) {
        try {
          keep = onProgress({ phase, done, total, unit }) !== false;
        } catch {
          // a failing progress callback does not stop the work
        }
      }
      return keep && !signal?.aborted;
    };
  }

  importBytes(name, bytes, options = {}, { onProgress, signal } = {}) {
    this.checkOpen();
    if (signal?.aborted) throw cancelled();
    const data = asBytes(bytes, `${name}: bytes`);
    return fromEngine(this.engine.importBytes(String(name), data, options.format || '', options.repo || '',
      options.pullRequest || '', this.now(), this.progressFn(onProgress, signal)));
  }

  call(method, params = {}, { onProgress, signal } = {}) {
    this.checkOpen();
    if (signal?.aborted) throw cancelled();
    return fromEngine(this.engine.call(String(method), JSON.stringify(params ?? {}), this.now(),
      this.progressFn(onProgress, signal)));
  }

  close() {
    if (!this.engine) return;
    this.engine.delete();
    this.engine = null;
    if (this.sqlite) {
      this.sqlite.db.close();
      this.module.loupeSql = null;
      this.sqlite = null;
    }
  }
}

/** Opens the engine on memory (sqlite null) or on the sqlite-wasm database {sqlite3, db}. */
export function openEngine(module, sqlite = null) {
  if (!sqlite) return new EngineHost(module, module.Engine.openMemory(), null);
  module.loupeSql = sqlite;  // read by wasm/src/sqlite_wasm_driver.cpp
  const engine = module.Engine.openSqlite();
  if (!engine) {
    const error = module.Engine.lastOpenError();
    module.loupeSql = null;
    throw new LoupeError({ code: error.code, message: `opening the workspace: ${error.message}` });
  }
  return new EngineHost(module, engine, sqlite);
}

/** Runs one protocol operation on the host; resolves to JSON text. */
export async function handle(host, op, params = {}, { onProgress, signal } = {}) {
  switch (op) {
    case 'call':
      return host.call(params.method, params.params, { onProgress, signal });
    case 'import':
      return host.importBytes(params.name, params.bytes, params.options, { onProgress, signal });
    case 'describe':
      return JSON.stringify(host.describe());
    case 'sync': {
      host.checkOpen();
      const { syncGitHub } = await import('./sync/github.mjs');
      const engine = {
        importBytes: async (name, bytes, options) => host.importBytes(name, bytes, options, { signal }),
        call: async (method, callParams) => host.call(method, callParams, { signal }),
      };
      const summary = await syncGitHub({ ...params, engine, signal, onProgress: (p) => onProgress?.(p) });
      return JSON.stringify(summary);
    }
    default:
      throw new LoupeError({ code: 'invalid_input', message: `unknown operation "${op}"` });
  }
}
