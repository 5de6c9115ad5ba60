// sync.test.mjs — GitHub sync through the page: the token and repository typed into the form, the
// worker's requests to https://api.github.com answered by the replay of recorded GitHub responses
// (tests/js/sync/replay_server.mjs, real data: panjf2000/ants) through Playwright routing. The team
// table must equal what the same sync gives the native CLI; a second sync is answered by 304s (the
// ETags persisted on OPFS); a remembered token comes back after a reload; nothing but the GitHub
// API host is asked for anything.
//
//   node tests/e2e/sync.test.mjs     (ctest: e2e_sync, labels e2e and real-data, wasm-release)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { syncGitHub } from '../../wasm/js/sync/github.mjs';
import { NativeEngine } from '../js/sync/native_engine.mjs';
import { REPO, startReplayServer } from '../js/sync/replay_server.mjs';
import { realDataPresent } from '../js/sync/support.mjs';
import { launch, makeProfileDir, readTeamTable, screenshot, skipUnlessReady, startServing, watchPage } from './support.mjs';

skipUnlessReady();
if (!realDataPresent()) {
  if (process.env.LOUPE_REQUIRE_REAL_DATA === '1') throw new Error('LOUPE_REQUIRE_REAL_DATA=1 but the real data is missing');
  console.log('LOUPE-SKIP: the recorded GitHub responses (shared real data) are missing');
  process.exit(0);
}

const kToken = 'e2e-token';
const kApi = 'https://api.github.com';
const kTimeout = 180_000;

// Answers the worker's GitHub requests from the replay server, as GitHub would to a browser (CORS).
async function routeGitHub(context, replay, seen, delay) {
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, if-none-match, accept, x-github-api-version',
    'access-control-expose-headers': 'etag, link, retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
  };
  await context.route(`${kApi}/**`, async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const headers = await request.allHeaders();
    seen.push({ url: request.url(), authorization: headers.authorization ?? null });
    await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const url = new URL(request.url());
    const response = await fetch(`${replay.url}${url.pathname}${url.search}`, {
      headers: { authorization: headers.authorization ?? '', 'if-none-match': headers['if-none-match'] ?? '' },
    });
    const out = Object.fromEntries(response.headers);
    if (out.link) out.link = out.link.replaceAll(replay.url, kApi);
    delete out['content-length'];
    delete out['content-encoding'];
    return route.fulfill({ status: response.status, headers: { ...out, ...cors },
      body: response.status === 304 ? '' : Buffer.from(await response.arrayBuffer()) });
  });
}

async function startSync(page, remember) {
  await page.fill('#sync-token', kToken);
  await page.fill('#sync-repos', REPO);
  await page.setChecked('#sync-remember', remember);
  await page.click('#sync-button');
}

async function syncThroughPage(page, remember) {
  await startSync(page, remember);
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('Synced')
    || !document.getElementById('error').hidden, null, { timeout: kTimeout });
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));
  return page.textContent('#message');
}

test('a sync through the page shows what the same sync gives the native CLI', { timeout: 3 * kTimeout }, async (t) => {
  const replay = await startReplayServer({ token: kToken });
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-e2e-sync-'));
  const native = new NativeEngine(dir);
  await syncGitHub({ engine: native, token: kToken, repositories: [REPO], apiBase: replay.url });
  const expected = JSON.parse(native.run(['developers', '--json'])).filter((d) => !d.is_bot);

  const servers = await startServing();
  const profile = makeProfileDir('sync');
  const context = await launch(profile);
  const seen = [];
  const logs = [];
  t.after(async () => {
    await context.close();
    await servers.close();
    await replay.close();
    for (const d of [dir, profile]) rmSync(d, { recursive: true, force: true });
    if (logs.length > 0) console.log(`# browser messages:\n# ${logs.join('\n# ')}`);
  });
  const delay = { ms: 40 };
  await routeGitHub(context, replay, seen, delay);
  const page = await context.newPage();
  watchPage(page, logs);
  await page.goto(`${servers.url}simple.html`);
  await page.waitForFunction(() => !document.getElementById('workspace-summary').textContent.startsWith('Opening'));

  // Cancelled half-way through the single commits: the progress bar moved, the page says so, and
  // the next sync resumes from the stored cursor to the same result as one uninterrupted sync.
  await startSync(page, false);
  await page.waitForFunction(() => document.getElementById('progress').value > 0
    && /imported \d+ of \d+ commits/.test(document.getElementById('progress-label').textContent), null, { timeout: kTimeout });
  await screenshot(page, 'sync-0-progress');
  await page.click('#cancel-button');
  await page.locator('#error').waitFor({ state: 'visible', timeout: kTimeout });
  assert.match(await page.textContent('#error'), /cancelled/);
  assert.equal(await page.isHidden('#activity'), true);
  delay.ms = 0;

  const first = await syncThroughPage(page, false);
  assert.match(first, /^Synced panjf2000\/ants \(\+\d+ commits, \+\d+ pull requests\) with \d+ requests, \d+ unchanged\.$/);
  assert.equal(await page.inputValue('#sync-token'), '', 'a token not remembered is not kept in the form');
  const table = await readTeamTable(page);
  assert.equal(Object.keys(table).length, expected.length);
  for (const d of expected.filter((x) => x.login)) {
    const row = table[d.login];
    assert.ok(row, `${d.login} is in the team table`);
    for (const column of ['commits', 'lines_added', 'lines_removed', 'prs_opened', 'prs_merged', 'reviews', 'comments']) {
      assert.equal(row.cells[column].value, d[column], `${d.login}: ${column}`);
    }
  }
  await screenshot(page, 'sync-1-synced');

  // Again, remembering the token: everything unchanged is answered 304 thanks to the stored ETags.
  const second = await syncThroughPage(page, true);
  const [, requests, unchanged] = /with (\d+) requests, (\d+) unchanged/.exec(second).map(Number);
  assert.ok(unchanged > 0 && unchanged <= requests, second);
  assert.deepEqual(await readTeamTable(page), table, 'nothing changed');

  await page.reload();
  await page.waitForSelector('#team-rows tr', { timeout: kTimeout });
  assert.equal(await page.inputValue('#sync-token'), kToken, 'a remembered token comes back');
  assert.equal(await page.isChecked('#sync-remember'), true);
  await screenshot(page, 'sync-2-remembered');

  assert.ok(seen.length > 0);
  for (const request of seen) assert.equal(request.authorization, `Bearer ${kToken}`, request.url);
  assert.deepEqual(context.foreignRequests.filter((u) => !u.startsWith(`${kApi}/`)), []);
});
