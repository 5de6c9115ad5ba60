// dashboard.test.mjs — the ImGui dashboard (web/index.html) in headless Chromium: every route
// and every persona preset at 1280×800, 1920×1080 and devicePixelRatio 2 with no overlapping or
// clipped widgets (screenshots saved as artifacts); a drag-resize that survives a reload; a
// preset switch and back that keeps the customisation; the explain panel; keyboard-only
// navigation across routes and widgets.
//
//   node tests/e2e/dashboard.test.mjs     (ctest: e2e_dashboard, label e2e, wasm-release preset)
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { kRoot, launch, makeProfileDir, screenshot, skipUnlessReady, startServing, watchPage } from './support.mjs';

skipUnlessReady();
const webDist = path.join(process.env.LOUPE_DIST ?? path.join(kRoot, 'build/wasm-release/wasm/dist'), '../../web/dist');
if (!existsSync(path.join(webDist, 'loupe_dashboard.wasm'))) {
  console.log(`LOUPE-SKIP: the dashboard's wasm is missing (${webDist}); build wasm-release first`);
  process.exit(0);
}

const kTimeout = 90_000;
const kPresets = ['developer', 'manager', 'product', 'hr', 'support', 'sales', 'admin'];
const kRoutes = ['dashboard', 'analytics', 'insights', 'reports'];
const kSubRoutes = ['analytics/skills', 'analytics/activity', 'analytics/trends', 'analytics/workload', 'analytics/network',
  'insights/developer', 'insights/team', 'insights/leaderboards', 'insights/alerts'];
const kViewports = [
  { name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  { name: '1280x800@2x', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 },
];

let servers;
let profile;
let context;
let page;
const logs = [];

before(async () => {
  servers = await startServing();
  profile = makeProfileDir('dashboard');
  context = await launch(profile);
  page = await openDashboard(context, '?demo=1#/dashboard', { width: 1280, height: 800 });
});

after(async () => {
  await context?.close();
  await servers?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (logs.length > 0) console.log(`# browser messages:\n# ${logs.join('\n# ')}`);
});

async function openDashboard(ctx, query, viewport) {
  const p = await ctx.newPage();
  watchPage(p, logs);
  if (viewport) await p.setViewportSize(viewport);
  await p.goto(`${servers.url}${query}`);
  await p.waitForFunction(() => window.loupeDashboard !== undefined, null, { timeout: kTimeout });
  await settle(p);
  return p;
}

// Waits until no engine call is in flight and the page stopped drawing (the app idles).
async function settle(p) {
  await p.waitForFunction(() => {
    const s = window.loupeDashboard.state();
    return s.pending === 0 && window.loupeDashboard.idle();
  }, null, { timeout: kTimeout, polling: 100 });
  // Two more animation frames: replies that arrived last frame are drawn.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.waitForFunction(() => window.loupeDashboard.state().pending === 0 && window.loupeDashboard.idle(),
    null, { timeout: kTimeout, polling: 100 });
}

const state = (p) => p.evaluate(() => window.loupeDashboard.state());
const call = (p, method, params = {}) => p.evaluate(([m, a]) => window.loupeDashboard.loupe.call(m, a), [method, params]);
const refresh = (p) => p.evaluate(() => window.loupeDashboard.dataChanged());

async function go(p, route) {
  await p.evaluate((r) => { location.hash = r; }, `#/${route}`);
  await settle(p);
  assert.equal((await state(p)).route.split('?')[0].split('/')[1], route.split('/')[0]);
}

