// Dependency manifests in the GitHub sync: which paths are manifests (the engine's rule, checked
// against `loupe import-git`), how a commit's files become snapshots, base64 and bundle bytes,
// and syncs of a git repository the test builds (git_fixture.mjs: a package.json and a go.mod
// changed at two commits each, removals, a rename, a merge, a symbolic link, a Latin-1 file and
// a file over 1 MB) through the replay server — on the engine double (the HTTP side) and on the
// real engines (native CLI, wasm package when built): the synced manifests equal what importing
// the fixture's own bundle gives, and what `loupe import-git` of the same repository gives.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { SyncError, cursorKey, decodeBase64, isManifestPath, manifestBundle, manifestChanges, syncGitHub } from '../../../wasm/js/sync/github.mjs';
import { EngineDouble } from './engine_double.mjs';
import { engineKinds } from './engines.mjs';
import { FIXTURE_COMMITS, FIXTURE_MANIFESTS, FIXTURE_REPO, FIXTURE_SKIPPED, GitRepoApi, buildFixtureRepo, buildPathsRepo, fixtureBundle, haveGit } from './git_fixture.mjs';
import { NativeEngine, haveNativeCli } from './native_engine.mjs';
import { startReplayServer } from './replay_server.mjs';
import { FakeClock, assertSameJson } from './support.mjs';

const TOKEN = 'ghp_manifestTestToken456';
const P = `/repos/${FIXTURE_REPO}`;
const parse = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const encode = (value) => new TextEncoder().encode(JSON.stringify(value));

function skipWithout(t, what, why) {
  if (what) return false;
  console.log(`LOUPE-SKIP: ${t.name}: ${why}`);
  t.skip(why);
  return true;
}

// ---- the path rule ----

// Hand-sorted: the engine's names (exact case, last component), requirements*.txt, and nothing
// under node_modules.
const PATHS = {
  manifests: [
    'package.json', 'web/package.json', '.github/actions/x/package.json', 'node_modules_extra/package.json',
    'Cargo.toml', 'crates/core/Cargo.toml', 'go.mod', 'svc/api/go.mod', 'pyproject.toml', 'requirements.txt',
    'requirements-dev.txt', 'requirements_test.txt', 'reqs/requirements.prod.txt', 'pom.xml', 'module/pom.xml',
    'build.gradle', 'app/build.gradle.kts', 'Package.swift', 'dir with space/package.json', 'ünïcødé/go.mod',
  ],
  others: [
    'node_modules/package.json', 'node_modules/left-pad/package.json', 'web/node_modules/react/package.json',
    'a/node_modules/b/c/go.mod', 'package-lock.json', 'package.json.bak', 'Package.json', 'cargo.toml', 'go.sum',
    'dev-requirements.txt', 'requirements.in', 'requirements/base.txt', 'settings.gradle', 'build.gradle.old',
    'package.swift', 'Package.resolved', 'README.md', 'pom.xml.orig',
  ],
};

test('isManifestPath: the engine\'s manifest names, requirements*.txt, nothing under node_modules', () => {
  for (const p of PATHS.manifests) assert.equal(isManifestPath(p), true, p);
  for (const p of PATHS.others) assert.equal(isManifestPath(p), false, p);
  assert.equal(isManifestPath(''), false);
});

