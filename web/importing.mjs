// importing.mjs — what both pages (the first page, app.mjs, and the dashboard, dashboard.mjs) do to
// put files into the workspace: data files through the importers, .mailmap files into the identity
// rules, and the demo workspace fetched from fixtures/demo. No DOM here.

// The demo workspace, in the order scripts/run imports it; .mailmap last (identities).
export const kDemoFiles = ['rocket.gitlog', 'rocket-commits.json', 'rocket-pulls.json', 'rocket-reviews.json',
  'rocket-review-comments.json', 'rocket.mailmap'];

const isMailmap = (file) => /(^|[./])mailmap$/i.test(file.name);

// The repository a file's records belong to when the file does not say (a git log export): the
// file name up to its first dot, as the CLI's `import` assumes ("rocket.gitlog" -> "rocket").
export function repositoryOf(name) {
  const dot = name.indexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

// Imports files (File, or { name, bytes }) one by one, each all-or-nothing; .mailmap files go to the
// identity rules after the data. Stops at the first failure, which is thrown with what was done
// so far as `error.done = {reports, mailmaps}`; the files before it stay imported.
// onProgress gets the package's reports plus {file, fileIndex, files}.
export async function importInto(loupe, files, { onProgress, signal } = {}) {
  const data = files.filter((f) => !isMailmap(f));
  const reports = [];
  let mailmaps = 0;
  try {
    for (const [index, file] of data.entries()) {
      const onFileProgress = onProgress && ((p) => onProgress({ ...p, file: file.name, fileIndex: index, files: data.length }));
      const [report] = await loupe.import.files([file], { repo: repositoryOf(file.name), onProgress: onFileProgress, signal });
      reports.push(report);
    }
    for (const file of files.filter(isMailmap)) {
      const text = file instanceof Blob ? await file.text() : new TextDecoder().decode(file.bytes);
      await loupe.identities.importMailmap({ text, source: file.name });
      mailmaps++;
    }
  } catch (error) {
    error.done = { reports, mailmaps };
    throw error;
  }
  return { reports, mailmaps };
}

// "Imported 6 files: +120 commits, …" for a finished (or partly finished) import.
export function summarizeImport(reports, mailmaps, total) {
  const added = { commits: 0, pull_requests: 0, reviews: 0, comments: 0 };
  for (const report of reports) for (const key of Object.keys(added)) added[key] += report.added[key];
  const what = `+${added.commits} commits, +${added.pull_requests} pull requests, +${added.reviews} reviews, `
    + `+${added.comments} comments`;
  const files = reports.length + mailmaps;
  const count = files === total ? `${files} file${files === 1 ? '' : 's'}` : `${files} of ${total} files`;
  return `Imported ${count}: ${what}.`;
}

// The demo workspace's files as {name, bytes}, fetched from `base` (the page's fixtures/demo/).
export async function fetchDemo(base = 'fixtures/demo/') {
  return Promise.all(kDemoFiles.map(async (name) => {
    const response = await fetch(new URL(name, new URL(base, location.href)));
    if (!response.ok) throw new Error(`demo file ${name}: HTTP ${response.status}`);
    return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
}
