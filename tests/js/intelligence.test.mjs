// The package's intelligence (and analytics) namespaces under node, on the demo workspace with
// both node storages: each method answers the engine's JSON (the same text the native CLI prints
// for the same call, through api::Dispatch), results are cached until the data change, analyze-all
// reports progress and can be cancelled, and bad params reject with the engine's message.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.LOUPE_DIST ?? join(root, 'build/wasm-release/wasm/dist');
const cli = join(root, 'build/native-release/loupe');
const demo = join(root, 'fixtures/demo');
const kFiles = ['rocket.gitlog', 'rocket-commits.json', 'rocket-pulls.json', 'rocket-reviews.json', 'rocket-review-comments.json'];

if (!existsSync(join(dist, 'node.mjs'))) {
  console.log(`LOUPE-SKIP: ${dist}/node.mjs is not built (cmake --build --preset wasm-release)`);
  process.exit(0);
}
const { Loupe, LoupeError } = await import(pathToFileURL(join(dist, 'node.mjs')).href);

async function openDemo(storage) {
  const loupe = await Loupe.open({ storage });
  await loupe.import.files(kFiles.map((name) => ({ name, bytes: readFileSync(join(demo, name)) })), { repo: 'acme/rocket' });
  return loupe;
}

// A window of the demo's data (January to March 2024), so results do not depend on today.
const kWindow = { from: '2024-01-01', to: '2024-03-31' };

for (const storage of ['memory', 'sqlite-memory']) {
  test(`${storage}: the seven analyses answer for a developer, a team and the workspace`, async () => {
    const loupe = await openDemo(storage);
    await loupe.teams.create({ name: 'core' });
    await loupe.teams.addMembers({ team: 'core', developers: ['chen@acme.dev', 'ana@acme.dev'] });
    const burnout = await loupe.intelligence.burnout({ developer: 'chen@acme.dev', ...kWindow });
    assert.equal(burnout.analysis, 'burnout');
    assert.equal(burnout.subject.kind, 'developer');
    assert.equal(burnout.subject.name, 'Chen Wei');
    assert.deepEqual(burnout.window, { from: '2024-01-01T00:00:00Z', to: '2024-04-01T00:00:00Z' });
    assert.equal(burnout.result.model, 'statistics');
    assert.equal(burnout.result.has_data, true);

    const team = await loupe.intelligence.collaboration({ team: 'core', ...kWindow });
    assert.equal(team.subject.team, 'core');
    assert.equal(team.result.cohesion.members, 2);
    // Two members who review each other: one edge, so the density is 1.
    assert.equal(team.result.network.edges.length, 1);
    assert.equal(team.result.cohesion.density, 1);

    for (const name of ['commits', 'reviews', 'expertise', 'burnout', 'collaboration', 'complexity', 'technology']) {
      const out = await loupe.intelligence[name]({ ...kWindow });
      assert.equal(out.analysis, name);
      assert.equal(out.subject.kind, 'workspace');
      assert.ok(out.result && typeof out.result === 'object', `${name} has a result`);
    }
    const commits = await loupe.intelligence.commits({ ...kWindow });
    assert.ok(commits.result.commits_analyzed > 0);
    assert.equal((await loupe.intelligence.classifyCommit({ message: 'docs: fix a typo' })).type, 'docs');
    await loupe.close();
  });
}

