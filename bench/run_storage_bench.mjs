// bench/run_storage_bench.mjs — issue 4's storage benchmarks, in one script:
//   1. the wasm package's sizes;
//   2. the same import (a generated git log export, GitHub REST pulls and reviews: see
//      storage_dataset.mjs) followed by weekly snapshots of its 52 weeks, timed step by step:
//      natively (bench/storage_bench: no database, libsqlite3 :memory:, libsqlite3 file), under
//      node through the JS package (storage 'memory' and 'sqlite-memory': the engine's C++ storage
//      layer over sqlite-wasm through wasm/src/sqlite_wasm_driver.cpp), and in headless Chromium
//      through the package's worker with storage 'opfs' (sqlite-wasm's opfs-sahpool VFS);
//   3. the SQLite write rate of each driver: rows the import (and the snapshots) store, divided by
//      the step's time, and by the step's time minus the same step without a database.
//
//   node bench/run_storage_bench.mjs [--commits N] [--rounds R] [--no-browser] [--no-native]
//
// Needs build/native-release/bench/storage_bench (cmake --build --preset native-release --target
// storage_bench) and the package in build/wasm-release/wasm/dist (--target loupe_wasm_package);
// the browser part needs /usr/lib/chromium/chromium (Debian's; never downloaded). The generated
// inputs go to build/bench-data/storage-<N>/ (kept between runs). The bench page
// (bench/browser/index.html) and the data are served through Playwright routes on the origin of
// tools/serve.mjs, so serve.mjs needs no route for them.
//
// Output: CSV `target,storage,step,seconds,ratio_to_memory,rows,rows_per_s,store_rows_per_s,
// commits_per_s` — medians over R rounds (interleaved by storage); ratio_to_memory is against the
// same target's 'memory' run of the same step; rows is what the file database holds after the step
// (counted natively; every storage stores the same rows); store_rows_per_s divides them by the time
// the database adds (step − memory step). Then `# …` lines: sizes, dataset, load average, and
// wasm/native ratios.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, statSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { writeDataset } from './storage_dataset.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.LOUPE_DIST ?? join(root, 'build/wasm-release/wasm/dist'));
const chromiumPath = process.env.LOUPE_CHROMIUM ?? '/usr/lib/chromium/chromium';

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const commits = opt('--commits', 100000);
const rounds = opt('--rounds', 3);
const withBrowser = !argv.includes('--no-browser');
const withNative = !argv.includes('--no-native');

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (s) => process.stderr.write(`${s}\n`);

// ---- 1. sizes ----------------------------------------------------------------------------------
const sizes = {};
for (const f of ['loupe_engine.wasm', 'loupe_engine.mjs', 'loupe_engine_node.wasm', 'loupe_engine_node.cjs',
  'sqlite/sqlite3.wasm', 'sqlite/index.mjs', 'worker.mjs', 'core.mjs', 'client.mjs', 'index.mjs', 'node.mjs']) {
  const p = join(dist, f);
  if (existsSync(p)) sizes[f] = `${statSync(p).size}(gzip ${gzipSync(readFileSync(p), { level: 9 }).length})`;
}

// ---- 2. data -------------------------------------------------------------------------------------
const dataDir = join(root, `build/bench-data/storage-${commits}`);
let t0 = performance.now();
const info = writeDataset(dataDir, { commits });
log(`dataset in ${dataDir} (${((performance.now() - t0) / 1000).toFixed(1)} s): ${JSON.stringify(info.counts)}`);
const totalBytes = Object.values(info.bytes).reduce((a, b) => a + b, 0);

const rows = [];  // {target, storage, step, seconds}
const add = (target, storage, step, seconds) => rows.push({ target, storage, step, seconds });

