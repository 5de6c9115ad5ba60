// bench/run_storage_bench.mjs — the storage benchmarks of issues 4 and 5, in one script:
//   1. the wasm package's sizes;
//   2. the same import (a generated git log export with a few manifest records, GitHub REST pulls
//      and reviews: see storage_dataset.mjs) followed by weekly snapshots of its 52 weeks, then
//      analyze-all twice, timed step by step: natively (bench/storage_bench: no database,
//      libsqlite3 :memory:, libsqlite3 file), under node through the JS package (storage 'memory'
//      and 'sqlite-memory': the engine's C++ storage layer over sqlite-wasm through
//      wasm/src/sqlite_wasm_driver.cpp), and in headless Chromium through the package's worker
//      with storage 'opfs' (sqlite-wasm's opfs-sahpool VFS) and 'memory';
//   3. the SQLite write rate of each driver: rows the import (and the snapshots, and analyze-all)
//      store, divided by the step's time, and by the step's time minus the same step without a
//      database;
//   4. a check that every target and storage analyzed the same: the same analyze-all counts, and
//      the workspace's seven analyses over the same window byte for byte apart from computed_at.
//
// The analyze steps (issue 5): after the snapshots, untimed, each run links each person's e-mail
// and login and creates the teams (the dataset's setup: people.json, teams.calls); then `analyze`
// is `intelligence.analyzeAll` on a cold cache — all seven analyses (commits, reviews, expertise,
// burnout, collaboration, complexity, technology) for every developer, every team and the
// workspace, computed and cached (SQLite storages: in the analysis_cache table, one transaction) —
// and `analyze_cached` the same call again, which reuses every result. Both cover from..to, the
// dataset's 52 weeks, rather than each analysis' default window ending on the caller's day: the JS
// package takes its clock from Date.now() with no way to pin it, so only an explicit window makes
// the targets analyze the same days (and the dataset lies in the past). Every analysis thus spans
// a year, where the defaults would give commits, reviews and complexity 90 days, burnout 30,
// collaboration 180.
//
//   node bench/run_storage_bench.mjs [--commits N] [--rounds R] [--no-browser] [--no-native]
//                                    [--native-build DIR] [--wasm-dist DIR]
//
// Needs DIR/bench/storage_bench, DIR = build/native-release by default (cmake --build --preset
// native-release --target storage_bench), and the package in build/wasm-release/wasm/dist
// (--target loupe_wasm_package; LOUPE_DIST or --wasm-dist change it); the browser part needs
// /usr/lib/chromium/chromium (Debian's; never downloaded). The generated inputs go to
// build/bench-data/storage-<N>/ (kept between runs). The bench page (bench/browser/index.html) and
// the data are served through Playwright routes on the origin of tools/serve.mjs, so serve.mjs
// needs no route for them.
//
// Output: CSV `target,storage,step,seconds,ratio_to_memory,rows,rows_per_s,store_rows_per_s,
// commits_per_s,analyses_per_s` — medians over R rounds (interleaved by storage); ratio_to_memory
// is against the same target's 'memory' run of the same step; rows is what the file database gains
// in the step (counted natively; every storage stores the same rows); store_rows_per_s divides them
// by the time the database adds (step − memory step); analyses_per_s is analyze-all's analyses
// (computed or reused) per second. Then `# …` lines: sizes, dataset, the analyze workload, the
// check, wasm/native ratios and the load average. Exits 1 when the check fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, readFileSync, statSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { writeDataset } from './storage_dataset.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.LOUPE_CHROMIUM ?? '/usr/lib/chromium/chromium';

const argv = process.argv.slice(2);
const optText = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const opt = (name, def) => Number(optText(name, def));
const commits = opt('--commits', 100000);
const rounds = opt('--rounds', 3);
const dist = resolve(optText('--wasm-dist', process.env.LOUPE_DIST ?? join(root, 'build/wasm-release/wasm/dist')));
const nativeBuild = resolve(optText('--native-build', join(root, 'build/native-release')));
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
const kSteps = ['open', 'import', 'snapshots', 'analyze', 'analyze_cached'];