test('results are cached until an import changes the data; analyze-all reports and cancels', async () => {
  const loupe = await openDemo('sqlite-memory');
  const params = { developer: 'chen@acme.dev', ...kWindow };
  const first = await loupe.intelligence.expertise(params);
  const second = await loupe.intelligence.expertise(params);
  assert.deepEqual(second, first, 'the cached result comes back as it was');

  const heard = [];
  const controller = new AbortController();
  await assert.rejects(loupe.intelligence.analyzeAll({}, {
    signal: controller.signal,
    onProgress: (p) => { heard.push(p); controller.abort(); },
  }), (e) => e instanceof LoupeError && e.code === 'cancelled');
  const report = await loupe.intelligence.analyzeAll({}, { onProgress: (p) => heard.push(p) });
  assert.ok(heard.some((p) => p.phase === 'analyze' && p.unit === 'analyses'));
  assert.equal(report.reused, 0, 'the cancelled run cached nothing');
  assert.equal(report.computed, report.analyses);
  assert.equal((await loupe.intelligence.analyzeAll({})).reused, report.analyses);

  // The same file again changes nothing, so the cache stays; a mailmap regroups developers.
  await loupe.import.files([{ name: 'rocket.gitlog', bytes: readFileSync(join(demo, 'rocket.gitlog')) }], { repo: 'acme/rocket' });
  assert.deepEqual(await loupe.intelligence.expertise(params), first);
  await loupe.identities.importMailmap({ text: readFileSync(join(demo, 'rocket.mailmap'), 'utf8') });
  assert.equal((await loupe.intelligence.analyzeAll({})).reused, 0);

  await assert.rejects(loupe.intelligence.burnout({ days: 365 }), (e) =>
    e instanceof LoupeError && e.code === 'invalid_input' && e.message === 'intelligence.burnout: param "days" must be an integer in 7..90');
  await assert.rejects(loupe.intelligence.setSettings({ technologyRecentDays: 10 }), (e) =>
    e.message === 'intelligence.setSettings: technologyRecentDays must be at least technologyCurrentDays');
  await loupe.close();
});

test('the package answers what the native CLI prints for the same call', { skip: !existsSync(cli) && 'no native CLI' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-intelligence-js-'));
  try {
    const db = join(dir, 'w.db');
    execFileSync(cli, ['--db', db, '--quiet', 'import', ...kFiles.map((f) => join(demo, f))]);
    const loupe = await openDemo('memory');
    for (const [method, args, params] of [
      ['commits', [], kWindow],
      ['burnout', ['chen@acme.dev'], { developer: 'chen@acme.dev', ...kWindow }],
      ['expertise', ['--developers', 'chen@acme.dev,ana@acme.dev'], { developers: ['chen@acme.dev', 'ana@acme.dev'], ...kWindow }],
      ['complexity', ['ana@acme.dev'], { developer: 'ana@acme.dev', ...kWindow }],
    ]) {
      const native = JSON.parse(execFileSync(cli, ['--db', db, 'intelligence', method, ...args,
        '--from', kWindow.from, '--to', kWindow.to, '--json'], { encoding: 'utf8' }));
      const wasm = await loupe.intelligence[method](params);
      // computed_at is each one's own clock; everything else is the same.
      assert.deepEqual({ ...wasm, computed_at: null }, { ...native, computed_at: null }, method);
    }
    await loupe.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analytics: the views answer what the native CLI prints', { skip: !existsSync(cli) && 'no native CLI' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-analytics-js-'));
  try {
    const db = join(dir, 'w.db');
    execFileSync(cli, ['--db', db, '--quiet', 'import', ...kFiles.map((f) => join(demo, f))]);
    const loupe = await openDemo('sqlite-memory');
    for (const [view, args, params] of [
      ['productivity', ['--group-by', 'month', ...['--from', kWindow.from, '--to', kWindow.to]], { groupBy: 'month', ...kWindow }],
      ['activity', ['chen@acme.dev', '--from', kWindow.from, '--to', kWindow.to], { developer: 'chen@acme.dev', ...kWindow }],
      ['collaboration', ['--team', 'core', '--from', kWindow.from, '--to', kWindow.to], { team: 'core', ...kWindow }],
      ['skills', ['--developers', 'chen@acme.dev,ana@acme.dev'], { developers: ['chen@acme.dev', 'ana@acme.dev'] }],
    ]) {
      if (view === 'collaboration') {
        execFileSync(cli, ['--db', db, 'teams', 'create', 'core']);
        execFileSync(cli, ['--db', db, 'teams', 'add', 'core', 'chen@acme.dev', 'ana@acme.dev']);
        await loupe.teams.create({ name: 'core' });
        await loupe.teams.addMembers({ team: 'core', developers: ['chen@acme.dev', 'ana@acme.dev'] });
      }
      const native = JSON.parse(execFileSync(cli, ['--db', db, 'analytics', view, ...args, '--json'], { encoding: 'utf8' }));
      const wasm = await loupe.analytics[view](params);
      assert.deepEqual({ ...wasm, generated_at: null }, { ...native, generated_at: null }, view);
    }
    const activity = await loupe.analytics.activity({ developer: 'chen@acme.dev', ...kWindow });
    assert.equal(activity.total_days, 91, 'January to March 2024 has 91 days');
    assert.equal(activity.weekday_hour.length, 7);
    await loupe.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
