// The package in the browser: the engine runs in a dedicated module worker (worker.mjs); this
// side reads files as bytes, transfers them, and turns the worker's replies into promises.
//
//   import { Loupe } from '@loupe/engine';
//   const loupe = await Loupe.open({ storage: 'opfs' });
//   await loupe.import.files(input.files, { onProgress: (p) => … });
//   const team = await loupe.developers.list();
//
// URLs default to files next to this module; a host page on another origin may point workerUrl,
// engineUrl, wasmUrl and sqliteUrl anywhere that serves them with CORS. The worker is started
// from a same-origin blob when workerUrl is cross-origin (browsers only run same-origin workers),
// so no special HTTP headers are needed anywhere.
import { Loupe as LoupeApi } from './client.mjs';
import { LoupeError } from './errors.mjs';

export { LoupeError };

function startWorker(workerUrl) {
  const url = new URL(workerUrl, import.meta.url);
  if (url.origin === location.origin) return new Worker(url, { type: 'module', name: 'loupe-engine' });
  const shim = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(shim), { type: 'module', name: 'loupe-engine' });
}

class WorkerTransport {
  constructor(worker) {
    this.worker = worker;
    this.pending = new Map();
    this.nextId = 1;
    worker.onmessage = ({ data }) => {
      const entry = this.pending.get(data.id);
      if (!entry) return;
      if (data.progress) {
        entry.onProgress?.(data.progress);
        return;
      }
      this.pending.delete(data.id);
      entry.cleanup();
      if (data.error) entry.reject(new LoupeError(data.error));
      else entry.resolve(data.result);
    };
    worker.onerror = (event) => {
      const error = new LoupeError({ code: 'internal', message: `the engine worker failed: ${event.message ?? 'unknown error'}` });
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
    };
  }

  request(op, params, { onProgress, signal, transfer = [] } = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => this.worker.postMessage({ op: 'cancel', target: id });
      signal?.addEventListener('abort', onAbort);
      const cleanup = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, { resolve, reject, onProgress, cleanup });
      this.worker.postMessage({ id, op, params }, transfer);
    });
  }

  async close() {
    try {
      await this.request('close', {});
    } finally {
      this.worker.terminate();
    }
  }
}

export class Loupe extends LoupeApi {
  /**
   * @param options {storage?: 'opfs' | 'memory', name?: string, workerUrl?, engineUrl?, wasmUrl?, sqliteUrl?}
   * Rejects with code 'locked' when another tab has the same workspace open.
   */
  static async open({ storage = 'opfs', name = 'default', workerUrl, engineUrl, wasmUrl, sqliteUrl } = {}) {
    const abs = (u) => (u ? new URL(u, location.href).href : undefined);
    const worker = startWorker(workerUrl ?? new URL('./worker.mjs', import.meta.url));
    const transport = new WorkerTransport(worker);
    try {
      const info = JSON.parse(new TextDecoder().decode(await transport.request('open', {
        storage, name,
        engineUrl: abs(engineUrl) ?? new URL('./loupe_engine.mjs', import.meta.url).href,
        wasmUrl: abs(wasmUrl),
        sqliteUrl: abs(sqliteUrl) ?? new URL('./sqlite/index.mjs', import.meta.url).href,
      })));
      return new Loupe(transport, info);
    } catch (e) {
      worker.terminate();
      throw e;
    }
  }
}
