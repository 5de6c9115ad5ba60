// The JS package under node (wasm/js/node.mjs, built into build/wasm-release/wasm/dist): imports,
// developers, insights, snapshots, alerts and errors, on the demo workspace (fixtures/demo), with
// both node storages ('memory', and 'sqlite-memory' = the C++ storage layer on sqlite-wasm).
// Expected figures come from fixtures/demo/expected-developers.json, which the demo generator
// computes from what it generated, independently of the engine.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.LOUPE_DIST ?? join(root, 'build/wasm-release/wasm/dist');
const demo = join(root, 'fixtures/demo');
const kFiles = ['rocket.gitlog', 'rocket-commits.json', 'rocket-pulls.json', 'rocket-reviews.json', 'rocket-review-comments.json'];
const expected = JSON.parse(readFileSync(join(demo, 'expected-developers.json'), 'utf8'));

if (!existsSync(join(dist, 'node.mjs'))) {
  console.log(`LOUPE-SKIP: ${dist}/node.mjs is not built (cmake --build --preset wasm-release)`);
  process.exit(0);
}
const { Loupe, LoupeError } = await import(pathToFileURL(join(dist, 'node.mjs')).href);

const demoInputs = () => kFiles.map((name) => ({ name, bytes: readFileSync(join(demo, name)) }));

async function openDemo(storage = 'memory') {
  const loupe = await Loupe.open({ storage });
  await loupe.import.files(demoInputs(), { repo: 'acme/rocket' });
  await loupe.identities.importMailmap({ text: readFileSync(join(demo, 'rocket.mailmap'), 'utf8') });
  return loupe;
}

for (const storage of ['memory', 'sqlite-memory']) {
  test(`${storage}: the demo imports and every developer matches the generator's figures`, async () => {
    const loupe = await openDemo(storage);
    assert.equal(loupe.persistent, storage === 'sqlite-memory');
    const developers = await loupe.developers.list({ bots: true });
    const humans = expected.filter((e) => !e.is_bot);
    assert.ok(humans.length >= 5);
    for (const want of humans) {
      const have = developers.find((d) => d.email === want.email);
      assert.ok(have, `developer ${want.login} is listed`);
      for (const key of ['commits', 'co_authored', 'lines_added', 'lines_removed', 'prs_opened', 'prs_merged', 'reviews', 'comments']) {
        assert.equal(have[key], want[key], `${want.login}.${key}`);
      }
    }
    // Importing the same files again changes nothing.
    const again = await loupe.import.files(demoInputs(), { repo: 'acme/rocket' });
    assert.deepEqual(again.map((r) => r.changed), kFiles.map(() => false));
    await loupe.close();
  });
}

test('sqlite-memory and memory hold the same workspace after the same calls', async () => {
  const a = await openDemo('memory');
  const b = await openDemo('sqlite-memory');
  const bundle = (text) => JSON.stringify({ ...JSON.parse(text), exported_at: null });
  assert.equal(bundle(await b.workspace.exportBundle()), bundle(await a.workspace.exportBundle()));
  const described = await b.workspace.describe();
  assert.ok(described.schema_version >= 3, 'the sqlite-wasm database was created by the storage layer');
  await a.close();
  await b.close();
});

test("insights: Ana's quarter equals the generator's totals", async () => {
  const loupe = await openDemo();
  const ana = expected.find((e) => e.login === 'analima');
  const i = await loupe.insights.developer({ developer: 'analima', from: '2024-01-01', to: '2024-03-31' });
  assert.equal(i.developer_name, 'Ana Lima');
  assert.equal(i.period_type, 'custom');
  assert.equal(i.velocity.commits_count, ana.commits);
  assert.equal(i.velocity.lines_added, ana.lines_added);
  assert.equal(i.velocity.lines_removed, ana.lines_removed);
  assert.equal(i.velocity.net_lines, ana.lines_added - ana.lines_removed);
  assert.equal(i.velocity.prs_merged, ana.prs_merged);
  for (const category of ['efficiency', 'quality', 'sustainability', 'collaboration']) assert.equal(typeof i[category], 'object');
  await loupe.close();
});

