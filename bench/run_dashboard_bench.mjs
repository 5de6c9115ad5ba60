// bench/run_dashboard_bench.mjs — the dashboard's frame time in headless Chromium (issue 6):
//   1. the collaboration graph with N nodes and E edges (default 1,000 and 10,000, a generated
//      network of teams: see web/app/bench.cpp) drawn full-window every frame from its first: per
//      frame, the time our code spends — the ImGui frame (the graph's layout step and its drawing
//      included), the vertex/index upload and the draw calls — as median and mean, apart for the
//      frames while the layout still moves and after it settled; and the median whole frame
//      (requestAnimationFrame to requestAnimationFrame), which in headless Chromium is
//      SwiftShader's software GL: a proxy for a real GPU, not a measurement of one. The baseline
//      is the same page and app drawing a two-node graph.
//   2. the first paint of the demo: from navigation to the first frame, the demo imported, and
//      every widget's data drawn (an empty in-memory workspace, the demo imported first).
//
//   node bench/run_dashboard_bench.mjs [--nodes N] [--edges E] [--frames F] [--rounds R] [--only graph|first-paint]
//
// Needs the wasm-release build (the JS package and the dashboard: build/wasm-release/wasm/dist and
// build/wasm-release/web/dist) and /usr/lib/chromium/chromium. Output: a CSV on stdout, progress on
// stderr.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServers } from '../tools/serve.mjs';

const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const nodes = Number(args.nodes ?? 1000);
const edges = Number(args.edges ?? 10000);
const frames = Number(args.frames ?? 200);
const rounds = Number(args.rounds ?? 3);
const only = args.only ?? 'all';  // graph | first-paint | all
if (!['all', 'graph', 'first-paint'].includes(only)) throw new Error(`--only: graph, first-paint or all, not "${only}"`);
const dist = process.env.LOUPE_DIST ?? path.join(kRoot, 'build/wasm-release/wasm/dist');
const log = (text) => process.stderr.write(`${text}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};

const servers = await startServers({ port: 0, embedPort: 0, dist });
const browser = await chromium.launch({
  executablePath: process.env.LOUPE_CHROMIUM ?? '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
});
const rows = [];

// One page drawing the bench graph for `frames` frames after a warm-up of 30; medians of our
// code's parts (the app's own timers) and of the whole frame (requestAnimationFrame intervals).
async function measureGraph(step, n, e, round) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => log(`pageerror: ${error.message}`));
  await page.goto(`${servers.url}?storage=memory#/bench/graph?nodes=${n}&edges=${e}`);
  await page.waitForFunction(() => window.loupeDashboard !== undefined, null, { timeout: 120_000 });
  const result = await page.evaluate(async (count) => {
    const start = window.loupeDashboard.framesDrawn();
    await new Promise((resolve) => {
      const poll = () => (window.loupeDashboard.framesDrawn() >= start + 30 ? resolve() : requestAnimationFrame(poll));
      poll();
    });
    const stamps = [];
    await new Promise((resolve) => {
      const tick = (now) => {
        stamps.push(now);
        if (stamps.length > count) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
    return { intervals, state: window.loupeDashboard.state() };
  }, frames);
  await page.close();
  const graph = result.state.graph;
  for (const [phase, t] of [['running', graph.running], ['settled', graph.settled_frames]]) {
    if (t.frames === 0) continue;
    rows.push({
      step, phase, round, nodes: graph.nodes, edges: graph.edges, gpu: graph.gpu, frames: t.frames,
      ours_ms: t.median_ours_us / 1000, ours_mean_ms: t.mean_ours_us / 1000, build_ms: t.median_build_us / 1000,
      layout_ms: t.median_step_us / 1000, drawlist_ms: t.median_drawlist_us / 1000,
      upload_ms: t.median_upload_us / 1000, drawcalls_ms: t.median_drawcalls_us / 1000,
      frame_ms: median(result.intervals),
    });
  }
}

try {
  for (let r = 0; r < (only === 'first-paint' ? 0 : rounds); ++r) {
    // The baseline: the same app and page with a two-node graph (the frame's fixed costs).
    log(`baseline round ${r + 1}: 2 nodes, 1 edge, ${frames} frames …`);
    await measureGraph('baseline', 2, 1, r + 1);
    log(`graph round ${r + 1}: ${nodes} nodes, ${edges} edges, ${frames} frames …`);
    await measureGraph('graph', nodes, edges, r + 1);
  }

  for (let r = 0; r < (only === 'graph' ? 0 : rounds); ++r) {
    log(`first paint round ${r + 1} …`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = Date.now();
    await page.goto(`${servers.url}?demo=1&storage=memory#/dashboard`);
    await page.waitForFunction(() => window.loupeDashboard !== undefined, null, { timeout: 120_000, polling: 10 });
    const ready = Date.now();
    await page.waitForFunction(() => window.loupeDashboard.state().pending === 0 && window.loupeDashboard.state().frames.count > 2,
      null, { timeout: 120_000, polling: 10 });
    const painted = Date.now();
    const timing = await page.evaluate(() => window.loupeDashboard.timing);
    rows.push({
      step: 'first_paint', round: r + 1, first_frame_ms: timing.firstFrame - timing.start,
      import_ms: timing.imported - timing.start, all_widgets_ms: painted - started, app_ready_ms: ready - started,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await servers.close();
}

const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
console.log(keys.join(','));
for (const row of rows) console.log(keys.map((k) => (typeof row[k] === 'number' ? row[k].toFixed(3) : row[k] ?? '')).join(','));
const of = (step, key, phase) => median(rows.filter((row) => row.step === step && (!phase || row.phase === phase))
  .map((row) => row[key]));
const ms = (v) => `${v.toFixed(2)} ms`;
for (const phase of ['running', 'settled']) {
  if (!rows.some((row) => row.step === 'graph' && row.phase === phase)) continue;
  log(`graph ${nodes}/${edges}, layout ${phase}: our code median ${ms(of('graph', 'ours_ms', phase))} per frame `
    + `(mean ${ms(of('graph', 'ours_mean_ms', phase))}; the ImGui frame ${ms(of('graph', 'build_ms', phase))} with the layout `
    + `${ms(of('graph', 'layout_ms', phase))} and the graph's drawing ${ms(of('graph', 'drawlist_ms', phase))}; upload `
    + `${ms(of('graph', 'upload_ms', phase))}; draw calls ${ms(of('graph', 'drawcalls_ms', phase))})`);
}
if (only !== 'first-paint') log(`whole frame (requestAnimationFrame interval, SwiftShader): graph ${ms(of('graph', 'frame_ms'))}, `
  + `baseline ${ms(of('baseline', 'frame_ms'))} (ratio ${(of('graph', 'frame_ms') / of('baseline', 'frame_ms')).toFixed(1)}); `
  + `our code: baseline ${ms(of('baseline', 'ours_ms'))}, graph/baseline ${(of('graph', 'ours_ms') / of('baseline', 'ours_ms')).toFixed(2)}`);
if (only !== 'graph') log(`first paint of the demo: first frame ${ms(of('first_paint', 'first_frame_ms'))} after navigation, demo imported at `
  + `${ms(of('first_paint', 'import_ms'))}, every widget drawn at ${ms(of('first_paint', 'all_widgets_ms'))}`);