// Widgets never overlap and stay inside the content area (the canvas minus the sidebar).
function assertLayout(widgets, width, name) {
  assert.ok(widgets.length > 0, `${name}: no widget drawn`);
  for (const w of widgets) {
    assert.ok(w.x1 <= width + 0.5, `${name}: ${w.id} is clipped at the right edge (${w.x1} > ${width})`);
    assert.ok(w.x0 >= 0 && w.y0 >= 0, `${name}: ${w.id} starts off-screen`);
  }
  for (let i = 0; i < widgets.length; ++i) {
    for (let j = i + 1; j < widgets.length; ++j) {
      const a = widgets[i];
      const b = widgets[j];
      const overlap = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
      assert.ok(!overlap, `${name}: ${a.id} overlaps ${b.id}`);
    }
  }
}

test('the demo loads and the dashboard draws the developer preset', async () => {
  const s = await state(page);
  assert.equal(s.route, '/dashboard');
  assert.ok(s.window.from && s.window.to, 'the window follows the demo data');
  const prefs = await call(page, 'dashboard.preferences');
  assert.equal(prefs.preset, 'developer');
  assert.deepEqual(s.widgets.map((w) => w.id), prefs.widgets.map((w) => w.id));
  assertLayout(s.widgets, 1280, 'developer 1280x800');
  // A widget whose data Loupe does not hold names what it needs.
  const goals = prefs.widgets.find((w) => w.id === 'myGoals');
  assert.equal(goals?.status, 'needs');
  assert.ok(s.widgets.find((w) => w.id === 'myGoals').empty);
  await screenshot(page, 'dashboard-developer-1280x800');
});

