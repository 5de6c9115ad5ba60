// embed.test.mjs — the embed example (examples/embed/) on its own origin loads the package from the
// page's origin through an import map, runs the worker, imports the host's files and shows the
// numbers the native CLI gives for the same files; no request leaves 127.0.0.1.
//
//   node tests/e2e/embed.test.mjs     (ctest: e2e_embed, label e2e, wasm-release preset)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { kCli, kDemoData, launch, makeProfileDir, screenshot, skipUnlessReady, startServing, watchPage } from './support.mjs';

skipUnlessReady();

test('the embed example runs from its own origin and shows the CLI numbers', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-e2e-embed-'));
  const db = path.join(dir, 'workspace.db');
  execFileSync(kCli, ['--db', db, '--quiet', 'import', '--repo', 'acme/rocket', ...kDemoData]);
  const expected = JSON.parse(execFileSync(kCli, ['--db', db, 'developers', '--json'], { encoding: 'utf8' }));
  const servers = await startServing();
  const profile = makeProfileDir('embed');
  const context = await launch(profile);
  const log = [];
  t.after(async () => {
    await context.close();
    await servers.close();
    for (const d of [dir, profile]) rmSync(d, { recursive: true, force: true });
    if (log.length > 0) console.log(`# browser messages:\n# ${log.join('\n# ')}`);
  });

  const page = await context.newPage();
  watchPage(page, log);
  const packageOrigin = new URL(servers.url).origin;
  const loadedFromPackage = [];
  page.on('response', (response) => {
    if (new URL(response.url()).origin === packageOrigin) loadedFromPackage.push(new URL(response.url()).pathname);
  });
  await page.goto(servers.embedUrl);
  assert.notEqual(new URL(page.url()).origin, packageOrigin);
  await page.waitForFunction(() => !document.getElementById('digest').hidden || !document.getElementById('error').hidden,
    null, { timeout: 90_000 });
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));

  const shown = await page.$$eval('#digest-rows tr', (rows) => rows.map((row) => ({
    login: row.dataset.login, cells: [...row.children].map((cell) => cell.textContent),
  })));
  const humans = expected.filter((d) => !d.is_bot);
  assert.deepEqual(shown.map((r) => r.login).sort(), humans.map((d) => d.login).sort());
  for (const d of humans) {
    const row = shown.find((r) => r.login === d.login);
    assert.deepEqual(row.cells, [d.name, ...[d.commits, d.prs_merged, d.reviews].map((n) => n.toLocaleString('en-US'))],
      d.login);
  }
  assert.match(await page.textContent('#details'), new RegExp(`worker loaded from ${packageOrigin}`));
  // The package, its worker and the engine's wasm came from the other origin.
  assert.ok(loadedFromPackage.some((p) => p.endsWith('.wasm')), `wasm from ${packageOrigin}: ${loadedFromPackage}`);
  assert.ok(loadedFromPackage.some((p) => p.startsWith('/loupe/')), `package from ${packageOrigin}`);
  assert.deepEqual(context.foreignRequests, []);
  await screenshot(page, 'embed-1-digest');
});
