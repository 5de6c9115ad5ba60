// tests/agreement/compare.mjs — runs a probe (native binary or wasm .js under node) and checks its
// developer summaries against expectations computed independently by the demo generator.
//
//   node compare.mjs EXPECTED.json PROBE [FILES...]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [expectedPath, probe, ...files] = process.argv.slice(2);
const cmd = probe.endsWith('.js') ? process.execPath : probe;
const args = probe.endsWith('.js') ? ['--no-experimental-fetch', probe, ...files] : files;
const actual = JSON.parse(execFileSync(cmd, args, { encoding: 'utf8' }));
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));

const fields = ['login', 'is_bot', 'commits', 'co_authored', 'lines_added', 'lines_removed', 'prs_opened',
  'prs_merged', 'reviews', 'comments', 'repositories', 'active_days', 'first_activity', 'last_activity'];
let failures = 0;
for (const e of expected) {
  // The generator keys people by their main e-mail; the engine names it too (mailmap and usage).
  const a = actual.filter((d) => d.identities.includes(`email:${e.email.toLowerCase()}`));
  if (a.length !== 1) {
    console.error(`${e.login}: expected one developer with that e-mail, found ${a.length}`);
    failures++;
    continue;
  }
  for (const f of fields) {
    if (a[0][f] !== e[f]) {
      console.error(`${e.login}: ${f} is ${JSON.stringify(a[0][f])}, expected ${JSON.stringify(e[f])}`);
      failures++;
    }
  }
}
if (actual.length !== expected.length) {
  console.error(`${actual.length} developers, expected ${expected.length}`);
  failures++;
}
console.log(`${expected.length} developers × ${fields.length} fields compared, ${failures} differences`);
process.exit(failures ? 1 : 0);
