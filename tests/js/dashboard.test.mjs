// The package's dashboard namespace under node: the registry and presets, preferences created on
// first read, a resize that survives switching preset and back, a bad widget id that rejects with
// the engine's message and stores nothing, and preferences that persist when the sqlite-wasm
// database is closed and opened again (its bytes exported and loaded into a new database, as a
// file would be).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.LOUPE_DIST ?? join(root, 'build/wasm-release/wasm/dist');

if (!existsSync(join(dist, 'node.mjs'))) {
  console.log(`LOUPE-SKIP: ${dist}/node.mjs is not built (cmake --build --preset wasm-release)`);
  process.exit(0);
}
const { Loupe, LoupeError } = await import(pathToFileURL(join(dist, 'node.mjs')).href);

const cellOf = (prefs, id) => {
  const w = prefs.widgets.find((x) => x.id === id);
  return w && [w.x, w.y, w.w, w.h];
};

test('the registry: seven presets and custom, 64 widgets with data status and gating', async () => {
  const loupe = await Loupe.open();
  const presets = await loupe.dashboard.presets();
  assert.deepEqual(presets.map((p) => p.id), ['developer', 'manager', 'product', 'hr', 'support', 'sales', 'admin', 'custom']);
  assert.equal(presets[0].seed_widgets.length, 13);
  const registry = await loupe.dashboard.widgets({ role: 'developer' });
  assert.equal(registry.widgets.length, 64);
  const tickets = registry.widgets.find((w) => w.id === 'ticketStats');
  assert.equal(tickets.status, 'needs');
  assert.match(tickets.needs, /ticket data from an issue tracker/);
  assert.equal(tickets.accessible, false);
  const heatmap = registry.widgets.find((w) => w.id === 'activityHeatmap');
  assert.deepEqual([heatmap.origin, heatmap.status, heatmap.sources], ['loupe', 'available', ['analytics.activity']]);
  await loupe.close();
});

for (const storage of ['memory', 'sqlite-memory']) {
  test(`${storage}: switching preset and back keeps a resize; a bad widget id rejects and stores nothing`, async () => {
    const loupe = await Loupe.open({ storage });
    let prefs = await loupe.dashboard.preferences();
    assert.equal(prefs.preset, 'developer');
    assert.deepEqual(cellOf(prefs, 'workPatterns'), [8, 8, 4, 3]);
    assert.deepEqual(prefs.restricted, ['performanceReviews']);

    prefs = await loupe.dashboard.resizeWidget({ widget: 'workPatterns', w: 4, h: 6 });
    assert.deepEqual(cellOf(prefs, 'workPatterns'), [8, 8, 4, 6]);
    prefs = await loupe.dashboard.switchPreset({ preset: 'manager' });
    assert.equal(prefs.preset, 'manager');
    prefs = await loupe.dashboard.moveWidget({ widget: 'teamOverview', x: 0, y: 0 });
    assert.deepEqual(cellOf(prefs, 'teamOverview'), [0, 0, 8, 5]);
    prefs = await loupe.dashboard.switchPreset({ preset: 'developer' });
    assert.deepEqual(cellOf(prefs, 'workPatterns'), [8, 8, 4, 6], 'the developer layout came back as it was left');

    const before = await loupe.dashboard.preferences();
    await assert.rejects(loupe.dashboard.moveWidget({ widget: 'noSuchWidget', x: 0, y: 0 }),
      (e) => e instanceof LoupeError && e.code === 'invalid_input' &&
        e.message === 'dashboard.moveWidget: param "widget" is not a widget: "noSuchWidget"');
    await assert.rejects(loupe.dashboard.setWidgetSize({ widget: 'welcome', size: 'huge' }),
      (e) => e instanceof LoupeError && e.code === 'invalid_input' && /param "size"/.test(e.message));
    await assert.rejects(loupe.dashboard.hideWidget({ widget: 'ticketStats' }),
      (e) => e instanceof LoupeError && e.code === 'not_found');
    assert.deepEqual(await loupe.dashboard.preferences(), before, 'nothing was stored');

    prefs = await loupe.dashboard.trackVisits({ visits: { '/insights/developer': 2, '/reports': 1 } });
    assert.deepEqual(prefs.visits, { '/insights': 2, '/reports': 1 });
    prefs = await loupe.dashboard.pin({ item: '/reports' });
    const recommended = await loupe.dashboard.recommendations();
    assert.deepEqual(recommended.routes, [{ path: '/insights', visits: 2 }]);
    await loupe.close();
  });
}

test('sqlite-wasm: preferences persist when the database is closed and opened again', async () => {
  const factory = createRequire(import.meta.url)(join(dist, 'loupe_engine_node.cjs'));
  const module = await factory({ wasmBinary: readFileSync(join(dist, 'loupe_engine_node.wasm')) });
  const { openEngine } = await import(pathToFileURL(join(dist, 'core.mjs')).href);
  const sqlite3 = await (await import('@sqlite.org/sqlite-wasm')).default();
  const call = (host, method, params = {}) => JSON.parse(host.call(method, params));

  const first = openEngine(module, { sqlite3, db: new sqlite3.oo1.DB(':memory:', 'c') });
  call(first, 'dashboard.resizeWidget', { widget: 'workPatterns', w: 5, h: 5 });
  call(first, 'dashboard.switchPreset', { preset: 'hr' });
  call(first, 'dashboard.setRole', { role: 'manager' });
  call(first, 'dashboard.pin', { item: '/insights' });
  const left = call(first, 'dashboard.preferences');
  const bytes = sqlite3.capi.sqlite3_js_db_export(first.sqlite.db);
  first.close();

  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const data = sqlite3.wasm.allocFromTypedArray(bytes);
  db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer, 'main', data, bytes.length, bytes.length,
    sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE));
  const second = openEngine(module, { sqlite3, db });
  assert.deepEqual(call(second, 'dashboard.preferences'), left);
  const developer = call(second, 'dashboard.switchPreset', { preset: 'developer' });
  // 5 wide from column 8 would leave the grid: it moved to column 7.
  assert.deepEqual(cellOf(developer, 'workPatterns'), [7, 8, 5, 5]);
  assert.equal(developer.role, 'manager');
  second.close();
});
