// bench/run_snapshot_bench.mjs — weekly snapshot generation (DESIGN §12), natively and as wasm
// under node, against DuckDB computing the same weekly velocity and efficiency aggregates from the
// same data (CSV files the native run writes once into build/bench-data/).
//
//   node bench/run_snapshot_bench.mjs [--scale S] [--rounds R] [--duck-rounds N] [--skip-wasm]
// Needs build/native-release and build/wasm-release (cmake --build --preset … --target
// snapshot_bench) and the npm package @duckdb/node-api (scripts/setup).
//
// DuckDB: the CSVs are loaded into tables first (timed apart, not counted); then one SQL statement
// computes, per (developer, ISO week on UTC Monday boundaries — Loupe's weekly periods), velocity
// (commits_count, lines_added, lines_removed, net_lines, commit_frequency, avg_commit_size,
// prs_merged by merge week, pr_throughput) and efficiency over the PRs created in the week
// (pr_merge_rate, avg_pr_cycle_time_hours, avg_time_to_first_review_hours, avg_pr_size,
// rework_ratio) with the definitions of docs/metrics.md (loupe profile), materialised into a
// table; median of N rounds with 2 threads (the machine's cores) and with 1 (as the wasm engine).
// DuckDB only materialises (developer, week) pairs that have activity, Loupe every pair: the
// comparison is, if anything, kind to DuckDB. Loupe's velocity and efficiency values of every 10th
// developer (all weeks) must equal DuckDB's, so both computed the same thing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const scale = Number(opt('--scale', '1'));
const rounds = Number(opt('--rounds', '3'));
const duckRounds = Number(opt('--duck-rounds', '5'));
const skipWasm = argv.includes('--skip-wasm');
const sampleEvery = 10;
const dataDir = join(root, 'build/bench-data', `scale-${scale}`);
mkdirSync(dataDir, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (line) => console.error(line);

// [SECTION] Loupe, native and wasm

// Other builds on this 2-core machine skew every figure: say how busy it was.
log(`# load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

function runLoupe(target) {
  const sample = join(dataDir, `loupe-sample-${target}.csv`);
  const args = ['--scale', String(scale), '--rounds', String(rounds), '--sample-out', sample,
    '--sample-every', String(sampleEvery)];
  const [cmd, cmdArgs] = target === 'native'
    ? [join(root, 'build/native-release/bench/snapshot_bench'), [...args, '--csv-dir', dataDir]]
    : [process.execPath, ['--no-experimental-fetch', '--max-old-space-size=8192',
      join(root, 'build/wasm-release/bench/snapshot_bench.js'), ...args]];
  const started = performance.now();
  const out = execFileSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  log(`# ${target}: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  const notes = out.split('\n').filter((l) => l.startsWith('#'));
  notes.forEach((l) => log(l));
  const rows = out.trim().split('\n').filter((l) => !l.startsWith('#')).slice(1).map((line) => {
    const [name, variant, seconds, bytes, ratio, cells, cps] = line.split(',');
    return { target, name, variant, seconds: seconds === '' ? NaN : +seconds, bytes: +bytes, ratio, cells, cps };
  });
  const fingerprint = (notes[0].match(/fingerprint=(\w+)/) || [])[1];
  const valuesHash = (notes.find((l) => l.includes('snapshot values hash')) || '').split(': ')[1];
  return { rows, sample, fingerprint, valuesHash };
}

const native = runLoupe('native');
const wasm = skipWasm ? null : runLoupe('wasm');
if (wasm && wasm.fingerprint !== native.fingerprint) {
  throw new Error(`native and wasm generated different datasets (${native.fingerprint} vs ${wasm.fingerprint})`);
}
const sameSnapshots = !wasm || wasm.valuesHash === native.valuesHash;
log(`# snapshot values native vs wasm: ${wasm ? (sameSnapshots ? 'identical' : 'DIFFER') : 'wasm not run'}`);

// [SECTION] DuckDB

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const csv = (file, columns) =>
  `read_csv('${join(dataDir, file)}', header = true, nullstr = '', columns = {${
    Object.entries(columns).map(([k, v]) => `'${k}': '${v}'`).join(', ')}})`;
const loadStarted = performance.now();
await con.run(`CREATE TABLE developers AS SELECT * FROM ${csv('developers.csv', { dev: 'INTEGER', is_bot: 'TINYINT', team: 'INTEGER' })}`);
await con.run(`CREATE TABLE commits AS SELECT * FROM ${csv('commits.csv', {
  id: 'INTEGER', author: 'INTEGER', repo: 'INTEGER', authored: 'BIGINT', offset_min: 'SMALLINT', committed: 'BIGINT',
  additions: 'BIGINT', deletions: 'BIGINT', files: 'INTEGER', has_stats: 'TINYINT', is_merge: 'TINYINT' })}`);
await con.run(`CREATE TABLE prs AS SELECT * FROM ${csv('prs.csv', {
  id: 'INTEGER', repo: 'INTEGER', number: 'BIGINT', author: 'INTEGER', created: 'BIGINT', merged: 'BIGINT',
  closed: 'BIGINT', state: 'VARCHAR', additions: 'BIGINT', deletions: 'BIGINT', draft: 'TINYINT' })}`);
await con.run(`CREATE TABLE reviews AS SELECT * FROM ${csv('reviews.csv', {
  id: 'BIGINT', pr: 'INTEGER', reviewer: 'INTEGER', state: 'VARCHAR', submitted: 'BIGINT' })}`);
await con.run(`CREATE TABLE pr_commits AS SELECT * FROM ${csv('pr_commits.csv', { pr: 'INTEGER', commit_id: 'INTEGER' })}`);
const loadSeconds = (performance.now() - loadStarted) / 1000;
const counts = (await con.runAndReadAll(`SELECT (SELECT count(*) FROM commits) c, (SELECT count(*) FROM prs) p,
  (SELECT count(*) FROM reviews) r, (SELECT count(*) FROM pr_commits) pc, (SELECT count(*) FROM developers) d`)).getRowObjects()[0];
log(`# duckdb ${(await con.runAndReadAll('SELECT version() v')).getRowObjects()[0].v}: loaded ${counts.c} commits, ${counts.p} PRs, ` +
  `${counts.r} reviews, ${counts.pc} PR-commit links, ${counts.d} developers in ${loadSeconds.toFixed(2)} s`);

// Weeks: Monday 1970-01-05 is 345,600 s after the epoch; week k starts at 345600 + 604800·k (UTC).
const query = `CREATE OR REPLACE TABLE result AS
WITH
  velocity AS (  -- loupe: merge commits excluded; sizes from commits with known stats
    SELECT author AS dev, (authored - 345600) // 604800 AS wk, count(*) AS commits_count,
           sum(additions) AS lines_added, sum(deletions) AS lines_removed,
           count(*) FILTER (WHERE has_stats = 1) AS with_stats
    FROM commits WHERE is_merge = 0 GROUP BY ALL),
  merged AS (
    SELECT author AS dev, (merged - 345600) // 604800 AS wk, count(*) AS prs_merged
    FROM prs WHERE merged IS NOT NULL GROUP BY ALL),
  by_other AS (  -- reviews by someone else: not the PR's author, not a bot, not pending
    SELECT r.pr, r.state, r.submitted, p.created
    FROM reviews r JOIN prs p ON p.id = r.pr JOIN developers d ON d.dev = r.reviewer
    WHERE r.reviewer <> p.author AND d.is_bot = 0 AND r.state <> 'pending'),
  per_pr AS (
    SELECT pr, min(submitted) FILTER (WHERE submitted >= created) AS first_review,
           min(submitted) FILTER (WHERE state = 'changes_requested') AS first_change_request
    FROM by_other GROUP BY pr),
  last_commit AS (  -- the PR's own commits, when its commit list is known
    SELECT pc.pr, max(c.committed) AS last_commit
    FROM pr_commits pc JOIN commits c ON c.id = pc.commit_id GROUP BY pc.pr),
  efficiency AS (
    SELECT p.author AS dev, (p.created - 345600) // 604800 AS wk, count(*) AS prs_created,
           count(p.merged) AS merged_count,
           avg((p.merged - p.created) / 3600.0::DOUBLE) AS avg_pr_cycle_time_hours,
           avg((f.first_review - p.created) / 3600.0::DOUBLE) AS avg_time_to_first_review_hours,
           avg(p.additions + p.deletions) AS avg_pr_size,
           -- rework: a commit of the PR after its first changes request when its commits are
           -- known, else any changes request by someone else
           count(*) FILTER (WHERE f.first_change_request IS NOT NULL
                              AND (l.last_commit IS NULL OR l.last_commit > f.first_change_request)) AS rework_count
    FROM prs p LEFT JOIN per_pr f ON f.pr = p.id LEFT JOIN last_commit l ON l.pr = p.id
    GROUP BY ALL)
SELECT dev, wk * 604800 + 345600 AS week_start,
       coalesce(v.commits_count, 0) AS commits_count,
       coalesce(v.lines_added, 0) AS lines_added, coalesce(v.lines_removed, 0) AS lines_removed,
       coalesce(v.lines_added, 0) - coalesce(v.lines_removed, 0) AS net_lines,
       coalesce(v.commits_count, 0) / 5.0::DOUBLE AS commit_frequency,
       CASE WHEN v.with_stats > 0 THEN (v.lines_added + v.lines_removed) / v.with_stats ELSE 0 END AS avg_commit_size,
       coalesce(m.prs_merged, 0) AS prs_merged, coalesce(m.prs_merged, 0) / 1.0::DOUBLE AS pr_throughput,
       coalesce(e.prs_created, 0) AS prs_created,
       coalesce(e.merged_count / e.prs_created, 0) AS pr_merge_rate,
       coalesce(e.avg_pr_cycle_time_hours, 0) AS avg_pr_cycle_time_hours,
       coalesce(e.avg_time_to_first_review_hours, 0) AS avg_time_to_first_review_hours,
       coalesce(e.avg_pr_size, 0) AS avg_pr_size,
       coalesce(e.rework_count / e.prs_created, 0) AS rework_ratio
FROM velocity v FULL JOIN merged m USING (dev, wk) FULL JOIN efficiency e USING (dev, wk)
WHERE dev IN (SELECT dev FROM developers WHERE is_bot = 0)`;

const times = { 2: [], 1: [] };
for (let r = 0; r < duckRounds; ++r) {  // interleaved
  for (const threads of [2, 1]) {
    await con.run(`SET threads = ${threads}`);
    await con.run('DROP TABLE IF EXISTS result');
    const t0 = performance.now();
    await con.run(query);
    times[threads].push((performance.now() - t0) / 1000);
  }
}
const resultRows = Number((await con.runAndReadAll('SELECT count(*) n FROM result')).getRowObjects()[0].n);
const duckMemory = Number((await con.runAndReadAll('SELECT coalesce(sum(memory_usage_bytes), 0) b FROM duckdb_memory()')).getRowObjects()[0].b);
const peakRss = process.resourceUsage().maxRSS * 1024;

// [SECTION] the same numbers?

const fields = ['commits_count', 'lines_added', 'lines_removed', 'net_lines', 'commit_frequency', 'avg_commit_size',
  'prs_merged', 'pr_throughput', 'prs_created', 'pr_merge_rate', 'avg_pr_cycle_time_hours',
  'avg_time_to_first_review_hours', 'avg_pr_size', 'rework_ratio'];
function readSample(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = header.split(',');
  return new Map(lines.map((l) => {
    const v = l.split(',').map(Number);
    const row = Object.fromEntries(cols.map((c, i) => [c, v[i]]));
    return [`${row.dev}|${row.week_start}`, row];
  }));
}
const loupe = readSample(native.sample);
const duck = new Map((await con.runAndReadAll(`SELECT * FROM result WHERE dev % ${sampleEvery} = 0`)).getRowObjects()
  .map((r) => {
    const row = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
    return [`${row.dev}|${row.week_start}`, row];
  }));
const same = (a, b) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const mismatches = {};
let compared = 0;
for (const [key, l] of loupe) {
  const d = duck.get(key);
  for (const f of fields) {
    ++compared;
    if (!same(l[f], d ? d[f] : 0)) mismatches[f] = (mismatches[f] || 0) + 1;
  }
}
const orphans = [...duck.keys()].filter((k) => !loupe.has(k)).length;  // DuckDB cells Loupe never produced
const wasmSampleSame = !wasm || readFileSync(wasm.sample, 'utf8') === readFileSync(native.sample, 'utf8');
const bad = Object.values(mismatches).reduce((a, b) => a + b, 0);
log(`# check: ${loupe.size} Loupe cells (every ${sampleEvery}th developer × every week), ${compared} values vs DuckDB: ` +
  `${bad} differ ${JSON.stringify(mismatches)}; ${orphans} DuckDB cells without a Loupe cell; ` +
  `wasm sample ${wasm ? (wasmSampleSame ? 'identical to native' : 'DIFFERS from native') : 'not run'}`);

// [SECTION] report

console.log('target,name,variant,seconds,bytes,ratio_to_baseline,cells,cells_per_s');
for (const r of [...native.rows, ...(wasm ? wasm.rows : [])]) {
  console.log([r.target, r.name, r.variant, Number.isNaN(r.seconds) ? '' : r.seconds, r.bytes, r.ratio, r.cells, r.cps].join(','));
}
const duckBase = median(times[2]);
const row = (name, variant, seconds, bytes, cells) => console.log(['duckdb', name, variant, seconds.toFixed(4), bytes,
  (seconds / duckBase).toFixed(2), cells, cells ? Math.round(cells / seconds) : ''].join(','));
row('velocity_efficiency_weekly', 'load_csv_not_counted', loadSeconds, 0, 0);
row('velocity_efficiency_weekly', 'query_threads2', duckBase, duckMemory, resultRows);
row('velocity_efficiency_weekly', 'query_threads1', median(times[1]), duckMemory, resultRows);
console.log(`duckdb,memory,peak_rss_node_process,,${peakRss},,,`);
console.log(`duckdb,memory,duckdb_memory_after_query,,${duckMemory},,,`);
const find = (rows, variant) => rows.find((r) => r.name === 'snapshots_weekly' && r.variant === variant).seconds;
for (const t of [native, wasm].filter(Boolean)) {
  const target = t.rows[0].target;
  for (const variant of ['generate_loupe', 'velocity_efficiency_loupe']) {
    for (const threads of [2, 1]) {
      const ratio = find(t.rows, variant) / median(times[threads]);
      console.log(`ratio,${target}_${variant}_over_duckdb_threads${threads},${ratio.toFixed(3)},,${ratio <= 0.5 ? 'meets' : 'misses'} <= 0.5,,`);
    }
  }
}
console.log(`check,loupe_vs_duckdb_values,${bad === 0 ? 'equal' : 'DIFFER'},${compared},,,`);
if (bad !== 0 || orphans !== 0 || !wasmSampleSame || !sameSnapshots) process.exitCode = 1;
