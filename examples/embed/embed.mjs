// embed.mjs — how a host app uses Loupe: import the package by the name its import map gives, say
// where the worker, the engine and sqlite-wasm live (here: beside the package, on Loupe's origin),
// hand it the app's own files as bytes, and show a result with the app's own markup.
import { Loupe } from '@loupe/engine';

const $ = (id) => document.getElementById(id);
const packageUrl = new URL(import.meta.resolve('@loupe/engine'));
const kFiles = ['rocket.gitlog', 'rocket-commits.json', 'rocket-pulls.json', 'rocket-reviews.json',
  'rocket-review-comments.json'];

async function main() {
  const started = performance.now();
  const loupe = await Loupe.open({
    storage: 'opfs',
    name: 'acme-digest',
    workerUrl: new URL('worker.mjs', packageUrl).href,
    engineUrl: new URL('loupe_engine.mjs', packageUrl).href,
    sqliteUrl: new URL('sqlite/index.mjs', packageUrl).href,
  });
  $('status').textContent = 'Importing the export files…';
  // The host's data: files this app serves itself, read as bytes.
  const files = await Promise.all(kFiles.map(async (name) => {
    const response = await fetch(`fixtures/demo/${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return { name, bytes: await response.arrayBuffer() };
  }));
  // A git log export does not name its repository; this app knows it.
  const reports = await loupe.import.files(files, { repo: 'acme/rocket' });
  const developers = await loupe.developers.list({ bots: false });
  $('digest-rows').replaceChildren(...developers.map((d) => {
    const row = document.createElement('tr');
    row.dataset.login = d.login ?? '';
    const cells = [d.name, d.commits, d.prs_merged, d.reviews].map((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      else cell.className = 'num';
      cell.textContent = typeof value === 'number' ? value.toLocaleString('en-US') : value;
      return cell;
    });
    row.append(...cells);
    return row;
  }));
  $('digest').hidden = false;
  const records = reports.reduce((sum, r) => sum + r.records, 0);
  $('status').textContent = `${developers.length} developers from ${records.toLocaleString('en-US')} records.`;
  $('details').textContent = `Loupe ran in a worker loaded from ${packageUrl.origin}; this page is `
    + `${location.origin}. ${Math.round(performance.now() - started)} ms.`;
}

main().catch((error) => {
  $('status').textContent = 'Loupe could not run.';
  $('error').textContent = `${error.message}${error.code ? ` (${error.code})` : ''}`;
  $('error').hidden = false;
});
