// The sync's engine interface over the native CLI (build/native-release/loupe): importBytes runs
// `loupe --db DB import --json [--pr O/N#N] FILE` on the bytes, so the real importer and SQLite
// storage are used when the wasm package is not built. The CLI has no sync-state command, so the
// state is kept in a JSON file beside the database (the same JSON values sync.putState stores).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const LOUPE_CLI = process.env.LOUPE_CLI || path.join(ROOT, 'build/native-release/loupe');

export function haveNativeCli() {
  return fs.existsSync(LOUPE_CLI);
}

export class NativeEngine {
  /** `dir`: a directory holding the database and state file; a second instance on it is a reload. */
  constructor(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-sync-'))) {
    this.dir = dir;
    this.db = path.join(dir, 'workspace.db');
    this.stateFile = path.join(dir, 'sync_state.json');
    this.imports = [];
    this.counter = 0;
  }

  run(args, input) {
    return execFileSync(LOUPE_CLI, ['--db', this.db, '--quiet', ...args], { input, maxBuffer: 1 << 28, encoding: 'utf8' });
  }

  importBytes(name, bytes, options = {}) {
    const file = path.join(this.dir, `import-${++this.counter}.json`);
    fs.writeFileSync(file, bytes);
    const args = ['import', '--json'];
    if (options.format) args.push('--format', options.format);
    if (options.pullRequest) args.push('--pr', options.pullRequest);
    if (options.repo) args.push('--repo', options.repo);
    try {
      const report = JSON.parse(this.run([...args, file]))[0];
      this.imports.push({ name, options, report });
      return report;
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  readState() {
    return fs.existsSync(this.stateFile) ? JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) : {};
  }

  call(method, params = {}) {
    if (method === 'sync.getState') return { key: params.key, value: this.readState()[params.key] ?? null };
    if (method === 'sync.putState') {
      const all = this.readState();
      if (params.value === null) delete all[params.key];
      else all[params.key] = JSON.parse(JSON.stringify(params.value));
      fs.writeFileSync(this.stateFile, JSON.stringify(all));
      return {};
    }
    if (method === 'workspace.exportBundle') return this.run(['export-bundle']);
    if (method === 'developers.list') return JSON.parse(this.run(['developers', '--json']));
    throw new Error(`native engine adapter: no method ${method}`);
  }

  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
