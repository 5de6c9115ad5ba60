// app.mjs — the first Loupe page: import files or sync GitHub, then the team table and one
// developer's five categories for a chosen period. Talks to the engine only through the JS package
// (a worker owns the workspace, SQLite on OPFS).
//
// ?demo=1 imports the demo workspace (fixtures/demo, served by tools/serve.mjs) when the workspace
// is empty (scripts/run opens the page so).
import { Loupe } from './loupe/index.mjs';
import { fetchDemo, importInto, summarizeImport } from './importing.mjs';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

const kDay = 86_400_000;

// The five categories, their metrics in reading order, labels, units and one-line definitions
// (docs/metrics.md has the full ones). Keys the engine adds later are shown after these.
const kCategories = [
  ['velocity', 'Velocity', [
    ['commits_count', 'Commits', '', 'Commits authored in the window (merge commits excluded)'],
    ['prs_merged', 'PRs merged', '', 'Pull requests authored and merged in the window'],
    ['lines_added', 'Lines added', '', 'Σ additions of the counted commits'],
    ['lines_removed', 'Lines removed', '', 'Σ deletions of the counted commits'],
    ['net_lines', 'Net lines', '', 'Lines added − lines removed'],
    ['commit_frequency', 'Commits / working day', '', 'Commits / working days'],
    ['pr_throughput', 'Merged PRs / week', '', 'PRs merged / weeks in the window'],
    ['avg_commit_size', 'Lines per commit', '', 'Changed lines per commit with known stats'],
    ['co_authored_count', 'Co-authored', '', 'Commits by others naming this developer as co-author'],
  ]],
  ['efficiency', 'Efficiency', [
    ['prs_created', 'PRs created', '', 'Pull requests opened in the window (the population below)'],
    ['pr_merge_rate', 'Merge rate', '%', 'Share of the PRs created in the window merged by now'],
    ['avg_pr_cycle_time_hours', 'PR cycle time', 'h', 'Mean of merged − created over merged PRs'],
    ['avg_time_to_first_review_hours', 'First review after', 'h', 'Mean of first review by someone else − created'],
    ['first_commit_to_merge_hours', 'First commit to merge', 'h', 'Mean of merged − first commit over merged PRs'],
    ['avg_pr_size', 'Lines per PR', '', 'Mean additions + deletions over PRs of known size'],
    ['rework_ratio', 'Rework', '%', 'Share of PRs with commits after a change request'],
  ]],
  ['quality', 'Quality', [
    ['review_participation_rate', 'Participation', '%', 'Distinct PRs reviewed / PRs asked or eligible to review'],
    ['reviews_per_working_day', 'Reviews / working day', '', 'Reviews submitted / working days'],
    ['avg_review_depth', 'Comments / review', '', 'Inline comments of the reviews given / reviews'],
    ['review_turnaround_hours', 'Turnaround', 'h', 'Mean of submitted − PR created over reviews given'],
    ['self_merge_rate', 'Self-merge rate', '%', 'Share of PRs merged without a review by someone else'],
  ]],
  ['sustainability', 'Sustainability', [
    ['weekend_commit_ratio', 'Weekend commits', '%', 'Share of commits on non-working local days'],
    ['late_night_commit_ratio', 'Late-night commits', '%', 'Share of commits in the late-night local hours'],
    ['longest_streak_days', 'Longest streak', 'days', 'Longest run of consecutive days with a commit'],
    ['avg_daily_active_hours', 'Active hours / day', 'h', 'Mean of latest − earliest commit hour + 1 over active days'],
    ['focus_score', 'Focus', '', 'Σ (share of commits per repository)²; 1 = one repository'],
  ]],
  ['collaboration', 'Collaboration', [
    ['unique_collaborators', 'Collaborators', '', 'Distinct other developers reviewed, reviewing or co-authoring'],
    ['review_given_count', 'Reviews given', '', 'Reviews submitted in the window (self-reviews excluded)'],
    ['review_received_count', 'Reviews received', '', 'Reviews by others on this developer\'s PRs'],
    ['cross_team_pr_ratio', 'Cross-team PRs', '%', 'Share of reviewed PRs reviewed by another team'],
    ['knowledge_sharing_score', 'Knowledge sharing', '', 'min(1, reviews given × collaborators / 50)'],
  ]],
];

const kTeamColumns = ['commits', 'lines_added', 'lines_removed', 'prs_opened', 'prs_merged', 'reviews',
  'comments', 'active_days'];

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const state = {
  loupe: null,
  developers: [],
  developerId: null,
  window: null,       // { period, start, end } in ms, end exclusive
  running: null,      // AbortController of the operation in progress
  insightRequest: 0,  // the latest insight request; older answers are dropped
};