test('every route and every persona at 1280x800, 1920x1080 and HiDPI 2x: no overlapping or clipped widgets', async () => {
  for (const { name, viewport, deviceScaleFactor } of kViewports) {
    const ctx = deviceScaleFactor === 1 ? context : null;
    let p = page;
    let browser;
    if (!ctx) {
      // A HiDPI window: another browser on a memory workspace with the demo (the OPFS one is owned).
      browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
      const hiDpi = await browser.newContext({ viewport, deviceScaleFactor });
      p = await openDashboard(hiDpi, '?demo=1&storage=memory#/dashboard');
    } else {
      await p.setViewportSize(viewport);
      await settle(p);
    }
    for (const route of kRoutes) {
      await go(p, route);
      await screenshot(p, `dashboard-route-${route}-${name}`);
    }
    for (const sub of kSubRoutes) {
      await go(p, sub);
      await screenshot(p, `dashboard-route-${sub.replace('/', '-')}-${name}`);
    }
    await go(p, 'dashboard');
    // As an admin, whose role sees every widget: each preset draws all of its widgets, and those
    // whose data Loupe does not hold draw their empty state.
    await call(p, 'dashboard.setRole', { role: 'admin' });
    for (const preset of kPresets) {
      const prefs = await call(p, 'dashboard.switchPreset', { preset });
      await refresh(p);
      await settle(p);
      const s = await state(p);
      assert.deepEqual(prefs.restricted, [], `${preset}: an admin sees every widget`);
      assert.deepEqual(s.widgets.map((w) => w.id), prefs.widgets.map((w) => w.id), `${preset} ${name}: every widget drawn`);
      for (const w of prefs.widgets) {
        assert.equal(s.widgets.find((x) => x.id === w.id).empty, w.status !== 'available', `${preset}: ${w.id}'s empty state`);
      }
      assertLayout(s.widgets, viewport.width, `${preset} ${name}`);
      await screenshot(p, `dashboard-preset-${preset}-${name}`);
    }
    await call(p, 'dashboard.setRole', { role: 'developer' });
    await call(p, 'dashboard.switchPreset', { preset: 'developer' });
    await refresh(p);
    await browser?.close();
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
});

// Scrolls the dashboard with the mouse wheel until the widget's bottom edge is on the canvas.
async function scrollIntoView(p, id, height) {
  await p.mouse.move(700, 400);
  for (let i = 0; i < 20; ++i) {
    const w = (await state(p)).widgets.find((x) => x.id === id);
    if (w.y1 < height - 20 && w.y0 > 40) return w;
    await p.mouse.wheel(0, w.y1 >= height - 20 ? 120 : -120);
    await settle(p);
  }
  throw new Error(`${id} could not be scrolled into view`);
}

test('a drag-resize persists across a reload; a preset switch and back keeps it', async () => {
  await go(page, 'dashboard');
  const id = 'workPatterns';
  const developerPrefs = await call(page, 'dashboard.preferences');
  const original = developerPrefs.widgets.find((w) => w.id === id);
  const before = await scrollIntoView(page, id, 800);
  // Drag the bottom-right grip one column narrower and one row taller: a column is the widget's
  // width plus the 12 px gap over its columns, a row 84 px plus the gap.
  const column = (before.x1 - before.x0 + 12) / original.w;
  const row = 84 + 12;
  const grip = [before.x1 - 8, before.y1 - 8];
  await page.mouse.move(...grip);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) {
    await page.mouse.move(grip[0] - (column * i) / 10, grip[1] + (row * i) / 10);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await screenshot(page, 'dashboard-resizing');
  await page.mouse.up();
  await settle(page);
  const resized = (await call(page, 'dashboard.preferences')).widgets.find((w) => w.id === id);
  assert.deepEqual([resized.w, resized.h], [original.w - 1, original.h + 1]);
  const drawn = (await state(page)).widgets.find((w) => w.id === id);
  assert.ok(Math.abs((drawn.x1 - drawn.x0) - (before.x1 - before.x0 - column)) < 2, 'drawn one column narrower');
  assert.ok(Math.abs((drawn.y1 - drawn.y0) - (before.y1 - before.y0 + row)) < 2, 'drawn one row taller');
  await screenshot(page, 'dashboard-resized');

  await page.reload();
  await page.waitForFunction(() => window.loupeDashboard !== undefined, null, { timeout: kTimeout });
  await settle(page);
  const afterReload = (await state(page)).widgets.find((w) => w.id === id);
  assert.ok(Math.abs((afterReload.x1 - afterReload.x0) - (drawn.x1 - drawn.x0)) < 2, 'the width survived the reload');
  assert.ok(Math.abs((afterReload.y1 - afterReload.y0) - (drawn.y1 - drawn.y0)) < 2, 'the height survived the reload');

  // Another preset draws its own layout; switching back finds the resize again.
  await call(page, 'dashboard.switchPreset', { preset: 'manager' });
  await refresh(page);
  await settle(page);
  const manager = (await call(page, 'dashboard.preferences'));
  assert.equal(manager.preset, 'manager');
  assert.deepEqual((await state(page)).widgets.map((w) => w.id), manager.widgets.map((w) => w.id));
  assert.notDeepEqual(manager.widgets.map((w) => w.id), developerPrefs.widgets.map((w) => w.id),
    'the manager preset draws its own widgets');
  await call(page, 'dashboard.switchPreset', { preset: 'developer' });
  await refresh(page);
  await settle(page);
  const back = (await call(page, 'dashboard.preferences')).widgets.find((w) => w.id === id);
  assert.deepEqual([back.w, back.h], [resized.w, resized.h]);
  const backDrawn = (await state(page)).widgets.find((w) => w.id === id);
  assert.ok(Math.abs((backDrawn.x1 - backDrawn.x0) - (drawn.x1 - drawn.x0)) < 2, 'drawn at the resized width again');
});

test('a number opens the explain panel', async () => {
  await go(page, 'insights/developer');
  // The first category card's first value is a button: click it.
  const spot = await page.evaluate(() => window.loupeDashboard.state().numbers?.[0]);
  assert.ok(spot, 'the page reports where its numbers are');
  await page.mouse.click((spot.x0 + spot.x1) / 2, (spot.y0 + spot.y1) / 2);
  await settle(page);
  const s = await state(page);
  assert.equal(s.explain, spot.metric, 'the explain panel is open on the clicked number');
  await screenshot(page, 'dashboard-explain');
});

// The widget whose rectangle holds the keyboard focus, if any.
function focusedWidget(s) {
  const f = s.focus;
  return f && s.widgets.find((w) => f.x0 >= w.x0 && f.x1 <= w.x1 && f.y0 >= w.y0 && f.y1 <= w.y1);
}

async function press(p, key) {
  await p.keyboard.press(key);
  await settle(p);
  return state(p);
}

test('keyboard only: routes, the sidebar, widgets and a widget menu', async () => {
  await page.reload();
  await page.waitForFunction(() => window.loupeDashboard !== undefined, null, { timeout: kTimeout });
  await settle(page);
  await page.focus('#loupe-canvas');
  // Alt+1..4 from anywhere.
  for (const [key, route] of [['2', '/analytics'], ['3', '/insights'], ['4', '/reports'], ['1', '/dashboard']]) {
    const s = await press(page, `Alt+${key}`);
    assert.equal(s.route.split('?')[0].split('/').slice(0, 2).join('/'), route, `Alt+${key}`);
  }
  // F6 moves the focus to the sidebar's first route; Down and Space open the next one.
  let s = await press(page, 'F6');
  assert.equal(s.focus?.pane, '##sidebar');
  assert.ok(s.focus.visible, 'the keyboard cursor is drawn');
  s = await press(page, 'ArrowDown');
  s = await press(page, 'Space');
  assert.equal(s.route.split('/')[1], 'analytics');
  await screenshot(page, 'dashboard-keyboard-sidebar');
  s = await press(page, 'ArrowUp');
  s = await press(page, 'Space');
  assert.equal(s.route, '/dashboard');

  // F6 again: the page. Down walks through the widgets, scrolling them into view.
  s = await press(page, 'F6');
  assert.equal(s.focus?.pane, '##content');
  const visited = [];
  for (let i = 0; i < 40 && visited.length < 4; ++i) {
    s = await press(page, 'ArrowDown');
    const w = focusedWidget(s);
    if (w && !visited.includes(w.id)) visited.push(w.id);
  }
  assert.ok(visited.length >= 4, `Down reached the widgets ${visited.join(', ')}`);
  const last = s.widgets.find((w) => w.id === visited.at(-1));
  assert.ok(s.focus.y1 <= 800 && s.focus.y0 >= 0, 'the focused item was scrolled onto the canvas');
  await screenshot(page, 'dashboard-keyboard-widgets');

  // Up to the title row of that widget: its menu button (top right). Space opens the menu on its
  // first item, "small"; Down moves through medium, large, full; Space picks one that differs
  // from the widget's size now.
  const onMenuButton = (x) => focusedWidget(x)?.id === last.id && x.focus.x1 > last.x1 - 40 && x.focus.y0 < last.y0 + 40
    && x.focus.x1 - x.focus.x0 < 60 && x.focus.y1 - x.focus.y0 < 40;
  for (let i = 0; i < 20 && !onMenuButton(s); ++i) s = await press(page, 'ArrowUp');
  assert.ok(onMenuButton(s), `the focus reached ${last.id}'s menu button`);
  const menuOf = last.id;
  const sizeBefore = (await call(page, 'dashboard.preferences')).widgets.find((w) => w.id === menuOf).size;
  const sizes = ['small', 'medium', 'large', 'full'];
  const target = sizeBefore === 'large' ? 'medium' : 'large';
  s = await press(page, 'Space');
  await screenshot(page, 'dashboard-keyboard-menu');
  for (let i = 0; i < sizes.indexOf(target); ++i) s = await press(page, 'ArrowDown');
  s = await press(page, 'Space');
  const sizeAfter = (await call(page, 'dashboard.preferences')).widgets.find((w) => w.id === menuOf).size;
  assert.equal(sizeAfter, target, `${menuOf} was ${sizeBefore}`);
  await call(page, 'dashboard.setWidgetSize', { widget: menuOf, size: sizeBefore });
  await refresh(page);
  await settle(page);
});
