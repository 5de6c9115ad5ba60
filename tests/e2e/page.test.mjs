// page.test.mjs — the page (web/) in headless Chromium against the native CLI: a bad file is
// rejected with its location and stores nothing; the demo files imported through the file chooser
// show the CLI's numbers (team table and one developer's five categories for several windows); the
// data survives a reload and a browser restart (SQLite on OPFS); a second tab gets the owner
// message and takes over once the first closes; ?demo=1 preloads the demo into an empty workspace.
//
//   node tests/e2e/page.test.mjs     (ctest: e2e_page, label e2e, wasm-release preset)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  kDemoData, kDemoMailmap, launch, makeProfileDir, nativeWorkspace, readCategories, readTeamTable,
  screenshot, skipUnlessReady, startServing, watchPage,
} from './support.mjs';

skipUnlessReady();

const kTeamColumns = ['commits', 'lines_added', 'lines_removed', 'prs_opened', 'prs_merged', 'reviews',
  'comments', 'active_days'];
const kCategories = ['velocity', 'efficiency', 'quality', 'sustainability', 'collaboration'];
const kTimeout = 60_000;

let native;
let servers;
let profile;
let context;
let page;
const logs = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'loupe-e2e-files-'));

before(async () => {
  native = nativeWorkspace('page');
  servers = await startServing();
  profile = makeProfileDir('page');
  context = await launch(profile);
});

after(async () => {
  await context?.close();
  await servers?.close();
  native?.cleanup();
  for (const dir of [profile, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  if (logs.length > 0) console.log(`# browser messages:\n# ${logs.join('\n# ')}`);
});

async function openPage(query = '') {
  const p = await context.newPage();
  watchPage(p, logs);
  await p.goto(`${servers.url}simple.html${query}`);
  await p.waitForFunction(() => !document.getElementById('workspace-summary').textContent.startsWith('Opening'),
    null, { timeout: kTimeout });
  return p;
}

function assertTableMatchesCli(table, developers) {
  assert.deepEqual(Object.keys(table).sort(), developers.filter((d) => !d.is_bot).map((d) => d.login).sort());
  for (const d of developers.filter((x) => !x.is_bot)) {
    const row = table[d.login];
    assert.equal(row.id, d.id, `${d.login}: developer id`);
    for (const column of kTeamColumns) {
      assert.equal(row.cells[column].value, d[column], `${d.login}: ${column}`);
      assert.equal(row.cells[column].text, d[column].toLocaleString('en-US'), `${d.login}: ${column} as shown`);
    }
  }
}

// Sets the developer and the window through the page's controls and waits for the answer.
async function showInsights(p, developerId, from, to) {
  await p.selectOption('#developer-select', String(developerId));
  await p.fill('#from-date', from);
  await p.fill('#to-date', to);
  await p.waitForFunction(([f, t]) => document.getElementById('insight-window').textContent.includes(`${f} to ${t}`)
    && !document.getElementById('categories').hasAttribute('aria-busy'), [from, to], { timeout: kTimeout });
  assert.equal(await p.inputValue('#period-select'), 'custom');
  return readCategories(p);
}

test('a bad file is rejected with its file, record and field, and nothing is stored', { timeout: kTimeout }, async () => {
  page = await openPage();
  assert.equal(await page.isVisible('#team-empty'), true);
  const pulls = JSON.parse(readFileSync(kDemoData[2], 'utf8'));
  pulls[1].created_at = 'yesterday';
  const broken = path.join(scratch, 'broken-pulls.json');
  writeFileSync(broken, JSON.stringify(pulls.slice(0, 3)));
  await page.setInputFiles('#import-files', broken);
  await page.click('#import-button');
  const error = page.locator('#error');
  await error.waitFor({ state: 'visible', timeout: kTimeout });
  assert.match(await error.textContent(), /broken-pulls\.json.*record 2, field created_at/);
  await page.waitForSelector('#import-button:not([disabled])');
  assert.equal(await page.isVisible('#team-empty'), true, 'the two good pull requests before it were not kept');
  assert.match(await page.textContent('#workspace-summary'), /0 developers, 0 commits, 0 pull requests/);
  await screenshot(page, 'page-1-bad-file');
});

test('the demo files imported through the page show the CLI numbers', { timeout: kTimeout }, async () => {
  await page.setInputFiles('#import-files', [...kDemoData, kDemoMailmap]);
  await page.click('#import-button');
  await page.waitForFunction(() => document.getElementById('message').textContent.startsWith('Imported')
    || !document.getElementById('error').hidden, null, { timeout: kTimeout });
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));
  assert.match(await page.textContent('#message'), /^Imported 6 files: \+401 commits, \+87 pull requests, \+120 reviews, \+80 comments\.$/);
  const developers = native('developers', '--bots');
  assertTableMatchesCli(await readTeamTable(page), developers);
  assert.equal(await page.textContent('#workspace-summary'),
    'Workspace: 6 developers, 1 bot, 401 commits, 87 pull requests, 120 reviews');
  await page.check('#show-bots');
  await page.waitForFunction(() => document.querySelectorAll('#team-rows tr').length === 7);
  assert.equal(await page.textContent('#team-rows tr:has(.badge)', { timeout: 1000 }).then((t) => /dependabot/.test(t)), true);
  await page.uncheck('#show-bots');
  await page.waitForFunction(() => document.querySelectorAll('#team-rows tr').length === 6);
  // The default window: the month of the last activity (the demo ends in March 2024).
  await page.waitForFunction(() => document.querySelectorAll('#categories .category').length === 5);
  assert.equal(await page.inputValue('#from-date'), '2024-03-01');
  assert.equal(await page.inputValue('#to-date'), '2024-03-31');
  await screenshot(page, 'page-2-imported');
});

