// bench/storage_dataset.mjs — the deterministic mid-size import inputs of run_storage_bench.mjs:
// one repository's git log export (docs/formats.md, "git log export") with numstat rows and a few
// manifest records, and the GitHub REST list pages of its pull requests and their reviews, over 52
// weeks from Monday 2025-01-06; then what the analyze steps add after the snapshots. Same
// parameters, same bytes (a splitmix32 stream, integer arithmetic only).
//
//   import { writeDataset } from './storage_dataset.mjs';
//   const info = writeDataset(dir, { commits: 100000 });  // skipped when dir holds these params
//   // info: { files: ['app.gitlog', 'pulls.json', 'reviews.json'], setup: {imports: ['people.json'],
//   //         calls: 'teams.calls'}, repo, from, to, counts }
//
// Shape: `developers` people (default 1 per 250 commits, at least 20) with a login and one e-mail
// each (example.test: no real address), commits on weekdays in office hours in one of three UTC
// offsets, 1–6 files each (a pool of paths with a few hot ones), 1 % with a Co-authored-by line;
// one PR per 8 commits (85 % merged, 10 % closed, 5 % open) with ~2 reviews each (80 % approved,
// 12 % changes requested, 8 % commented) by other developers. Four dependency manifests
// (web/package.json, engine/Cargo.toml, ml/pyproject.toml, tools/go.mod), each changed by four
// commits spread over the year with newer versions each time: 16 manifest records, so technology
// tracking has versions to rate. Commit messages are all "Change N: update module M" (one commit
// type) and the PRs carry no sizes or files (REST list items do not), so commits and complexity
// run over uniform inputs.
//
// The commits name people by e-mail and the PRs and reviews by login, which nothing in those
// files links: imported alone, each person is two developers. `setup` is what the analyze steps
// apply first (after the snapshots, untimed): people.json, a Loupe bundle (docs/bundle.md) holding
// only identities and the e-mail–login links, so each person is one developer with commits, PRs
// and reviews; and teams.calls, one api::Dispatch call per line (`method<TAB>params JSON`):
// teams of 25 people (at least 2 teams).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const kStart = Date.UTC(2025, 0, 6) / 1000;  // Monday
const kWeeks = 52;
const kRepo = 'acme/app';

// The manifests' contents by path, one per update (oldest first); each update is one commit's.
const kManifests = {
  'web/package.json': [['18', '17.0.2', '4.9.5', '4.5.0'], ['18', '18.2.0', '5.3.3', '5.0.10'],
    ['20', '18.3.1', '5.5.4', '5.4.8'], ['22', '19.0.0', '5.7.2', '6.0.3']].map(([node, react, ts, vite]) =>
    `${JSON.stringify({
      name: 'web', private: true, engines: { node: `>=${node}` },
      dependencies: { react: `^${react}`, 'react-dom': `^${react}` },
      devDependencies: { typescript: `^${ts}`, vite: `^${vite}` },
    }, null, 2)}\n`),
  'engine/Cargo.toml': [['1.70', '1.28', '4.3'], ['1.74', '1.35', '4.4'], ['1.78', '1.40', '4.8'],
    ['1.82', '1.42', '4.9']].map(([rust, tokio, actix]) =>
    `[package]\nname = "engine"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "${rust}"\n\n` +
    `[dependencies]\ntokio = { version = "${tokio}", features = ["full"] }\nserde = "1.0"\nactix-web = "${actix}"\n`),
  'ml/pyproject.toml': [['3.8', '4.1', '1.10', '1.5'], ['3.10', '4.2', '2.5', '2.1'], ['3.11', '5.0', '2.8', '2.2'],
    ['3.12', '5.1', '2.10', '2.2.3']].map(([python, django, pydantic, pandas]) =>
    `[project]\nname = "ml"\nrequires-python = ">=${python}"\n` +
    `dependencies = [\n  "django>=${django}",\n  "pydantic>=${pydantic}",\n  "pandas>=${pandas}",\n]\n`),
  'tools/go.mod': ['1.20', '1.21', '1.22', '1.23'].map((go) =>
    `module example.test/tools\n\ngo ${go}\n\nrequire golang.org/x/sync v0.${go.slice(2)}.0\n`),
};

function Rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return { next, below: (n) => next() % n };
}

