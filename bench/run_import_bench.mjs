// bench/run_import_bench.mjs — runs import_bench natively and as wasm under node, on the same
// deterministic inputs (and ../shared/data/real when present), and prints both plus wasm/native.
//
//   node bench/run_import_bench.mjs [--mb N] [--rounds R]
// Needs build/native-release and build/wasm-release (cmake --build --preset … --target import_bench).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const real = resolve(root, '../shared/data/real');
const extra = existsSync(join(real, 'README.md')) ? ['--real', real, ...args] : args;

function run(label, cmd, cmdArgs) {
  const out = execFileSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const rows = out.trim().split('\n').slice(1).map((line) => {
    const [name, variant, seconds, bytes, ratio, rps, mbps] = line.split(',');
    return { target: label, name, variant, seconds: +seconds, bytes: +bytes, ratio, rps, mbps };
  });
  return rows;
}

const native = run('native', join(root, 'build/native-release/bench/import_bench'), extra);
const wasm = run('wasm', process.execPath,
  ['--no-experimental-fetch', '--max-old-space-size=8192', join(root, 'build/wasm-release/bench/import_bench.js'), ...extra]);
console.log('target,name,variant,seconds,bytes,ratio_to_baseline,records_per_s,mb_per_s,wasm_over_native');
for (const r of [...native, ...wasm]) {
  const twin = native.find((n) => n.name === r.name && n.variant === r.variant);
  const vs = r.target === 'wasm' && twin && twin.seconds > 0 && !r.variant.startsWith('store_')
    ? (r.seconds / twin.seconds).toFixed(2) : '';
  console.log([r.target, r.name, r.variant, r.seconds, r.bytes, r.ratio, r.rps, r.mbps, vs].join(','));
}