test('one developer\'s five categories equal the CLI insights for the same window', { timeout: 4 * kTimeout }, async () => {
  const table = await readTeamTable(page);
  const windows = [['analima', '2024-03-01', '2024-03-31'], ['brunoc', '2024-01-01', '2024-03-31'],
    ['chenwei', '2024-02-05', '2024-02-11'], ['ewalsh', '2024-01-15', '2024-02-29']];
  for (const [login, from, to] of windows) {
    const shown = await showInsights(page, table[login].id, from, to);
    const expected = native('insights', 'developer', String(table[login].id), '--from', from, '--to', to);
    assert.equal(await page.textContent('#developer-title'), expected.developer_name);
    for (const category of kCategories) {
      assert.deepEqual(Object.keys(shown[category]).sort(), Object.keys(expected[category]).sort(), category);
      for (const [key, value] of Object.entries(expected[category])) {
        assert.equal(shown[category][key].value, value, `${login} ${from}..${to}: ${category}.${key}`);
      }
    }
    // Counts are shown as they are; a sample of the formatting the user reads.
    assert.equal(shown.velocity.commits_count.text, expected.velocity.commits_count.toLocaleString('en-US'));
  }
  // The period stepper: a week, then the week before it.
  await page.selectOption('#period-select', 'weekly');
  await page.click('#earlier-button');
  await page.waitForFunction(() => document.getElementById('from-date').value === '2024-02-19'
    && document.getElementById('insight-window').textContent.includes('2024-02-19 to 2024-02-25'));
  await screenshot(page, 'page-3-developer');
});

test('a reload finds the data still there', { timeout: kTimeout }, async () => {
  const before = await readTeamTable(page);
  await page.reload();
  await page.waitForSelector('#team-rows tr', { timeout: kTimeout });
  assert.deepEqual(await readTeamTable(page), before);
  assert.equal(await page.textContent('#message'), '', 'nothing was imported again');
  await screenshot(page, 'page-4-reloaded');
});

test('a second tab gets the owner message and takes over when the first closes', { timeout: 2 * kTimeout }, async () => {
  const second = await openPage();
  const banner = second.locator('#owner-banner');
  await banner.waitFor({ state: 'visible', timeout: kTimeout });
  assert.match(await banner.textContent(), /already open in another tab/);
  assert.equal(await second.isVisible('#import-form'), false, 'nothing to use until this tab owns the workspace');
  await screenshot(second, 'page-5-second-tab');
  // The first tab still answers.
  await page.selectOption('#period-select', 'all');
  await page.waitForFunction(() => document.getElementById('insight-window').textContent.includes('2024-01-0'),
    null, { timeout: kTimeout });
  const before = await readTeamTable(page);
  await page.close();
  await second.click('#retry-button');
  await second.waitForSelector('#team-rows tr', { timeout: kTimeout });
  assert.deepEqual(await readTeamTable(second), before);
  page = second;
});

test('a browser restart on the same profile finds the data still there', { timeout: 2 * kTimeout }, async () => {
  const before = await readTeamTable(page);
  await context.close();
  context = await launch(profile);
  page = await openPage();
  await page.waitForSelector('#team-rows tr', { timeout: kTimeout });
  assert.deepEqual(await readTeamTable(page), before);
  assert.deepEqual(context.foreignRequests, []);
});

test('?demo=1 preloads the demo into an empty workspace, once', { timeout: 2 * kTimeout }, async () => {
  const demoProfile = makeProfileDir('demo');
  const demoContext = await launch(demoProfile);
  try {
    const p = await demoContext.newPage();
    watchPage(p, logs);
    await p.goto(`${servers.url}simple.html?demo=1`);
    await p.waitForFunction(() => document.getElementById('message').textContent.startsWith('Imported')
      || !document.getElementById('error').hidden, null, { timeout: kTimeout });
    assert.equal(await p.isHidden('#error'), true, await p.textContent('#error'));
    assert.match(await p.textContent('#message'), /^Imported 6 files/);
    assertTableMatchesCli(await readTeamTable(p), native('developers', '--bots'));
    await p.waitForFunction(() => document.querySelectorAll('#categories .category').length === 5);
    await screenshot(p, 'page-6-demo');
    await p.reload();
    await p.waitForSelector('#team-rows tr', { timeout: kTimeout });
    assert.equal(await p.textContent('#message'), '', 'a workspace with data is not imported into again');
    assert.deepEqual(demoContext.foreignRequests, []);
  } finally {
    await demoContext.close();
    rmSync(demoProfile, { recursive: true, force: true });
  }
});