// ---- native --------------------------------------------------------------------------------------
let rowCounts = null;
let snapshotReport = null;
if (withNative) {
  const exe = join(root, 'build/native-release/bench/storage_bench');
  log('native …');
  const out = execFileSync(exe, ['--dir', dataDir, '--repo', info.repo, '--from', info.from, '--to', info.to,
    '--rounds', String(rounds), '--tmp', tmpdir(), ...info.files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  for (const line of out.split('\n')) {
    const m = /^native,([^,]+),([^,]+),([^,]+),/.exec(line);
    if (m) add('native', m[1], m[2], Number(m[3]));
    const r = /^# rows after_import=(\d+) after_snapshots=(\d+)/.exec(line);
    if (r) rowCounts = { import: Number(r[1]), snapshots: Number(r[2]) - Number(r[1]) };
  }
  snapshotReport = out.slice(out.indexOf('# snapshots ') + 12).trim();
}

// ---- node (wasm) ---------------------------------------------------------------------------------
const buffers = info.files.map((f) => ({ name: f, bytes: readFileSync(join(dataDir, f)) }));
async function runSteps(Loupe, openOptions) {
  const ms = {};
  let t = performance.now();
  const loupe = await Loupe.open(openOptions);
  ms.open = performance.now() - t;
  t = performance.now();
  for (const input of buffers) {
    // A fresh ArrayBuffer each round (the package may transfer or detach it).
    const bytes = input.bytes.buffer.slice(input.bytes.byteOffset, input.bytes.byteOffset + input.bytes.byteLength);
    await loupe.import.files({ name: input.name, bytes }, input.name.endsWith('.gitlog') ? { repo: info.repo } : {});
  }
  ms.import = performance.now() - t;
  t = performance.now();
  await loupe.snapshots.generate({ period: 'weekly', from: info.from, to: info.to });
  ms.snapshots = performance.now() - t;
  await loupe.close();
  return ms;
}
{
  const { Loupe } = await import(pathToFileURL(join(dist, 'node.mjs')).href);
  const times = { memory: [], 'sqlite-memory': [] };
  for (let r = 0; r < rounds; r++) {
    for (const storage of Object.keys(times)) {
      log(`node ${storage} round ${r + 1} …`);
      times[storage].push(await runSteps(Loupe, { storage }));
    }
  }
  for (const [storage, list] of Object.entries(times)) {
    for (const step of ['open', 'import', 'snapshots']) add('wasm-node', storage, step, median(list.map((m) => m[step])) / 1000);
  }
}

// ---- browser (wasm in the package's worker, OPFS) ------------------------------------------------
let browserNote = '';
if (withBrowser) {
  const { chromium } = await import('playwright-core');
  const { startServers } = await import(pathToFileURL(join(root, 'tools/serve.mjs')).href);
  const servers = await startServers({ port: 0, embedPort: 0, dist });
  const profile = mkdtempSync(join(tmpdir(), 'loupe-storage-bench-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath, headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(`${servers.url}bench/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = path === '/bench/' || path === '/bench/index.html' ? join(root, 'bench/browser/index.html')
        : path.startsWith('/bench/data/') ? join(dataDir, path.slice('/bench/data/'.length).replace(/[/\\]/g, '')) : null;
      if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200, body: readFileSync(file),
        contentType: file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
      });
    });
    await page.goto(`${servers.url}bench/index.html`);
    await page.waitForFunction(() => document.title === 'ready' || undefined, null, { timeout: 30000 })
      .catch(() => { throw new Error(`bench page not ready: ${pageErrors.join('; ')}`); });
    const ua = await page.evaluate(() => navigator.userAgent);
    browserNote = ua.match(/Chrome\/[\d.]+/)?.[0] ?? ua;
    const times = { opfs: [], memory: [] };
    for (let r = 0; r < rounds; r++) {
      for (const storage of Object.keys(times)) {
        log(`chromium ${storage} round ${r + 1} …`);
        const result = await page.evaluate((p) => window.runBench(p), {
          storage, name: `bench-${r}`, files: info.files, repo: info.repo, from: info.from, to: info.to,
        });
        times[storage].push(result.ms);
      }
    }
    for (const [storage, list] of Object.entries(times)) {
      for (const step of ['open', 'import', 'snapshots']) add('wasm-chromium', storage, step, median(list.map((m) => m[step])) / 1000);
    }
  } finally {
    if (context) await context.close();
    await servers.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---- report --------------------------------------------------------------------------------------
const find = (target, storage, step) => rows.find((r) => r.target === target && r.storage === storage && r.step === step);
console.log('target,storage,step,seconds,ratio_to_memory,rows,rows_per_s,store_rows_per_s,commits_per_s');
for (const r of rows) {
  const base = find(r.target, 'memory', r.step);
  const n = rowCounts && (r.step === 'import' || r.step === 'snapshots') && r.storage !== 'memory' ? rowCounts[r.step] : '';
  const extra = base && n ? r.seconds - base.seconds : 0;
  console.log([r.target, r.storage, r.step, r.seconds.toFixed(4), base ? (r.seconds / base.seconds).toFixed(2) : '',
    n, n ? Math.round(n / r.seconds) : '', n && extra > 0 ? Math.round(n / extra) : '',
    r.step === 'import' ? Math.round(commits / r.seconds) : ''].join(','));
}
console.log(`# sizes ${Object.entries(sizes).map(([f, s]) => `${f}=${s}`).join(' ')}`);
console.log(`# dataset ${JSON.stringify(info.counts)} bytes=${totalBytes} files=${info.files.join('+')} weeks=${info.from}..${info.to}`);
if (snapshotReport) console.log(`# snapshots ${snapshotReport.replace(/\s+/g, ' ')}`);
for (const [wasm, wasmStorage, native, nativeStorage] of [['wasm-node', 'sqlite-memory', 'native', 'sqlite-memory'],
  ['wasm-node', 'memory', 'native', 'memory'], ['wasm-chromium', 'opfs', 'native', 'sqlite-file'],
  ['wasm-chromium', 'opfs', 'wasm-node', 'sqlite-memory']]) {
  for (const step of ['import', 'snapshots']) {
    const a = find(wasm, wasmStorage, step);
    const b = find(native, nativeStorage, step);
    if (a && b) console.log(`# ${wasm}/${wasmStorage} over ${native}/${nativeStorage} ${step}: ${(a.seconds / b.seconds).toFixed(2)}`);
  }
}
console.log(`# rounds=${rounds} load_average=${loadavg().map((x) => x.toFixed(2)).join(' ')} node=${process.version}${browserNote ? ` browser=${browserNote}` : ''}`);