// ---- analyze-all: the window, the setup, what each run answered ---------------------------------
const analyzeWindow = { from: info.from, to: info.to };
const kAnalyses = ['commits', 'reviews', 'expertise', 'burnout', 'collaboration', 'complexity', 'technology'];
const setupCalls = readFileSync(join(dataDir, info.setup.calls), 'utf8').split('\n').filter(Boolean)
  .map((line) => ({ method: line.slice(0, line.indexOf('\t')), params: JSON.parse(line.slice(line.indexOf('\t') + 1)) }));
// `${target}/${storage}` -> {analyze, analyze_cached: report objects, results: {analysis: JSON text}} (first round)
const answers = new Map();

// ---- native --------------------------------------------------------------------------------------
let rowCounts = null;
let snapshotReport = null;
if (withNative) {
  const exe = join(nativeBuild, 'bench/storage_bench');
  log('native …');
  const resultsDir = mkdtempSync(join(tmpdir(), 'loupe-storage-bench-results-'));
  try {
    const out = execFileSync(exe, ['--dir', dataDir, '--repo', info.repo, '--from', info.from, '--to', info.to,
      '--rounds', String(rounds), '--tmp', tmpdir(), ...info.setup.imports.flatMap((f) => ['--setup-import', f]),
      '--setup-calls', info.setup.calls, '--results', resultsDir, ...info.files], { encoding: 'utf8', maxBuffer: 1 << 26 });
    for (const line of out.split('\n')) {
      const m = /^native,([^,]+),([^,]+),([^,]+),/.exec(line);
      if (m) add('native', m[1], m[2], Number(m[3]));
      const r = /^# rows after_import=(\d+) after_snapshots=(\d+) after_setup=(\d+) after_analyze=(\d+)/.exec(line);
      if (r) {
        rowCounts = { import: Number(r[1]), snapshots: Number(r[2]) - Number(r[1]), analyze: Number(r[4]) - Number(r[3]) };
      }
    }
    snapshotReport = out.slice(out.indexOf('# snapshots ') + 12).trim();
    for (const storage of ['memory', 'sqlite-memory', 'sqlite-file']) {
      const read = (name) => readFileSync(join(resultsDir, `native-${storage}.${name}.json`), 'utf8');
      answers.set(`native/${storage}`, {
        analyze: JSON.parse(read('analyze')), analyze_cached: JSON.parse(read('analyze_cached')),
        results: Object.fromEntries(kAnalyses.map((a) => [a, read(a)])),
      });
    }
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

// ---- node (wasm) ---------------------------------------------------------------------------------
const buffers = info.files.map((f) => ({ name: f, bytes: readFileSync(join(dataDir, f)) }));
const bufferOf = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const setupBuffers = info.setup.imports.map((f) => ({ name: f, bytes: readFileSync(join(dataDir, f)) }));
// One Dispatch call's JSON text as the engine wrote it (loupe.call parses it).
const callText = async (loupe, method, params) => {
  const text = await loupe.transport.request('call', { method, params });
  return typeof text === 'string' ? text : new TextDecoder().decode(text);
};
async function runSteps(Loupe, openOptions, answersKey) {
  const ms = {};
  let t = performance.now();
  const loupe = await Loupe.open(openOptions);
  ms.open = performance.now() - t;
  t = performance.now();
  for (const input of buffers) {
    // A fresh ArrayBuffer each round (the package may transfer or detach it).
    await loupe.import.files({ name: input.name, bytes: bufferOf(input.bytes) },
      input.name.endsWith('.gitlog') ? { repo: info.repo } : {});
  }
  ms.import = performance.now() - t;
  t = performance.now();
  await loupe.snapshots.generate({ period: 'weekly', from: info.from, to: info.to });
  ms.snapshots = performance.now() - t;
  for (const input of setupBuffers) await loupe.import.files({ name: input.name, bytes: bufferOf(input.bytes) });
  for (const { method, params } of setupCalls) await loupe.call(method, params);
  t = performance.now();
  const analyze = await loupe.intelligence.analyzeAll(analyzeWindow);
  ms.analyze = performance.now() - t;
  t = performance.now();
  const analyzeCached = await loupe.intelligence.analyzeAll(analyzeWindow);
  ms.analyze_cached = performance.now() - t;
  if (answersKey && !answers.has(answersKey)) {
    const results = {};
    for (const a of kAnalyses) results[a] = await callText(loupe, `intelligence.${a}`, analyzeWindow);
    answers.set(answersKey, { analyze, analyze_cached: analyzeCached, results });
  }
  await loupe.close();
  return ms;
}
{
  const { Loupe } = await import(pathToFileURL(join(dist, 'node.mjs')).href);
  const times = { memory: [], 'sqlite-memory': [] };
  for (let r = 0; r < rounds; r++) {
    for (const storage of Object.keys(times)) {
      log(`node ${storage} round ${r + 1} …`);
      times[storage].push(await runSteps(Loupe, { storage }, `wasm-node/${storage}`));
    }
  }
  for (const [storage, list] of Object.entries(times)) {
    for (const step of kSteps) add('wasm-node', storage, step, median(list.map((m) => m[step])) / 1000);
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
        const key = `wasm-chromium/${storage}`;
        const result = await page.evaluate((p) => window.runBench(p), {
          storage, name: `bench-${r}`, files: info.files, repo: info.repo, from: info.from, to: info.to,
          setup: { imports: info.setup.imports, calls: setupCalls }, analyses: answers.has(key) ? [] : kAnalyses,
        });
        times[storage].push(result.ms);
        if (!answers.has(key)) answers.set(key, result.answers);
      }
    }
    for (const [storage, list] of Object.entries(times)) {
      for (const step of kSteps) add('wasm-chromium', storage, step, median(list.map((m) => m[step])) / 1000);
    }
  } finally {
    if (context) await context.close();
    await servers.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---- report --------------------------------------------------------------------------------------
// ---- check: every run analyzed the same ----------------------------------------------------------
const checkLines = [];
let checkFailed = false;
const fail = (what) => {
  checkFailed = true;
  checkLines.push(`# check FAILED: ${what}`);
};
const counts = (report) => ['developers', 'teams', 'analyses', 'computed', 'reused'].map((k) => `${k}=${report[k]}`).join(' ');
// computed_at is the caller's clock: the only part of a result allowed to differ.
const normalized = (text) => text.replace(/"computed_at": "[^"]*"/g, '"computed_at": "…"');
const runs = [...answers.keys()];
let analyses = 0;
if (runs.length) {
  const first = answers.get(runs[0]);
  analyses = first.analyze.analyses;
  const expected = (first.analyze.developers + first.analyze.teams + 1) * kAnalyses.length;
  if (first.analyze.analyses !== expected) fail(`${runs[0]} analyze-all covered ${first.analyze.analyses} analyses, expected (developers + teams + 1) × 7 = ${expected}`);
  for (const [key, a] of answers) {
    if (a.analyze.computed !== a.analyze.analyses || a.analyze.reused !== 0) fail(`${key} analyze (cold cache): ${counts(a.analyze)}`);
    if (a.analyze_cached.reused !== a.analyze_cached.analyses || a.analyze_cached.computed !== 0) fail(`${key} analyze_cached: ${counts(a.analyze_cached)}`);
    for (const step of ['analyze', 'analyze_cached']) {
      if (counts(a[step]) !== counts(first[step])) fail(`${key} ${step} ${counts(a[step])} but ${runs[0]} ${counts(first[step])}`);
    }
  }
  const digests = [];
  for (const analysis of kAnalyses) {
    const reference = normalized(first.results[analysis]);
    const differ = runs.filter((key) => normalized(answers.get(key).results[analysis]) !== reference);
    if (differ.length) fail(`intelligence.${analysis} of the workspace differs from ${runs[0]}'s in ${differ.join(', ')}`);
    digests.push(`${analysis} ${Buffer.byteLength(reference)} B sha256:${createHash('sha256').update(reference).digest('hex').slice(0, 12)}`);
  }
  checkLines.unshift(`# check ${runs.length} runs (${runs.join(', ')}; first round of each): analyze ${counts(first.analyze)}, ` +
    `analyze_cached ${counts(first.analyze_cached)} in every run; the workspace's seven analyses over ${info.from}..${info.to} ` +
    `(intelligence.<analysis> {from, to}, served from the cache analyze-all filled) compared as the engine's JSON text with ` +
    `computed_at blanked: ${checkFailed ? 'see FAILED below' : 'identical in every run'} — ${digests.join(', ')}`);
}

const find = (target, storage, step) => rows.find((r) => r.target === target && r.storage === storage && r.step === step);
console.log('target,storage,step,seconds,ratio_to_memory,rows,rows_per_s,store_rows_per_s,commits_per_s,analyses_per_s');
for (const r of rows) {
  const base = find(r.target, 'memory', r.step);
  const n = rowCounts && rowCounts[r.step] !== undefined && r.storage !== 'memory' ? rowCounts[r.step] : '';
  const extra = base && n ? r.seconds - base.seconds : 0;
  console.log([r.target, r.storage, r.step, r.seconds.toFixed(4), base ? (r.seconds / base.seconds).toFixed(2) : '',
    n, n ? Math.round(n / r.seconds) : '', n && extra > 0 ? Math.round(n / extra) : '',
    r.step === 'import' ? Math.round(commits / r.seconds) : '',
    r.step.startsWith('analyze') && analyses ? Math.round(analyses / r.seconds) : ''].join(','));
}
console.log(`# sizes ${Object.entries(sizes).map(([f, s]) => `${f}=${s}`).join(' ')}`);
console.log(`# dataset ${JSON.stringify(info.counts)} bytes=${totalBytes} files=${info.files.join('+')} weeks=${info.from}..${info.to}`);
if (snapshotReport) console.log(`# snapshots ${snapshotReport.replace(/\s+/g, ' ')}`);
console.log(`# analyze workload: intelligence.analyzeAll {from: ${info.from}, to: ${info.to}} after linking each person's ` +
  `e-mail and login and creating ${info.counts.teams} teams (untimed); ${analyses} analyses = (developers + teams + ` +
  'workspace) × 7, each over the whole 52 weeks, not its default window (the JS package cannot pin its clock); analyze ' +
  'computes and caches them all (cold cache), analyze_cached is the same call again (every result reused)');
console.log(`# analyze data: ${info.counts.manifests} manifest snapshots (4 manifests × 4 versions, one commit each) for ` +
  'technology; file paths for expertise; but every commit message is "Change N: update module M" (one commit type, no ' +
  'conventional commits) and the PRs carry no sizes or files (REST list items), so commits sees one kind and complexity ' +
  'rates every PR trivial from its title');
for (const step of ['analyze', 'analyze_cached']) {
  const list = rows.filter((r) => r.step === step);
  if (list.length && analyses) {
    console.log(`# ${step} ${list.map((r) => `${r.target}/${r.storage}=${r.seconds.toFixed(3)} s (${Math.round(analyses / r.seconds)}/s)`).join(' ')}`);
  }
}
for (const line of checkLines) console.log(line);
for (const [wasm, wasmStorage, native, nativeStorage] of [['wasm-node', 'sqlite-memory', 'native', 'sqlite-memory'],
  ['wasm-node', 'memory', 'native', 'memory'], ['wasm-chromium', 'opfs', 'native', 'sqlite-file'],
  ['wasm-chromium', 'memory', 'native', 'memory'],
  ['wasm-chromium', 'opfs', 'wasm-node', 'sqlite-memory']]) {
  for (const step of ['import', 'snapshots', 'analyze', 'analyze_cached']) {
    const a = find(wasm, wasmStorage, step);
    const b = find(native, nativeStorage, step);
    if (a && b) console.log(`# ${wasm}/${wasmStorage} over ${native}/${nativeStorage} ${step}: ${(a.seconds / b.seconds).toFixed(2)}`);
  }
}
console.log(`# rounds=${rounds} load_average=${loadavg().map((x) => x.toFixed(2)).join(' ')} node=${process.version}${browserNote ? ` browser=${browserNote}` : ''}`);
if (checkFailed) process.exitCode = 1;