test('isManifestPath agrees with loupe import-git (model::ManifestKindOf and its pathspecs)', async (t) => {
  if (skipWithout(t, haveGit(), 'git is not installed')) return;
  if (skipWithout(t, haveNativeCli(), 'build/native-release/loupe is not built')) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-paths-'));
  const engine = new NativeEngine();
  try {
    const all = [...PATHS.manifests, ...PATHS.others];
    buildPathsRepo(path.join(dir, 'repo'), all);
    engine.run(['import-git', '--repo', 'o/paths', path.join(dir, 'repo')]);
    const recorded = JSON.parse(engine.call('workspace.exportBundle')).manifests.map((m) => m.path).sort();
    assert.deepEqual(recorded, all.filter(isManifestPath).sort());
    assert.equal(recorded.length, PATHS.manifests.length);
  } finally {
    engine.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- a commit's files → snapshots ----

const SHA = 'a'.repeat(40);
const commitWith = (files, extra = {}) => ({
  sha: SHA, url: `https://api.github.com/repos/o/n/commits/${SHA}`, parents: [{ sha: 'b'.repeat(40) }],
  commit: { author: { date: '2024-03-04T19:00:00Z' }, committer: { date: '2024-03-05T08:00:00Z' } }, files, ...extra,
});

test('manifestChanges: added, modified and changed are fetched, removed is empty, renamed is both; merges give none', () => {
  const files = [
    { filename: 'package.json', status: 'modified' },
    { filename: 'README.md', status: 'modified' },
    { filename: 'go.mod', status: 'removed' },
    { filename: 'svc/go.mod', status: 'renamed', previous_filename: 'go.mod.old/go.mod' },
    { filename: 'api/Cargo.toml', status: 'renamed', previous_filename: 'api/notes.txt' },
    { filename: 'node_modules/x/package.json', status: 'added' },
    { filename: 'requirements.txt', status: 'added' },
    { filename: 'pom.xml', status: 'changed' },
    { filename: 'build.gradle', status: 'unchanged' },
  ];
  const at = '2024-03-04T19:00:00Z';  // the author date, as import-git dates a snapshot
  assert.deepEqual(manifestChanges(commitWith(files), 'o/n'), [
    { commit: SHA, at, path: 'package.json' },
    { commit: SHA, at, path: 'go.mod', removed: true },
    { commit: SHA, at, path: 'go.mod.old/go.mod', removed: true },
    { commit: SHA, at, path: 'svc/go.mod' },
    { commit: SHA, at, path: 'api/Cargo.toml' },
    { commit: SHA, at, path: 'requirements.txt' },
    { commit: SHA, at, path: 'pom.xml' },
  ]);
  // A merge (import-git runs with --no-merges) and a commit without files give nothing.
  assert.deepEqual(manifestChanges(commitWith(files, { parents: [{ sha: 'b'.repeat(40) }, { sha: 'c'.repeat(40) }] }), 'o/n'), []);
  assert.deepEqual(manifestChanges(commitWith(undefined), 'o/n'), []);
  // The repository is the one the commit's URL names (as the REST importer files the commit).
  assert.deepEqual(manifestChanges(commitWith(files.slice(0, 1)), 'O/N'), [{ commit: SHA, at, path: 'package.json' }]);
  assert.deepEqual(manifestChanges(commitWith(files.slice(0, 1)), 'o/renamed'), [{ commit: SHA, at, path: 'package.json', repo: 'o/n' }]);
});

test('decodeBase64 reads GitHub\'s wrapped base64 byte for byte and rejects what is not base64', () => {
  for (const size of [0, 1, 2, 3, 4, 59, 60, 61, 1000, 65537]) {
    const bytes = randomBytes(size);
    const wrapped = bytes.toString('base64').replace(/.{1,60}/g, '$&\n');
    assert.deepEqual(Buffer.from(decodeBase64(wrapped)), bytes, `size ${size}`);
  }
  assert.equal(decodeBase64('YWJj*'), null);
  assert.equal(decodeBase64('YW=Jj'), null);
  assert.equal(decodeBase64('YWJjZ'), null);  // a lone sixth-bit character
  assert.deepEqual([...decodeBase64('YQ==')], [0x61]);
});

test('manifestBundle: only manifests, content byte for byte (quotes, backslashes, controls, multi-byte)', () => {
  const content = Buffer.from('{"a":"\\\\ \\"q\\""}\r\n\t\u0000\u001f café ✓ 𝄞 \u2028\u007f', 'utf8');
  const bytes = manifestBundle([
    { entry: { commit: SHA, path: 'x/package.json', at: '2024-01-08T09:00:00Z' }, content },
    { entry: { commit: SHA, path: 'go.mod', at: '2024-01-08T09:00:00Z', removed: true }, content: new Uint8Array(0) },
    { entry: { commit: SHA, path: 'pom.xml', at: null, repo: 'o/other' }, content: Buffer.from('<project/>') },
  ], 'o/n');
  const text = Buffer.from(bytes).toString('utf8');
  assert.ok(text.startsWith('{"format":"loupe-bundle","version":1,'));
  assert.deepEqual(JSON.parse(text), {
    format: 'loupe-bundle', version: 1, repositories: ['o/n', 'o/other'],
    manifests: [
      { repo: 0, path: 'x/package.json', commit: SHA, at: '2024-01-08T09:00:00Z', content: content.toString('utf8') },
      { repo: 0, path: 'go.mod', commit: SHA, at: '2024-01-08T09:00:00Z', content: '' },
      { repo: 1, path: 'pom.xml', commit: SHA, content: '<project/>' },
    ],
  });
});

// ---- syncs of the fixture repository ----

let fixture = null;  // {dir, shas}, built once
function fixtureRepo() {
  if (!fixture) fixture = buildFixtureRepo(fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-manifests-fixture-')));
  return fixture;
}
process.on('exit', () => {
  if (fixture) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

function options(server, engine, clock, extra = {}) {
  return { engine, token: TOKEN, repositories: [FIXTURE_REPO], apiBase: server.url, now: clock.now, sleep: clock.sleep, ...extra };
}
const contentsRequests = (log) => log.filter((e) => e.path.startsWith(`${P}/contents/`));
const requested = (e) => `${e.path.slice(`${P}/contents/`.length)}@${e.query.ref}`;

// The contents requests a full sync of the fixture makes, worked out from its history: every
// manifest a non-merge commit added, changed or renamed to (not removals, not node_modules), and
// the big file once more with the raw media type.
function expectedContentsRequests(shas) {
  return [
    'package.json@c1', 'go.mod@c1', 'package.json@c2', 'go.mod@c3', 'tools/requirements-dev.txt@c3',
    'helper/Cargo.toml@c4', 'web/package.json@c5', 'service/go.mod@c7', 'big/package.json@c9', 'big/package.json@c9',
  ].map((r) => r.replace(/@(c\d)$/, (_, id) => `@${shas[id]}`)).sort();
}

// Every manifest key imported, once per import (duplicates show as repeats).
function importedManifestKeys(imports) {
  return imports.filter((i) => i.options.format === 'bundle').flatMap((i) => i.bundle.manifests.map((m) => `${m.path}@${m.commit}`));
}

function doubleManifests(engine) {
  return [...engine.manifests].map(([key, v]) => {
    const [repo, p, commit] = key.split('|');
    return { repo, path: p, commit, at: v.at, content: v.content };
  }).sort((a, b) => `${a.path}@${a.commit}`.localeCompare(`${b.path}@${b.commit}`));
}
function expectedManifests(shas) {
  return fixtureBundle(shas).manifests.map((m) => ({ ...m, repo: FIXTURE_REPO }))
    .sort((a, b) => `${a.path}@${a.commit}`.localeCompare(`${b.path}@${b.commit}`));
}

describe('manifests over the HTTP protocol (engine double)', { concurrency: false }, () => {
  let server;
  before(async () => {
    if (!haveGit()) return;
    server = await startReplayServer({ token: TOKEN, pageSize: 4, data: new GitRepoApi(fixtureRepo().dir) });
  });
  after(async () => {
    await server?.close();
  });

  test('a first sync fetches each changed manifest once at its commit; a second sync is two 304s', async (t) => {
    if (skipWithout(t, haveGit(), 'git is not installed')) return;
    const { shas } = fixtureRepo();
    server.clearLog();
    const engine = new EngineDouble();
    const progress = [];
    const summary = await syncGitHub(options(server, engine, new FakeClock(), { onProgress: (p) => progress.push(p) }));

    assert.deepEqual(contentsRequests(server.log).map(requested).sort(), expectedContentsRequests(shas));
    // JSON first; the file over 1 MB (answered without content) again as raw bytes.
    const big = contentsRequests(server.log).filter((e) => e.path.endsWith('/big/package.json')).map((e) => e.accept);
    assert.deepEqual(big, ['application/vnd.github+json', 'application/vnd.github.raw+json']);
    assert.ok(server.log.every((e) => e.authorization === `Bearer ${TOKEN}` && e.status === 200));
    // Contents are fetched after the commit step, before the pull requests.
    const firstContents = server.log.findIndex((e) => e.path.startsWith(`${P}/contents/`));
    assert.ok(firstContents > server.log.findLastIndex((e) => e.path.startsWith(`${P}/commits`)));
    assert.ok(firstContents < server.log.findIndex((e) => e.path === `${P}/pulls`));

    assert.deepEqual(doubleManifests(engine), expectedManifests(shas));
    // Imported as bundles holding only manifests, each manifest once.
    const bundles = engine.imports.filter((i) => i.options.format === 'bundle');
    assert.ok(bundles.length >= 1);
    for (const b of bundles) assert.deepEqual(Object.keys(b.bundle), ['format', 'version', 'repositories', 'manifests']);
    assert.equal(importedManifestKeys(engine.imports).length, FIXTURE_MANIFESTS.length);
    assert.equal(summary.repositories[0].manifests, FIXTURE_MANIFESTS.length);
    assert.deepEqual(summary.repositories[0].manifestsSkipped, FIXTURE_SKIPPED);
    assert.equal(summary.repositories[0].commits, FIXTURE_COMMITS.length);
    // Progress: the manifests phase counts up to everything pending (imported or skipped).
    const phase = progress.filter((p) => p.phase === 'manifests');
    assert.equal(phase[0].message, `fetching 11 manifests of ${FIXTURE_REPO}`);
    assert.deepEqual(phase.at(-1), {
      phase: 'manifests', repo: FIXTURE_REPO, done: 11, total: 11,
      message: `read 11 of 11 manifests of ${FIXTURE_REPO} (skipped: 1 a symbolic link, 1 manifest that is not UTF-8 text)`,
    });
    assert.deepEqual(JSON.parse(engine.call('sync.getState', { key: cursorKey(FIXTURE_REPO) })).value.manifests, { pending: [], total: 0 });

    server.clearLog();
    const imports = engine.imports.length;
    const again = await syncGitHub(options(server, engine, new FakeClock()));
    assert.deepEqual(server.log.map((e) => [e.path, e.status]), [[`${P}/commits`, 304], [`${P}/pulls`, 304]]);
    assert.equal(engine.imports.length, imports);
    assert.equal(again.repositories[0].manifests, 0);
  });

  test('a rate-limit 403 on a contents request waits for the reset with the pending manifests stored, then goes on', async (t) => {
    if (skipWithout(t, haveGit(), 'git is not installed')) return;
    const { shas } = fixtureRepo();
    server.clearLog();
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const reset = Math.floor(clock.t / 1000) + 300;
    const limited = (e) => e.path === `${P}/contents/go.mod` && e.query.ref === shas.c3;
    const rule = server.injectRateLimit(limited, reset);
    let stateWhileWaiting = null;
    clock.onSleep = async () => {
      stateWhileWaiting = JSON.parse(engine.call('sync.getState', { key: cursorKey(FIXTURE_REPO) })).value;
    };
    const progress = [];
    await syncGitHub(options(server, engine, clock, { onProgress: (p) => progress.push(p) }));
    assert.equal(rule.hits, 1);
    assert.deepEqual(clock.sleeps, [(reset + 1) * 1000 - Date.parse('2026-11-28T12:00:00Z')]);
    assert.deepEqual(server.log.filter(limited).map((e) => e.status), [403, 200]);
    // The wait came in the manifests phase; the commits were stored and the manifests pending.
    const waiting = progress.findIndex((p) => p.phase === 'waiting');
    assert.equal(progress.slice(0, waiting).findLast((p) => p.phase !== 'retrying').phase, 'manifests');
    assert.equal(stateWhileWaiting.commits.pending, null);
    assert.ok(stateWhileWaiting.manifests.pending.some((m) => m.path === 'go.mod' && m.commit === shas.c3));
    assert.deepEqual(doubleManifests(engine), expectedManifests(shas));
    assert.equal(importedManifestKeys(engine.imports).length, FIXTURE_MANIFESTS.length);
  });

  test('a sync cancelled during the manifests resumes after a reload: nothing lost, nothing imported twice', async (t) => {
    if (skipWithout(t, haveGit(), 'git is not installed')) return;
    const { shas } = fixtureRepo();
    const store = { state: new Map() };
    const engine = new EngineDouble(store);
    const controller = new AbortController();
    server.clearLog();
    await assert.rejects(syncGitHub(options(server, engine, new FakeClock(), {
      signal: controller.signal, importBatch: 2, concurrency: 1,
      onProgress: (p) => {
        if (p.phase === 'manifests' && p.done >= 4) controller.abort();
      },
    })), (e) => e instanceof SyncError && e.code === 'cancelled');
    const stored = JSON.parse(engine.call('sync.getState', { key: cursorKey(FIXTURE_REPO) })).value;
    assert.equal(stored.commits.pending, null);
    assert.equal(stored.manifests.total, 11);
    const pending = stored.manifests.pending;
    assert.ok(pending.length > 0 && pending.length <= 7, `${pending.length} pending`);
    const firstImports = importedManifestKeys(engine.imports);
    assert.ok(firstImports.length > 0);
    assert.equal(new Set(firstImports).size, firstImports.length);

    // "Reload": a new engine over the same stored state and the data imported so far.
    const reloaded = new EngineDouble(store);
    for (const k of ['commits', 'pulls', 'manifests']) reloaded[k] = engine[k];
    server.clearLog();
    const progress = [];
    const summary = await syncGitHub(options(server, reloaded, new FakeClock(), { onProgress: (p) => progress.push(p) }));
    // The commit list answers 304 and no commit is fetched again; only the pending contents are.
    assert.deepEqual(server.log.filter((e) => e.path.startsWith(`${P}/commits`)).map((e) => e.status), [304]);
    const pendingFetched = pending.filter((m) => !m.removed).map((m) => `${m.path}@${m.commit}`);
    const again = contentsRequests(server.log).map(requested);
    assert.deepEqual([...new Set(again)].sort(), [...new Set(pendingFetched)].sort());
    assert.ok(progress.some((p) => p.phase === 'manifests' && p.done === 11 - pending.length && p.total === 11));
    const secondImports = importedManifestKeys(reloaded.imports);
    assert.deepEqual([...firstImports, ...secondImports].sort(), expectedManifests(shas).map((m) => `${m.path}@${m.commit}`).sort());
    assert.deepEqual(doubleManifests(reloaded), expectedManifests(shas));
    assert.equal(summary.repositories[0].manifests, secondImports.length);
  });

  test('an incremental sync fetches the manifests of the new commits only', async (t) => {
    if (skipWithout(t, haveGit(), 'git is not installed')) return;
    const { shas } = fixtureRepo();
    const api = server.api;
    const engine = new EngineDouble();
    api.asOf = '2024-03-05T00:00:00Z';  // c1..c3
    try {
      await syncGitHub(options(server, engine, new FakeClock()));
      assert.deepEqual(doubleManifests(engine).map((m) => `${m.path}@${m.commit}`).sort(),
        ['go.mod@c1', 'go.mod@c3', 'package.json@c1', 'package.json@c2'].map((k) => k.replace(/c\d$/, (id) => shas[id])).sort());
    } finally {
      api.asOf = null;
    }
    server.clearLog();
    await syncGitHub(options(server, engine, new FakeClock()));
    const later = new Set([shas.c4, shas.c5, shas.c7, shas.c9]);
    assert.ok(contentsRequests(server.log).every((e) => later.has(e.query.ref)));
    assert.equal(contentsRequests(server.log).length, 5);
    assert.deepEqual(doubleManifests(engine), expectedManifests(shas));
  });
});

// ---- on the real engines ----

// The manifests of an exported bundle with repository names instead of indexes.
function manifestsOf(bundleText) {
  const b = parse(bundleText);
  return b.manifests.map((m) => ({ ...m, repo: b.repositories[m.repo] }));
}

// The sync's engine interface over `engine`, keeping every bundle the sync imports.
function recording(engine, imports) {
  return {
    importBytes: (name, bytes, opts) => {
      if (opts?.format === 'bundle') imports.push({ name, options: opts, bundle: JSON.parse(Buffer.from(bytes).toString('utf8')) });
      return engine.importBytes(name, bytes, opts);
    },
    call: (method, params) => engine.call(method, params),
  };
}

for (const kind of engineKinds()) {
  describe(`synced manifests equal the fixture's bundle (${kind.name} engine)`, { concurrency: false }, () => {
    let server;
    let expected = null;  // the manifests section of the fixture's bundle imported into this engine
    let stale = null;
    const engines = [];
    const open = async () => {
      const e = await kind.open();
      engines.push(e);
      return e;
    };
    before(async () => {
      if (!kind.available() || !haveGit()) return;
      server = await startReplayServer({ token: TOKEN, pageSize: 4, data: new GitRepoApi(fixtureRepo().dir) });
      const e = await open();
      await e.importBytes('fixture.bundle.json', encode(fixtureBundle(fixtureRepo().shas)), { format: 'bundle' });
      const exported = parse(await e.call('workspace.exportBundle', {}));
      // A package built before bundles carried manifests has no such section: too old to test.
      if (!Array.isArray(exported.manifests)) stale = `${kind.name} engine predates manifests in bundles (rebuild it)`;
      else expected = manifestsOf(exported);
    });
    after(async () => {
      await server?.close();
      for (const e of engines) await (e.close?.() ?? e.remove?.());
    });
    const ready = (t) => {
      if (!kind.available()) {
        kind.skip(t);
        return false;
      }
      if (skipWithout(t, haveGit(), 'git is not installed')) return false;
      return !skipWithout(t, stale === null, stale);
    };
    const sync = (engine, extra = {}) => syncGitHub({ engine, token: TOKEN, repositories: [FIXTURE_REPO], apiBase: server.url,
      now: new FakeClock().now, sleep: new FakeClock().sleep, ...extra });
    const exportOf = async (engine) => {
      const b = await engine.call('workspace.exportBundle', {});
      return typeof b === 'string' ? b : JSON.stringify(b);
    };

    test('a full sync stores the manifests the fixture\'s bundle gives; a second sync changes nothing', async (t) => {
      if (!ready(t)) return;
      assert.equal(expected.length, FIXTURE_MANIFESTS.length);
      const engine = await open();
      const summary = await sync(engine);
      assert.deepEqual(summary.repositories[0].manifestsSkipped, FIXTURE_SKIPPED);
      const got = await exportOf(engine);
      assertSameJson(manifestsOf(got), expected, 'the manifests');
      assert.equal(parse(got).commits.length, FIXTURE_COMMITS.length);

      server.clearLog();
      const again = await sync(engine);
      assert.equal(again.repositories[0].imports, 0);
      assert.ok(server.log.every((e) => e.status === 304));
      assert.ok((await exportOf(engine)) === got, 'the bundle changed on a sync without changes');
    });

    test('the package\'s own sync operation stores the same manifests', async (t) => {
      if (!ready(t)) return;
      const engine = await open();
      if (typeof engine.packageSync !== 'function') return t.skip('this engine kind has no package entry');
      const summary = await engine.packageSync({ token: TOKEN, repositories: [FIXTURE_REPO], apiBase: server.url, remember: false });
      assert.equal(summary.repositories[0].manifests, FIXTURE_MANIFESTS.length);
      assertSameJson(manifestsOf(await exportOf(engine)), expected, 'the manifests');
    });

    test('loupe import-git of the same repository records the same manifests', async (t) => {
      if (!ready(t)) return;
      if (skipWithout(t, haveNativeCli(), 'build/native-release/loupe is not built')) return;
      const native = new NativeEngine();
      engines.push(native);
      native.run(['import-git', '--repo', FIXTURE_REPO, fixtureRepo().dir]);
      assertSameJson(manifestsOf(native.call('workspace.exportBundle')), expected, 'the manifests');
    });

    test('a rate-limit 403 during the manifests changes nothing in what is stored', async (t) => {
      if (!ready(t)) return;
      const engine = await open();
      const clock = new FakeClock();
      const limit = server.injectRateLimit((e) => e.path === `${P}/contents/service/go.mod`, Math.floor(clock.t / 1000) + 900);
      await sync(engine, { now: clock.now, sleep: clock.sleep });
      assert.equal(limit.hits, 1);
      assert.deepEqual(clock.sleeps, [901_000]);
      assertSameJson(manifestsOf(await exportOf(engine)), expected, 'the manifests');
    });

    test('a sync cancelled during the manifests resumes on a new engine over the same storage, without duplicates', async (t) => {
      if (!ready(t)) return;
      if (!kind.reopen) return t.skip('this engine kind cannot reopen its storage');
      const engine = await open();
      const imports = [];
      const controller = new AbortController();
      await assert.rejects(sync(recording(engine, imports), {
        signal: controller.signal, importBatch: 2, concurrency: 1,
        onProgress: (p) => {
          if (p.phase === 'manifests' && p.done >= 4) controller.abort();
        },
      }), (e) => e.code === 'cancelled');
      const half = manifestsOf(await exportOf(engine));
      assert.ok(half.length > 0 && half.length < expected.length, `${half.length} manifests before the cancel`);
      const reloaded = await kind.reopen(engine);
      engines.push(reloaded);
      const state = parse(await reloaded.call('sync.getState', { key: cursorKey(FIXTURE_REPO) })).value;
      assert.equal(state.commits.pending, null);
      assert.ok(state.manifests.pending.length > 0);
      // Requests the cancel cut off may still reach the server (it runs in this process).
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.clearLog();
      await sync(recording(reloaded, imports));
      const fetched = new Set(contentsRequests(server.log).map(requested));
      assert.deepEqual([...fetched].sort(), [...new Set(state.manifests.pending.filter((m) => !m.removed).map((m) => `${m.path}@${m.commit}`))].sort());
      // Across both runs every manifest was imported exactly once.
      assert.deepEqual(importedManifestKeys(imports).sort(), expected.map((m) => `${m.path}@${m.commit}`).sort());
      assertSameJson(manifestsOf(await exportOf(reloaded)), expected, 'the manifests');
    });
  });
}