// ---- Small helpers ----

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

function formatValue(value, unit) {
  if (typeof value !== 'number') return String(value ?? '—');
  if (unit === '%') return `${numberFormat.format(Math.round(value * 1000) / 10)} %`;
  const text = numberFormat.format(value);
  if (unit === 'days' && value === 1) return `${text} day`;
  return unit ? `${text} ${unit}` : text;
}

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const parseDate = (text) => Date.parse(`${text}T00:00:00Z`);
const dayOf = (ms) => Math.floor(ms / kDay) * kDay;

function describeError(error) {
  const code = error?.code ? ` (${error.code})` : '';
  return `${error?.message ?? String(error)}${code}`;
}

function showError(error) {
  const box = $('error');
  box.textContent = typeof error === 'string' ? error : describeError(error);
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

// ---- Periods (UTC midnights, as docs/snapshots.md: Monday weeks, biweekly blocks from 1970-01-05) ----

function periodContaining(period, ms) {
  const day = dayOf(ms);
  const date = new Date(day);
  switch (period) {
    case 'weekly': {
      const start = day - ((date.getUTCDay() + 6) % 7) * kDay;
      return { start, end: start + 7 * kDay };
    }
    case 'biweekly': {
      const anchor = Date.UTC(1970, 0, 5);
      const start = anchor + Math.floor((day - anchor) / (14 * kDay)) * 14 * kDay;
      return { start, end: start + 14 * kDay };
    }
    default: {  // monthly
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth();
      return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
    }
  }
}

// The span of the workspace's activity as [first day, day after the last], or null when empty.
function activitySpan() {
  let first = Infinity;
  let last = -Infinity;
  for (const d of state.developers) {
    if (d.first_activity) first = Math.min(first, Date.parse(d.first_activity));
    if (d.last_activity) last = Math.max(last, Date.parse(d.last_activity));
  }
  return Number.isFinite(first) ? { start: dayOf(first), end: dayOf(last) + kDay } : null;
}

function windowFor(period, around) {
  if (period === 'all') return activitySpan();
  return periodContaining(period, around);
}

function showWindow() {
  const { period, start, end } = state.window;
  $('period-select').value = period;
  $('from-date').value = isoDate(start);
  $('to-date').value = isoDate(end - kDay);
  const steppable = period !== 'all';
  $('earlier-button').disabled = !steppable;
  $('later-button').disabled = !steppable;
}

function stepWindow(direction) {
  const { period, start, end } = state.window;
  if (period === 'custom') {
    const length = end - start;
    state.window = { period, start: start + direction * length, end: end + direction * length };
  } else {
    state.window = { period, ...periodContaining(period, direction < 0 ? start - kDay : end) };
  }
  showWindow();
  loadInsights();
}

// ---- Workspace, team table ----

async function refresh() {
  const loupe = state.loupe;
  const [description, developers] = await Promise.all([
    loupe.workspace.describe(),
    loupe.developers.list({ bots: $('show-bots').checked }),
  ]);
  state.developers = developers;
  showSummary(description);
  renderTeam();
  renderDeveloperChoice();
}

function showSummary(description) {
  const { counts } = description;
  const people = { ...counts, developers: counts.developers - counts.bots };
  const parts = [['developers', 'developers'], ['bots', 'bots'], ['commits', 'commits'],
    ['pull_requests', 'pull requests'], ['reviews', 'reviews']]
    .filter(([key]) => key !== 'bots' || people.bots > 0)
    .map(([key, label]) => `${numberFormat.format(people[key])} ${people[key] === 1 ? label.slice(0, -1) : label}`);
  $('workspace-summary').textContent = `Workspace: ${parts.join(', ')}`;
  $('workspace-summary').title = description.storage;
}

function renderTeam() {
  const rows = $('team-rows');
  rows.replaceChildren();
  const empty = state.developers.length === 0;
  $('team-empty').hidden = !empty;
  $('team-table').hidden = empty;
  for (const d of state.developers) {
    const name = el('button', {
      type: 'button', class: 'link', text: d.name || d.login || d.email || `#${d.id}`,
      'aria-label': `Show the categories of ${d.name || d.login || d.id}`,
    });
    name.addEventListener('click', () => {
      selectDeveloper(d.id);
      $('developer-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
    const who = el('th', { scope: 'row' }, name);
    if (d.login) who.append(el('span', { class: 'login', text: `@${d.login}` }));
    if (d.is_bot) who.append(el('span', { class: 'badge', text: 'bot' }));
    const cells = kTeamColumns.map((key) =>
      el('td', { class: 'num', dataset: { key, value: String(d[key]) }, text: formatValue(d[key], '') }));
    const last = d.last_activity ? isoDate(Date.parse(d.last_activity)) : '—';
    rows.append(el('tr', { dataset: { developerId: String(d.id) } }, who, ...cells,
      el('td', { dataset: { key: 'last_activity' }, text: last })));
  }
}

function renderDeveloperChoice() {
  const select = $('developer-select');
  select.replaceChildren(...state.developers.map((d) =>
    el('option', { value: String(d.id), text: d.login ? `${d.name} (@${d.login})` : d.name })));
  $('developer-section').hidden = state.developers.length === 0;
  if (state.developers.length === 0) return;
  if (!state.developers.some((d) => d.id === state.developerId)) state.developerId = state.developers[0].id;
  select.value = String(state.developerId);
  if (!state.window) {  // the month of the shown developer's latest activity
    const developer = state.developers.find((d) => d.id === state.developerId);
    const last = developer.last_activity ? Date.parse(developer.last_activity) : activitySpan().end - kDay;
    state.window = { period: 'monthly', ...windowFor('monthly', last) };
  }
  showWindow();
  loadInsights();
}

function selectDeveloper(id) {
  state.developerId = id;
  $('developer-select').value = String(id);
  loadInsights();
}

// ---- One developer's five categories ----

async function loadInsights() {
  if (state.developerId === null || !state.window) return;
  const request = ++state.insightRequest;
  const { period, start, end } = state.window;
  const query = { developer: String(state.developerId), from: isoDate(start), to: isoDate(end - kDay) };
  if (period === 'weekly' || period === 'biweekly' || period === 'monthly') query.period = period;
  $('categories').setAttribute('aria-busy', 'true');
  try {
    const insight = await state.loupe.insights.developer(query);
    if (request !== state.insightRequest) return;
    renderInsights(insight);
  } catch (error) {
    if (request === state.insightRequest) showError(error);
  } finally {
    if (request === state.insightRequest) $('categories').removeAttribute('aria-busy');
  }
}

function renderInsights(insight) {
  const end = Date.parse(insight.period_end);
  $('insight-window').textContent = `${insight.developer_name}, ${isoDate(Date.parse(insight.period_start))}`
    + ` to ${isoDate(end - 1)} (${insight.profile} profile)`;
  $('developer-title').textContent = insight.developer_name;
  const cards = kCategories.map(([key, title, metrics]) => {
    const values = insight[key] ?? {};
    const known = new Set(metrics.map(([metric]) => metric));
    const extra = Object.keys(values).filter((metric) => !known.has(metric))
      .map((metric) => [metric, metric.replaceAll('_', ' '), '', '']);
    const items = [...metrics, ...extra].filter(([metric]) => metric in values).map(([metric, label, unit, help]) =>
      el('div', { class: 'metric', title: help || undefined, dataset: { key: metric, value: String(values[metric]) } },
        el('dt', { text: label }), el('dd', { text: formatValue(values[metric], unit) })));
    const id = `category-${key}`;
    return el('section', { class: 'category', 'aria-labelledby': id, dataset: { category: key } },
      el('h3', { id, text: title }), el('dl', {}, ...items));
  });
  $('categories').replaceChildren(...cards);
}

// ---- Long operations: import, sync ----

function startActivity(label) {
  clearError();
  $('message').textContent = '';
  const controller = new AbortController();
  state.running = controller;
  $('activity').hidden = false;
  $('progress-label').textContent = label;
  $('progress').removeAttribute('value');  // indeterminate until the first report
  for (const button of [$('import-button'), $('sync-button')]) button.disabled = true;
  return controller;
}

function finishActivity() {
  state.running = null;
  $('activity').hidden = true;
  for (const button of [$('import-button'), $('sync-button')]) button.disabled = false;
}

// Progress reports from the package: an import's {phase, done, total, file, fileIndex, files}, a
// sync's {phase, repo, done, total, message}.
function onProgress(label) {
  return (report) => {
    let fraction = report.total > 0 ? Math.min(1, report.done / report.total) : undefined;
    if (report.files > 0) fraction = ((report.fileIndex ?? 0) + (fraction ?? 0)) / report.files;
    if (Number.isFinite(fraction)) $('progress').value = fraction;
    let what = report.message ?? report.repo ?? report.phase;
    if (report.file) what = `${report.file} (${report.fileIndex + 1} of ${report.files})`;
    $('progress-label').textContent = what ? `${label}: ${what}` : label;
  };
}

// Imports files with progress and a cancel button (importing.mjs does the work); the files before
// a failure stay imported, and the message says how many.
async function importFiles(files, label = 'Importing') {
  const controller = startActivity(label);
  let done = { reports: [], mailmaps: 0 };
  try {
    done = await importInto(state.loupe, files, { onProgress: onProgress(label), signal: controller.signal });
  } catch (error) {
    done = error.done ?? done;
    showError(error);
  } finally {
    if (done.reports.length + done.mailmaps > 0) {
      $('message').textContent = summarizeImport(done.reports, done.mailmaps, files.length);
    }
    finishActivity();
    await refresh().catch(showError);
  }
}

async function importDemo() {
  await importFiles(await fetchDemo(), 'Importing the demo workspace');
}

// A remembered token lives in the workspace (sync_state), never anywhere else.
const kTokenKey = 'web:github-token';

async function syncGitHub(form) {
  const repositories = form.repositories.value.split(/[\s,]+/).filter(Boolean);
  const token = form.token.value.trim();
  const controller = startActivity('Syncing from GitHub');
  try {
    await state.loupe.sync.putState({ key: kTokenKey, value: form.remember.checked ? token : null });
    const result = await state.loupe.sync.github({ token, repositories },
      { onProgress: onProgress('Syncing from GitHub'), signal: controller.signal });
    if (!form.remember.checked) form.token.value = '';
    const parts = result.repositories.map((r) => `${r.repo} (+${r.commits} commits, +${r.pullRequests} pull requests)`);
    $('message').textContent = `Synced ${parts.join(', ')} with ${result.requests} requests, `
      + `${result.notModified} unchanged.`;
  } catch (error) {
    showError(error);
  } finally {
    finishActivity();
    await refresh().catch(showError);
  }
}

async function restoreToken() {
  const { value } = await state.loupe.sync.getState({ key: kTokenKey });
  if (typeof value === 'string' && value) {
    $('sync-token').value = value;
    $('sync-remember').checked = true;
  }
}

// ---- Start ----

function wire() {
  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const files = [...$('import-files').files];
    if (files.length === 0) return showError('Choose one or more files first.');
    importFiles(files).then(() => { $('import-files').value = ''; });
  });
  $('sync-form').addEventListener('submit', (event) => {
    event.preventDefault();
    syncGitHub(event.target);
  });
  $('cancel-button').addEventListener('click', () => state.running?.abort());
  $('show-bots').addEventListener('change', () => refresh().catch(showError));
  $('developer-select').addEventListener('change', (event) => selectDeveloper(Number(event.target.value)));
  $('period-select').addEventListener('change', (event) => {
    const period = event.target.value;
    const around = state.window ? state.window.end - kDay : Date.now();
    state.window = period === 'custom' ? { ...state.window, period } : { period, ...windowFor(period, around) };
    showWindow();
    loadInsights();
  });
  for (const id of ['from-date', 'to-date']) {
    $(id).addEventListener('change', () => {
      const start = parseDate($('from-date').value);
      const end = parseDate($('to-date').value) + kDay;
      if (!(start < end)) return showError('The period must start on or before its last day.');
      clearError();
      state.window = { period: 'custom', start, end };
      showWindow();
      loadInsights();
    });
  }
  $('insight-form').addEventListener('submit', (event) => event.preventDefault());
  $('earlier-button').addEventListener('click', () => stepWindow(-1));
  $('later-button').addEventListener('click', () => stepWindow(1));
  $('retry-button').addEventListener('click', () => location.reload());
}

// Another tab (or a failure) keeps this one from opening the workspace: say so instead of the page.
function showBlocked(summary, message) {
  $('main').hidden = true;
  $('workspace-summary').textContent = summary;
  $('owner-message').textContent = message;
  $('owner-banner').hidden = false;
}

async function main() {
  wire();
  try {
    state.loupe = await Loupe.open({ storage: 'opfs' });
  } catch (error) {
    if (error?.code === 'locked') {
      showBlocked('This workspace is open in another tab.', 'Loupe is already open in another tab of this '
        + 'browser, which owns the workspace. Use that tab, or close it and try again here.');
    } else {
      showBlocked('The workspace could not be opened.', describeError(error));
    }
    return;
  }
  await Promise.all([refresh(), restoreToken()]);
  if (state.developers.length === 0 && params.get('demo') === '1') await importDemo();
}

main().catch(showError);
