// A local GitHub REST API for the sync tests. It replays DevLake's recorded panjf2000/ants
// responses (data README §3.1: one API object per CSV row, `data` column) as the endpoints the
// sync calls, paginated with Link headers and a small page size, with ETags and 304s, an
// Authorization check, injectable faults (rate-limit 403, 502, redirects, foreign Link headers)
// and a log of every request. Single-commit responses (stats and files) are built from the
// recorded PR-commit objects plus the numstat rows of the same commits in the ants git exports
// (every recorded non-merge commit is in them), in the documented shape of
// GET /repos/O/N/commits/SHA; merge commits, absent from the exports, come without stats/files.
// The recordings hold no file contents: the contents endpoint answers 404 for them. Another data
// source (git_fixture.mjs: a git repository the test builds) can stand in for RecordedApi and
// serve contents too, in the contents API's format (base64; over 1 MB only as raw bytes).
//
// Nothing here prints data: the recordings hold e-mail addresses.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const REAL_DATA_DIR = process.env.LOUPE_REAL_DATA_DIR || '/work/shared/data/real';
export const REPO = 'panjf2000/ants';
const TABLES = 'github-api/devlake-e2e-panjf2000-ants/raw_tables';

/** RFC 4180 CSV → array of rows (arrays of fields). Quoted fields may hold commas, quotes, newlines. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A raw table's rows as objects {id, params, data (parsed), url, input (parsed or null)}. */
export function readTable(name, dataDir = REAL_DATA_DIR) {
  const rows = parseCsv(fs.readFileSync(path.join(dataDir, TABLES, name), 'utf8'));
  const header = rows[0];
  const col = (n) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`${name}: no column ${n}`);
    return i;
  };
  const [data, url, input] = ['data', 'url', 'input'].map(col);
  return rows.slice(1).filter((r) => r.length === header.length).map((r) => ({
    data: JSON.parse(r[data]),
    dataText: r[data],
    url: r[url],
    input: r[input] && r[input] !== 'null' ? JSON.parse(r[input]) : null,
  }));
}