const hex8 = (x) => (x >>> 0).toString(16).padStart(8, '0');
const sha = (kind, i) => hex8(0x10000000 * kind + i) + hex8(i * 2654435761) + hex8(i ^ 0x5bd1e995) + hex8(kind * 97 + i * 31) + hex8(~i);
const pad = (n, w = 2) => String(n).padStart(w, '0');

// ISO-8601 with the given offset in minutes (git) or Z (GitHub).
function Iso(t, offsetMin) {
  const d = new Date((t + offsetMin * 60) * 1000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (offsetMin === null) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${base}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

export function generate({ commits = 100000, developers } = {}) {
  const people = developers ?? Math.max(20, Math.floor(commits / 250));
  const rng = Rng(0x4c6f7570);
  const offsets = [0, 60, -300];
  const devs = Array.from({ length: people }, (_, i) => ({
    name: `Dev ${pad(i, 4)}`, login: `dev${pad(i, 4)}`, email: `dev${pad(i, 4)}@example.test`, id: 1000 + i,
    offset: offsets[i % 3], weight: 1 + (i * 7919) % 9,
  }));
  const weighted = devs.flatMap((d, i) => Array(d.weight).fill(i));
  const paths = Array.from({ length: 3000 }, (_, i) => `src/module${pad(i % 60)}/file${pad(i, 4)}.${['cpp', 'h', 'ts', 'md'][i % 4]}`);

  // Commits, oldest first, written newest first as git log does.
  const times = [];
  const span = kWeeks * 7 * 86400;
  for (let i = 0; i < commits; i++) {
    const dev = weighted[rng.below(weighted.length)];
    let day = Math.floor((i * kWeeks * 7) / commits);
    if (day % 7 >= 5) day -= (day % 7) - 4;  // weekends → Friday
    const local = day * 86400 + (9 + rng.below(9)) * 3600 + rng.below(3600);
    times.push({ dev, t: Math.min(kStart + span - 1, kStart + local - devs[dev].offset * 60) });
  }
  // Manifest update k (0..15) is file k % 4's version k / 4, by commit (k + 1) · commits / 17.
  const manifestPaths = Object.keys(kManifests);
  const manifestAt = new Map();
  for (let k = 0; k < 16; k++) {
    const i = Math.floor(((k + 1) * commits) / 17);
    if (!manifestAt.has(i)) manifestAt.set(i, { path: manifestPaths[k % 4], content: kManifests[manifestPaths[k % 4]][k >> 2] });
  }
  const records = [];
  for (let i = commits - 1; i >= 0; i--) {
    const { dev, t } = times[i];
    const d = devs[dev];
    const date = Iso(t, d.offset);
    let message = `Change ${i}: update module ${i % 60}\n\nDetails of change ${i}.\n`;
    if (i % 100 === 7) {
      const co = devs[(dev + 1) % people];
      message += `\nCo-authored-by: ${co.name} <${co.email}>\n`;
    }
    const nfiles = 1 + rng.below(6);
    const rows = [];
    for (let f = 0; f < nfiles; f++) {
      const p = rng.below(4) === 0 ? paths[rng.below(20)] : paths[rng.below(paths.length)];
      rows.push(`${1 + rng.below(80)}\t${rng.below(40)}\t${p}`);
    }
    const manifest = manifestAt.get(i);
    if (manifest) rows.push(`${manifest.content.split('\n').length - 1}\t0\t${manifest.path}`);
    const parent = i > 0 ? sha(1, i - 1) : '';
    records.push(`\x1e${sha(1, i)}\x1f${parent}\x1f${d.name}\x1f${d.email}\x1f${date}\x1f${d.name}\x1f${d.email}\x1f${date}\x1fmain\x1f\x1f${message}\x1f\n\n${[...new Set(rows)].join('\n')}\n`);
  }
  for (const [i, { path, content }] of [...manifestAt].sort((a, b) => a[0] - b[0])) {
    records.push(`\x1emanifest\x1f${sha(1, i)}\x1f${path}\x1f${Buffer.byteLength(content)}\x1f${content}\n`);
  }
  const gitlog = records.join('');

  // Pull requests and reviews (GitHub REST list items).
  const prCount = Math.floor(commits / 8);
  const pulls = [];
  const reviews = [];
  let reviewId = 5000000;
  const user = (d) => ({ login: d.login, id: d.id, type: 'User' });
  for (let n = 1; n <= prCount; n++) {
    const author = devs[weighted[rng.below(weighted.length)]];
    const created = kStart + Math.floor(((n - 1) * span) / prCount) + rng.below(3600);
    const roll = rng.below(100);
    const cycle = 1800 + rng.below(5 * 86400);
    const closedAt = roll < 95 ? Math.min(created + cycle, kStart + span - 1) : null;
    const merged = roll < 85;
    pulls.push({
      url: `https://api.github.com/repos/${kRepo}/pulls/${n}`, id: 9000000 + n, number: n,
      state: closedAt === null ? 'open' : 'closed', title: `PR ${n}: module ${n % 60}`, user: user(author),
      body: `Implements part ${n}.`, created_at: Iso(created, null),
      updated_at: Iso(closedAt ?? created + 600, null), closed_at: closedAt === null ? null : Iso(closedAt, null),
      merged_at: merged ? Iso(closedAt, null) : null, merge_commit_sha: merged ? sha(2, n) : null,
      requested_reviewers: [], labels: [], draft: false,
      head: { ref: `feature/${n}`, sha: sha(3, n) }, base: { ref: 'main', repo: { full_name: kRepo } },
    });
    const count = rng.below(4) === 0 ? 1 : rng.below(3) === 0 ? 3 : 2;
    for (let r = 0; r < count; r++) {
      let reviewer = devs[weighted[rng.below(weighted.length)]];
      if (reviewer === author) reviewer = devs[(reviewer.id - 1000 + 1) % people];
      const s = rng.below(100);
      const submitted = created + 600 + Math.floor((cycle * (r + 1)) / (count + 1));
      reviews.push({
        id: reviewId++, user: user(reviewer), body: '',
        state: s < 80 ? 'APPROVED' : s < 92 ? 'CHANGES_REQUESTED' : 'COMMENTED',
        submitted_at: Iso(Math.min(submitted, kStart + span - 1), null), commit_id: sha(3, n),
        pull_request_url: `https://api.github.com/repos/${kRepo}/pulls/${n}`,
      });
    }
  }
  // Setup of the analyze steps: each person's e-mail and login linked; teams of 25.
  const peopleBundle = {
    format: 'loupe-bundle', version: 1, repositories: [],
    identities: devs.flatMap((d) => [{ kind: 'email', value: d.email, names: [d.name] },
      { kind: 'login', value: d.login, names: [], github_user_id: d.id }]),
    links: devs.map((_, i) => [2 * i, 2 * i + 1]),
  };
  const teamCount = Math.max(2, Math.floor(people / 25));
  const calls = [];
  for (let t = 0; t < teamCount; t++) {
    const name = `Team ${pad(t)}`;
    const members = devs.filter((_, i) => i % teamCount === t).map((d) => `login:${d.login}`);
    calls.push(`teams.create\t${JSON.stringify({ name })}`);
    calls.push(`teams.addMembers\t${JSON.stringify({ team: name, developers: members })}`);
  }

  const endDay = new Date((kStart + span - 86400) * 1000).toISOString().slice(0, 10);
  return {
    repo: kRepo, from: new Date(kStart * 1000).toISOString().slice(0, 10), to: endDay,
    counts: { developers: people, commits, pull_requests: prCount, reviews: reviews.length, manifests: manifestAt.size,
      teams: teamCount },
    contents: { 'app.gitlog': gitlog, 'pulls.json': JSON.stringify(pulls), 'reviews.json': JSON.stringify(reviews) },
    setupContents: { 'people.json': JSON.stringify(peopleBundle), 'teams.calls': `${calls.join('\n')}\n` },
  };
}

export function writeDataset(dir, params = {}) {
  const key = JSON.stringify({ version: 2, ...params });
  const infoFile = join(dir, 'dataset.json');
  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8'));
    if (info.key === key) return info;
  }
  const { contents, setupContents, ...rest } = generate(params);
  mkdirSync(dir, { recursive: true });
  const files = Object.keys(contents);
  const bytes = {};
  for (const f of files) {
    writeFileSync(join(dir, f), contents[f]);
    bytes[f] = Buffer.byteLength(contents[f]);
  }
  for (const [f, text] of Object.entries(setupContents)) writeFileSync(join(dir, f), text);
  const info = { key, files, setup: { imports: ['people.json'], calls: 'teams.calls' }, bytes, ...rest };
  writeFileSync(infoFile, JSON.stringify(info, null, 1));
  return info;
}