test('snapshots: a quarter of weekly snapshots, with progress, history and status', async () => {
  const loupe = await openDemo();
  const phases = [];
  // 2024-01-01 is a Monday; the window to 2024-03-31 holds 13 whole weeks.
  const report = await loupe.snapshots.generate({ period: 'weekly', from: '2024-01-01', to: '2024-03-31' },
    { onProgress: (p) => phases.push(p.phase) });
  assert.equal(report.periods, 13);
  assert.equal(report.developer_snapshots_created, report.developers * 13);
  assert.ok(phases.includes('compute'));
  const history = await loupe.snapshots.history({ developer: 'ana@acme.dev', period: 'weekly', limit: 20 });
  const entries = Array.isArray(history) ? history : history.snapshots;
  assert.equal(entries.length, 13);
  const starts = entries.map((s) => s.period_start);
  assert.deepEqual(starts, [...starts].sort().reverse(), 'newest first');
  const status = await loupe.snapshots.status();
  assert.ok(JSON.stringify(status).includes('weekly'));
  await loupe.close();
});

test('alerts: templates, an evaluation, acknowledge', async () => {
  const loupe = await openDemo();
  const seeded = await loupe.alerts.seedTemplates();
  assert.ok(seeded.added >= 5);
  const evaluation = await loupe.alerts.evaluate({ from: '2024-03-18', to: '2024-03-24' });
  assert.equal(evaluation.rules_evaluated, seeded.added);
  const open = await loupe.alerts.list({ status: 'open' });
  assert.ok(open.length > 0, 'the demo week trips at least one template');
  await loupe.alerts.acknowledge({ id: open[0].id, by: 'lead' });
  const acknowledged = await loupe.alerts.list({ status: 'acknowledged' });
  assert.deepEqual(acknowledged.map((a) => a.id), [open[0].id]);
  // Evaluating the same window again raises no duplicate of an open alert.
  await loupe.alerts.evaluate({ from: '2024-03-18', to: '2024-03-24' });
  assert.equal((await loupe.alerts.list({ status: 'open' })).length, open.length);
  await loupe.close();
});

test('a bad file is rejected naming file, record and field, and nothing is stored', async () => {
  for (const storage of ['memory', 'sqlite-memory']) {
    const loupe = await openDemo(storage);
    const before = await loupe.workspace.describe();
    const good = `[{"sha":"${'a'.repeat(40)}","commit":{"author":{"name":"Zed","email":"zed@x.dev","date":"2024-02-01T10:00:00Z"},"message":"ok"}},`;
    const cases = [
      ['truncated.json', `${good}{"sha":"${'b'.repeat(40)}","commit":{"author":{"name":"Z"`],
      ['wrong-type.json', `${good}{"sha":12,"commit":{}}]`],
    ];
    for (const [name, text] of cases) {
      await assert.rejects(loupe.import.files([{ name, bytes: new TextEncoder().encode(text) }], { repo: 'acme/rocket' }), (e) => {
        assert.ok(e instanceof LoupeError);
        assert.equal(e.code, 'invalid_input');
        assert.equal(e.file, name);
        assert.match(e.record, /2/, 'the second record is the bad one');
        assert.ok(e.field.length > 0, 'a field is named');
        assert.ok(e.message.includes(name));
        return true;
      });
    }
    assert.deepEqual((await loupe.workspace.describe()).counts, before.counts, `${storage}: nothing stored`);
    await loupe.close();
  }
});

test('bad calls are rejected with the method and param named', async () => {
  const loupe = await Loupe.open();
  await assert.rejects(loupe.insights.developer({}), { code: 'invalid_input', message: /insights\.developer: param "developer" is required/ });
  await assert.rejects(loupe.call('teams.frobnicate'), { code: 'invalid_input', message: /unknown method/ });
  await assert.rejects(loupe.insights.developer({ developer: 'ghost', from: '2024-01-01', to: '2024-01-31' }), { code: 'not_found' });
  await assert.rejects(loupe.import.files([42]), { code: 'invalid_input', message: /input 1 is not/ });
  await loupe.close();
});

test('cancelling stops at the next progress report (nothing of that file is stored) and before the next file', async () => {
  const loupe = await Loupe.open();
  // A gitlog big enough to report progress: the demo's, repeated under new shas is not needed —
  // the engine reports progress per few thousand records, so cancel on the first report.
  const big = readFileSync(join(demo, 'rocket-commits.json'));
  const controller = new AbortController();
  let reports = 0;
  await assert.rejects(
    loupe.import.files([{ name: 'rocket-commits.json', bytes: big }, { name: 'rocket-pulls.json', bytes: readFileSync(join(demo, 'rocket-pulls.json')) }],
      { repo: 'acme/rocket', signal: controller.signal, onProgress: () => { reports++; controller.abort(); } }),
    { code: 'cancelled' });
  assert.ok(reports >= 1);
  const counts = (await loupe.workspace.describe()).counts;
  assert.equal(counts.commits, 0);
  assert.equal(counts.pull_requests, 0);
  await loupe.close();
});