// numstat rows of every commit in the ants git exports: sha → [{path, oldPath, additions, deletions}].
function unquoteGitPath(p) {
  if (!(p.startsWith('"') && p.endsWith('"'))) return p;
  const bytes = [];
  const s = p.slice(1, -1);
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      bytes.push(...Buffer.from(s[i]));
      continue;
    }
    const n = s[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(s.substr(i, 3), 8));
      i += 2;
    } else {
      bytes.push({ t: 9, n: 10, '"': 34, '\\': 92, r: 13, a: 7, b: 8, f: 12, v: 11 }[n] ?? n.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
function splitRename(p) {
  const brace = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(p);
  if (brace) {
    const join = (a, mid, b) => (a + mid + b).replace(/\/\//g, '/').replace(/^\//, '');
    return { oldPath: join(brace[1], brace[2], brace[4]), path: join(brace[1], brace[3], brace[4]) };
  }
  const plain = p.split(' => ');
  if (plain.length === 2) return { oldPath: unquoteGitPath(plain[0]), path: unquoteGitPath(plain[1]) };
  return { path: unquoteGitPath(p), oldPath: null };
}
export function readNumstat(dataDir = REAL_DATA_DIR) {
  const bySha = new Map();
  for (const file of ['panjf2000-ants.gitlog', 'panjf2000-ants.pr-branches.gitlog']) {
    const text = fs.readFileSync(path.join(dataDir, 'git', file), 'utf8');
    for (const record of text.split('\x1e').slice(1)) {
      const fields = record.split('\x1f');
      const files = [];
      for (const line of fields[11].split('\n')) {
        const m = /^(-|\d+)\t(-|\d+)\t(.+)$/.exec(line);
        if (!m) continue;
        const binary = m[1] === '-';
        const { path: p, oldPath } = splitRename(m[3]);
        files.push({ path: p, oldPath, additions: binary ? 0 : Number(m[1]), deletions: binary ? 0 : Number(m[2]) });
      }
      if (!bySha.has(fields[0])) bySha.set(fields[0], files);
    }
  }
  return bySha;
}

const numberFromUrl = (url) => Number(/\/(?:pulls|issues)\/(\d+)$/.exec(url)[1]);
const commitDate = (c) => c.commit.committer?.date ?? c.commit.author?.date;

/**
 * The recorded API as data: every endpoint's full (unpaginated) answer as of `asOf` (an ISO
 * instant or null for everything). PRs appear once their `updated_at` is reached; reviews,
 * comments and commits once their own time is.
 */
export class RecordedApi {
  constructor(dataDir = REAL_DATA_DIR) {
    this.pulls = readTable('_raw_github_api_pull_requests.csv', dataDir).map((r) => r.data);
    this.reviews = readTable('_raw_github_api_pull_request_reviews.csv', dataDir).map((r) => r.data);
    this.reviewComments = readTable('_raw_github_api_pull_request_review_comments.csv', dataDir).map((r) => r.data);
    this.issueComments = readTable('_raw_github_api_comments.csv', dataDir).map((r) => r.data);
    this.prCommits = new Map();  // number → [commit objects]
    for (const r of readTable('_raw_github_api_pull_request_commits.csv', dataDir)) {
      const n = r.input.Number;
      if (!this.prCommits.has(n)) this.prCommits.set(n, []);
      this.prCommits.get(n).push(r.data);
    }
    // The repository's commit list: every recorded commit once, newest commit date first.
    const bySha = new Map();
    for (const list of this.prCommits.values()) for (const c of list) if (!bySha.has(c.sha)) bySha.set(c.sha, c);
    this.commitObjects = bySha;
    this.numstat = readNumstat(dataDir);
    this.asOf = null;
  }

  visible(instant) {
    return this.asOf === null || (instant !== null && instant !== undefined && Date.parse(instant) <= Date.parse(this.asOf));
  }

  /** GET /repos/O/N/commits[?since=]: newest first (stable for equal dates). */
  commitList(since = null) {
    return [...this.commitObjects.values()]
      .filter((c) => this.visible(commitDate(c)))
      .filter((c) => since === null || Date.parse(commitDate(c)) >= Date.parse(since))
      .sort((a, b) => Date.parse(commitDate(b)) - Date.parse(commitDate(a)));
  }

  /** GET /repos/O/N/commits/SHA: the list object with stats and files added. */
  singleCommit(sha) {
    const base = this.commitObjects.get(sha);
    if (!base || !this.visible(commitDate(base))) return null;
    const rows = this.numstat.get(sha);
    if (!rows) {
      // The exports are --no-merges; the 16 recorded merge commits are served without stats and
      // files rather than with invented ones (the importer then leaves them unknown).
      if (base.parents.length > 1) return { ...base };
      throw new Error(`commit ${sha} is not in the ants git exports`);
    }
    const files = rows.map((f) => {
      const file = {
        sha: createHash('sha1').update(`${sha}:${f.path}`).digest('hex'),
        filename: f.path,
        status: f.oldPath ? 'renamed' : 'modified',
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: `https://github.com/${REPO}/blob/${sha}/${encodeURI(f.path)}`,
        raw_url: `https://github.com/${REPO}/raw/${sha}/${encodeURI(f.path)}`,
        contents_url: `https://api.github.com/repos/${REPO}/contents/${encodeURI(f.path)}?ref=${sha}`,
      };
      if (f.oldPath) file.previous_filename = f.oldPath;
      return file;
    });
    const additions = files.reduce((n, f) => n + f.additions, 0);
    const deletions = files.reduce((n, f) => n + f.deletions, 0);
    return { ...base, stats: { total: additions + deletions, additions, deletions }, files };
  }

  /** GET /repos/O/N/pulls?state=all&sort=…&direction=…: stable sort, recorded order for ties. */
  pullList({ sort = 'created', direction = 'desc' } = {}) {
    const key = sort === 'updated' ? 'updated_at' : 'created_at';
    const sign = direction === 'asc' ? 1 : -1;
    return this.pulls
      .filter((p) => this.visible(p.updated_at))
      .map((p, i) => ({ p, i }))
      .sort((a, b) => sign * (Date.parse(a.p[key]) - Date.parse(b.p[key])) || a.i - b.i)
      .map(({ p }) => p);
  }

  pullNumbers() {
    return [...new Set(this.pullList().map((p) => p.number))].sort((a, b) => a - b);
  }

  hasPull(n) {
    return this.pulls.some((p) => p.number === n && this.visible(p.updated_at));
  }

  reviewsOf(n) {
    return this.reviews.filter((r) => numberFromUrl(r.pull_request_url) === n && this.visible(r.submitted_at));
  }
  reviewCommentsOf(n) {
    return this.reviewComments
      .filter((c) => numberFromUrl(c.pull_request_url) === n && this.visible(c.created_at))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  }
  issueCommentsOf(n) {
    return this.issueComments
      .filter((c) => numberFromUrl(c.issue_url) === n && this.visible(c.created_at))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  }
  commitsOf(n) {
    return (this.prCommits.get(n) ?? []).filter((c) => this.visible(commitDate(c)));
  }
}

/**
 * Starts the replay server. Options: token (required Authorization, default none: any or no
 * token is accepted), pageSize (default 7), data (a RecordedApi, or any object with its methods,
 * a `repo` name and `contents(path, ref)`; see git_fixture.mjs), host (default 127.0.0.1),
 * prefix (a path the API lives under, e.g. /api/v3; `path` in the log is without it).
 * Resolves to the server object: url, api (the RecordedApi), log (every request: {method, path,
 * query, authorization, ifNoneMatch, status}), inject(rule), close().
 */
export async function startReplayServer({ token = null, pageSize = 7, data = null, host = '127.0.0.1', prefix = '' } = {}) {
  const api = data ?? new RecordedApi();
  const log = [];
  const rules = [];
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      send(res, req, 500, { message: `replay server: ${e.message}` });
    }
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const base = `http://${host}:${server.address().port}`;
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function send(res, req, status, body, headers = {}, entry = null) {
    const text = body === null ? '' : JSON.stringify(body);
    if (entry) entry.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? '' : text);
  }

  function paginate(req, res, entry, items, url) {
    const perPage = Math.max(1, Math.min(Number(url.searchParams.get('per_page') || 30), pageSize));
    const page = Math.max(1, Number(url.searchParams.get('page') || 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(p));
      return `${base}${prefix}${u.pathname}${u.search}`;
    };
    const links = [];
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    respond(req, res, entry, slice, links.length ? { link: links.join(', ') } : {});
  }

  // A 200 with an ETag (the body's hash), or a 304 when the request names that ETag.
  function respondBytes(req, res, entry, body, contentType, headers = {}) {
    const etag = `W/"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const common = { etag, 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4000', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), ...headers };
    if (req.headers['if-none-match'] === etag) {
      entry.status = 304;
      res.writeHead(304, common);
      res.end();
      return;
    }
    entry.status = 200;
    res.writeHead(200, { 'content-type': contentType, ...common });
    res.end(body);
  }
  function respond(req, res, entry, body, headers = {}) {
    respondBytes(req, res, entry, JSON.stringify(body), 'application/json; charset=utf-8', headers);
  }

  function handle(req, res) {
    const url = new URL(req.url, base);
    // A GitHub Enterprise style base (`/api/v3`): the API lives under the prefix only.
    const outside = prefix && !url.pathname.startsWith(prefix + '/');
    if (prefix && !outside) url.pathname = url.pathname.slice(prefix.length);
    const entry = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      url: `${base}${outside ? '' : prefix}${url.pathname}${url.search}`,
      authorization: req.headers.authorization ?? null,
      ifNoneMatch: req.headers['if-none-match'] ?? null,
      accept: req.headers.accept ?? null,
      status: null,
    };
    log.push(entry);
    for (const rule of rules) {
      if (rule.times <= 0 || !rule.match(entry)) continue;
      rule.times--;
      rule.hits = (rule.hits ?? 0) + 1;
      if (rule.status) return send(res, req, rule.status, rule.body ?? null, rule.headers ?? {}, entry);
      if (rule.addHeaders) {
        const writeHead = res.writeHead.bind(res);
        res.writeHead = (status, headers = {}) => writeHead(status, { ...headers, ...rule.addHeaders });
      }
      break;
    }
    if (token !== null) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `Bearer ${token}` && auth !== `token ${token}`) {
        return send(res, req, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, {}, entry);
      }
    }
    if (req.method !== 'GET' || outside) return send(res, req, 404, { message: 'Not Found' }, {}, entry);
    const repoPath = `/repos/${api.repo ?? REPO}`;
    const p = url.pathname;
    if (!p.startsWith(repoPath + '/') && p !== repoPath) return send(res, req, 404, { message: 'Not Found' }, {}, entry);
    const rest = p.slice(repoPath.length);
    let m;
    if (rest === '/commits') {
      return paginate(req, res, entry, api.commitList(url.searchParams.get('since')), url);
    }
    if ((m = /^\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const c = api.singleCommit(m[1]);
      return c ? respond(req, res, entry, c) : send(res, req, 422, { message: `No commit found for SHA: ${m[1]}` }, {}, entry);
    }
    if ((m = /^\/contents\/(.+)$/.exec(rest))) {
      // GET /repos/O/N/contents/PATH?ref=SHA: a file as JSON with base64 content, or with the raw
      // media type its bytes. Files over 1 MB come without content in JSON (encoding "none").
      const file = api.contents?.(m[1].split('/').map(decodeURIComponent).join('/'), url.searchParams.get('ref')) ?? null;
      if (!file) return send(res, req, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' }, {}, entry);
      if (/application\/vnd\.github(\.v3)?\.raw/.test(req.headers.accept ?? '') && file.bytes) {
        return respondBytes(req, res, entry, file.bytes, 'application/vnd.github.raw; charset=utf-8');
      }
      return respond(req, res, entry, file.json);
    }
    if (rest === '/pulls') {
      return paginate(req, res, entry, api.pullList({ sort: url.searchParams.get('sort') ?? 'created', direction: url.searchParams.get('direction') ?? 'desc' }), url);
    }
    if ((m = /^\/(pulls|issues)\/(\d+)\/(reviews|comments|commits)$/.exec(rest))) {
      const n = Number(m[2]);
      const kind = `${m[1]}/${m[3]}`;
      const lists = {
        'pulls/reviews': () => api.reviewsOf(n),
        'pulls/comments': () => api.reviewCommentsOf(n),
        'pulls/commits': () => api.commitsOf(n),
        'issues/comments': () => api.issueCommentsOf(n),
      };
      if (!lists[kind] || !api.hasPull(n)) return send(res, req, 404, { message: 'Not Found' }, {}, entry);
      return paginate(req, res, entry, lists[kind](), url);
    }
    return send(res, req, 404, { message: 'Not Found' }, {}, entry);
  }

  return {
    url: base,
    api,
    log,
    /**
     * Adds a fault: {match(entry) → bool, times = 1, status?, headers?, body?, addHeaders?}.
     * With a status the response is replaced; with addHeaders the normal response gets them.
     */
    inject(rule) {
      const r = { times: 1, ...rule };
      rules.push(r);
      return r;
    },
    /** A 403 rate-limit response with x-ratelimit-remaining: 0 and the given reset (epoch s). */
    injectRateLimit(match, resetEpochSeconds, times = 1) {
      return this.inject({
        match, times, status: 403,
        headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) },
        body: { message: 'API rate limit exceeded for user.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
      });
    },
    clearLog() {
      log.length = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
