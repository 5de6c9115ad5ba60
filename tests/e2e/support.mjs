// support.mjs — shared by the browser end-to-end tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the page and embed servers (tools/serve.mjs) on free ports, the
// native CLI as the reference, and screenshots under build/e2e-artifacts/.
//
// Environment: LOUPE_CLI (default build/native-release/loupe), LOUPE_DIST (default
// build/wasm-release/wasm/dist), LOUPE_CHROMIUM (default /usr/lib/chromium/chromium),
// LOUPE_E2E_ARTIFACTS (default build/e2e-artifacts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServers } from '../../tools/serve.mjs';

export const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const kDemoDir = path.join(kRoot, 'fixtures/demo');
// The demo workspace in the order scripts/run imports it (the .mailmap goes to identities).
export const kDemoData = ['rocket.gitlog', 'rocket-commits.json', 'rocket-pulls.json', 'rocket-reviews.json',
  'rocket-review-comments.json'].map((f) => path.join(kDemoDir, f));
export const kDemoMailmap = path.join(kDemoDir, 'rocket.mailmap');

export const kCli = process.env.LOUPE_CLI ?? path.join(kRoot, 'build/native-release/loupe');
const dist = process.env.LOUPE_DIST ?? path.join(kRoot, 'build/wasm-release/wasm/dist');
const chromiumPath = process.env.LOUPE_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const kArtifacts = process.env.LOUPE_E2E_ARTIFACTS ?? path.join(kRoot, 'build/e2e-artifacts');

// Prints the LOUPE-SKIP line ctest looks for and exits when something this test needs is absent.
export function skipUnlessReady() {
  const missing = [[kCli, 'the native CLI (build native-release first)'],
    [path.join(dist, 'index.mjs'), 'the built JS package (build wasm-release first)'],
    [chromiumPath, 'Debian chromium (scripts/setup installs it)']].filter(([file]) => !existsSync(file));
  if (missing.length > 0) {
    console.log(`LOUPE-SKIP: ${missing.map(([file, what]) => `${what}: ${file} is missing`).join('; ')}`);
    process.exit(0);
  }
}

// Runs the native CLI on a fresh database holding the demo workspace; returns a function that runs
// one more command with --json and parses its output.
export function nativeWorkspace(name) {
  const dir = mkdtempSync(path.join(tmpdir(), `loupe-e2e-${name}-`));
  const db = path.join(dir, 'workspace.db');
  const run = (...args) => execFileSync(kCli, ['--db', db, '--quiet', ...args], { encoding: 'utf8' });
  run('import', ...kDemoData);
  run('identities', 'mailmap', 'import', kDemoMailmap);
  const json = (...args) => JSON.parse(run(...args, '--json'));
  json.cleanup = () => rmSync(dir, { recursive: true, force: true });
  return json;
}

export async function startServing() {
  return startServers({ port: 0, embedPort: 0, dist });
}

// A Chromium profile that outlives one browser (OPFS persistence across reloads and restarts).
export function makeProfileDir(name) {
  return mkdtempSync(path.join(tmpdir(), `loupe-e2e-profile-${name}-`));
}

export async function launch(profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  // Everything the page asks for must come from the servers on 127.0.0.1.
  const foreign = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol)) {
      foreign.push(request.url());
    }
  });
  context.foreignRequests = foreign;
  return context;
}

// Collects console errors and uncaught exceptions of a page, to show when a test fails.
export function watchPage(page, log = []) {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`));
  return log;
}

export async function screenshot(page, name) {
  mkdirSync(kArtifacts, { recursive: true });
  const file = path.join(kArtifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The team table as { login: { column: number } } from the cells' data-value attributes, checked
// against the text the user sees.
export async function readTeamTable(page) {
  return page.$$eval('#team-rows tr', (rows) => Object.fromEntries(rows.map((row) => {
    const login = row.querySelector('.login')?.textContent.replace(/^@/, '') ?? row.dataset.developerId;
    const cells = {};
    for (const cell of row.querySelectorAll('td[data-value]')) {
      cells[cell.dataset.key] = { value: Number(cell.dataset.value), text: cell.textContent };
    }
    return [login, { id: Number(row.dataset.developerId), cells }];
  })));
}

// The five categories shown: { category: { metric: { value, text } } }.
export async function readCategories(page) {
  return page.$$eval('#categories .category', (cards) => Object.fromEntries(cards.map((card) => [
    card.dataset.category,
    Object.fromEntries([...card.querySelectorAll('.metric')].map((m) => [
      m.dataset.key, { value: Number(m.dataset.value), text: m.querySelector('dd').textContent },
    ])),
  ])));
}
