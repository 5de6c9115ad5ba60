// GitHub sync: fetches a repository's commits, pull requests, reviews, review comments,
// conversation comments and PR commit lists from the GitHub REST API and hands every response,
// whole, to the engine's GitHub REST importer; the dependency manifests the commits changed are
// fetched from the contents API and imported as a Loupe bundle of manifests. Plain ES module
// without dependencies: it runs in the engine's worker and under node (tests). See docs/sync.md.
//
//   const summary = await syncGitHub({ fetch, engine, token, repositories: ['owner/name'],
//                                      apiBase, onProgress, signal });
//
// `engine` is `{ importBytes(name, bytes, options), call(method, params) }` (either may return a
// promise; results may be JSON text or objects). The cursor of each repository is stored with
// `sync.putState` after every completed step, so a sync interrupted by a reload, an abort or an
// error resumes where it stopped. The token is sent only to `apiBase` and never stored here.

const DEFAULT_API = 'https://api.github.com';
// Version 2 added the manifests step; a version-1 cursor is read again from the start so the
// manifests of the commits it had already synced are fetched too.
const STATE_VERSION = 2;

/** An error of the sync; `code` is one of the codes listed in docs/sync.md. */
export class SyncError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    Object.assign(this, details);
  }
}

/** The sync_state key of a repository's cursor. */
export function cursorKey(repo) {
  return `github:${repo}`;
}
/** The sync_state key of the ETags of one pull request's lists. */
export function pullKey(repo, number) {
  return `github:${repo}#${number}`;
}

/** Parses an RFC 8288 Link header into {rel: url}. */
export function parseLinkHeader(header) {
  const links = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2]);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) links[r.toLowerCase()] = m[1];
  }
  return links;
}

function checkRepoName(repo) {
  if (typeof repo !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) || /(^|\/)\.\.?($|\/)/.test(repo)) {
    throw new SyncError('invalid_input', `repositories: "${repo}" is not an owner/name repository name`);
  }
}

function abortError(signal) {
  const reason = signal?.reason;
  const message = reason instanceof Error && reason.name !== 'AbortError' ? reason.message : 'the sync was cancelled';
  return new SyncError('cancelled', message);
}

function defaultSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    function onAbort() {
      clearTimeout(timer);
      reject(abortError(signal));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseMaybeJson(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

// The newest of two ISO-8601 UTC instants (either may be null).
function laterInstant(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

// Runs `work(item)` over `items` with at most `limit` in flight; resolves when all are done or
// rejects with the first error (items not yet started are then not started).
async function pool(items, limit, work) {
  let next = 0;
  let failed = null;
  async function runner() {
    while (failed === null && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (e) {
        if (failed === null) failed = e;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  if (failed !== null) throw failed;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The HTTP side: conditional GETs with pagination, rate-limit waits, retries, host checks. */
class GitHubClient {
  constructor({ fetch, token, apiBase, signal, onProgress, sleep, now, retries, backoffMs, repoOf }) {
    this.fetch = fetch;
    this.token = token || null;
    this.api = new URL(apiBase.endsWith('/') ? apiBase : apiBase + '/');
    this.signal = signal;
    this.onProgress = onProgress;
    this.sleep = sleep;
    this.now = now;
    this.retries = retries;
    this.backoffMs = backoffMs;
    this.gate = null;  // a promise every request waits for while the rate limit is exhausted
    this.requests = 0;
    this.notModified = 0;
    this.waits = 0;
    this.currentRepo = repoOf;
  }

  url(path) {
    return new URL(path.replace(/^\//, ''), this.api).href;
  }

  // Whether `url` is under apiBase (same origin and path prefix): the only place the token goes.
  isApiUrl(url) {
    let u;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return u.origin === this.api.origin && u.pathname.startsWith(this.api.pathname);
  }

  checkAborted() {
    if (this.signal?.aborted) throw abortError(this.signal);
  }

  async waitUntil(epochMs, reason, repo) {
    const delay = epochMs - this.now();
    const until = new Date(Math.max(epochMs, this.now())).toISOString();
    this.waits++;
    this.onProgress({ phase: 'waiting', repo, done: 0, message: `${reason}: waiting until ${until}`, until });
    if (delay <= 0) return;
    try {
      await this.sleep(delay, this.signal);
    } catch (e) {
      if (this.signal?.aborted) throw abortError(this.signal);
      throw e;
    }
  }

  // Starts a wait every request joins before it is sent. A cancel rejects it; the rejection is
  // marked handled here because nobody may be waiting yet.
  startGate(epochMs, reason, repo) {
    this.gate = this.waitUntil(epochMs, reason, repo).finally(() => {
      this.gate = null;
    });
    this.gate.catch(() => {});
  }

  // Waits out a rate limit shared by all requests in flight.
  async rateLimitWait(epochMs, reason, repo) {
    if (!this.gate) this.startGate(epochMs, reason, repo);
    await this.gate;
  }

  /**
   * GET `url` (absolute, under apiBase). With `etag`, a conditional request. Resolves to
   * {status: 200|304, etag, next, bytes, json} or {status: 404|409} when `allow` lists it.
   * `accept` replaces the JSON media type; with `raw` the body is not parsed (no `json`).
   */
  async get(url, { etag = null, repo, allow = [], accept = 'application/vnd.github+json', raw = false } = {}) {
    if (!this.isApiUrl(url)) {
      throw new SyncError('refused_host', `refusing to request ${url}: it is not under the API base ${this.api.href}`, { url });
    }
    let attempt = 0;
    let redirects = 0;
    for (;;) {
      this.checkAborted();
      if (this.gate) await this.gate;
      this.checkAborted();
      const headers = {
        Accept: accept,
        'X-GitHub-Api-Version': '2022-11-28',
      };
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      if (etag) headers['If-None-Match'] = etag;
      let response;
      this.requests++;
      try {
        response = await this.fetch(url, { method: 'GET', headers, redirect: 'manual', signal: this.signal });
      } catch (e) {
        if (this.signal?.aborted) throw abortError(this.signal);
        if (attempt < this.retries) {
          await this.backoff(attempt++, url, `network error (${e.message})`, repo);
          continue;
        }
        throw new SyncError('network', `GET ${url} failed after ${attempt + 1} attempts: ${e.message}`, { url });
      }
      const status = response.status;
      const h = (name) => response.headers.get(name);

      if (status === 200) {
        const buffer = new Uint8Array(await response.arrayBuffer());
        let json;
        if (!raw) {
          try {
            json = JSON.parse(decoder.decode(buffer));
          } catch (e) {
            throw new SyncError('bad_response', `GET ${url}: the response is not JSON (${e.message})`, { url, status });
          }
        }
        // The last request of the allowance: wait for the reset before the next one.
        if (h('x-ratelimit-remaining') === '0' && h('x-ratelimit-reset')) {
          const reset = Number(h('x-ratelimit-reset')) * 1000;
          if (reset > this.now() && !this.gate) this.startGate(reset + 1000, 'rate limit used up', repo);
        }
        const next = parseLinkHeader(h('link')).next || null;
        return { status, etag: h('etag'), next, bytes: buffer, json };
      }
      if (status === 304) {
        await response.arrayBuffer().catch(() => {});
        this.notModified++;
        return { status, etag, next: null };
      }
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        const location = h('location');
        await response.arrayBuffer().catch(() => {});
        if (!location) {
          throw new SyncError('redirect_refused', `GET ${url} was redirected to a location the browser does not reveal; the sync follows only redirects within ${this.api.href}`, { url, status });
        }
        const target = new URL(location, url).href;
        if (!this.isApiUrl(target)) {
          throw new SyncError('redirect_refused', `GET ${url} was redirected to ${target}, outside ${this.api.href}: refused (the token is sent only to the API)`, { url, status });
        }
        if (++redirects > 5) throw new SyncError('redirect_refused', `GET ${url}: too many redirects`, { url, status });
        url = target;
        continue;
      }
      const bodyText = await response.text().catch(() => '');
      let apiMessage = '';
      try {
        apiMessage = JSON.parse(bodyText).message || '';
      } catch {
        apiMessage = '';
      }
      const said = apiMessage ? ` (GitHub says: ${apiMessage})` : '';
      if (status === 403 || status === 429) {
        const remaining = h('x-ratelimit-remaining');
        const reset = h('x-ratelimit-reset');
        const retryAfter = h('retry-after');
        if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) {
          await this.rateLimitWait(this.now() + Number(retryAfter) * 1000, `rate limited (retry-after ${retryAfter.trim()} s)`, repo);
          continue;
        }
        if (remaining === '0' && reset !== null && /^\d+$/.test(reset.trim())) {
          await this.rateLimitWait(Number(reset) * 1000 + 1000, 'rate limit exhausted', repo);
          continue;
        }
        if (status === 429) {
          await this.rateLimitWait(this.now() + 60_000, 'rate limited (429 without a reset time)', repo);
          continue;
        }
        throw new SyncError('forbidden', `GET ${url}: 403 Forbidden${said}; the token lacks access to ${repo}`, { url, status });
      }
      if (allow.includes(status)) return { status };
      if (status === 401) {
        throw new SyncError('unauthorized', `GET ${url}: 401 Unauthorized${said}: ${this.token ? 'the token was rejected (expired or revoked?)' : 'the API requires a token'}`, { url, status });
      }
      if (status === 404) {
        throw new SyncError('not_found', `GET ${url}: 404 Not Found${said}: ${repo} does not exist or the token cannot see it`, { url, status });
      }
      if (status >= 500) {
        if (attempt < this.retries) {
          await this.backoff(attempt++, url, `${status} ${response.statusText || 'server error'}`, repo);
          continue;
        }
        throw new SyncError('server_error', `GET ${url}: ${status} ${response.statusText || 'server error'} after ${attempt + 1} attempts${said}`, { url, status });
      }
      throw new SyncError('http_error', `GET ${url}: unexpected status ${status}${said}`, { url, status });
    }
  }

  async backoff(attempt, url, what, repo) {
    const ms = this.backoffMs * 2 ** attempt;
    this.onProgress({ phase: 'retrying', repo, done: attempt + 1, total: this.retries, message: `${what} for GET ${url}; retry ${attempt + 1} of ${this.retries} in ${ms} ms` });
    try {
      await this.sleep(ms, this.signal);
    } catch (e) {
      if (this.signal?.aborted) throw abortError(this.signal);
      throw e;
    }
  }

  /**
   * All pages of a list starting at `url`. `etags` maps page URL → {etag, next}. Returns
   * {changed, pages: [{url, bytes, json, etag, next}]}. When every page answers 304 the list is
   * unchanged (changed: false, no pages); when any page changed, every page is fetched whole
   * (pages answering 304 are fetched again without condition) so the caller imports the full list.
   */
  async list(url, { etags = {}, repo, stopWhen = null, allow = [] } = {}) {
    const pages = [];
    let anyChanged = false;
    let page = url;
    let first = true;
    while (page) {
      const known = etags[page];
      const r = await this.get(page, { etag: known?.etag ?? null, repo, allow: first ? allow : [] });
      if (r.status !== 200 && r.status !== 304) return { changed: false, status: r.status, pages: [] };
      if (r.status === 304) {
        // With a descending list (stopWhen), an unchanged first page means nothing is newer.
        if (first && stopWhen) return { changed: false, pages: [] };
        pages.push({ url: page, notModified: true, etag: known.etag, next: known.next ?? null });
        page = known.next ?? null;
      } else {
        if (!Array.isArray(r.json)) {
          throw new SyncError('bad_response', `GET ${page}: expected a JSON array (a list page)`, { url: page });
        }
        anyChanged = true;
        pages.push({ url: page, bytes: r.bytes, json: r.json, etag: r.etag, next: r.next });
        if (stopWhen && stopWhen(r.json)) break;
        page = r.next;
      }
      first = false;
    }
    if (!anyChanged) return { changed: false, pages: [] };
    for (const p of pages) {
      if (!p.notModified) continue;
      const r = await this.get(p.url, { repo });
      if (!Array.isArray(r.json)) throw new SyncError('bad_response', `GET ${p.url}: expected a JSON array (a list page)`, { url: p.url });
      Object.assign(p, { notModified: false, bytes: r.bytes, json: r.json, etag: r.etag, next: r.next });
    }
    return { changed: true, pages };
  }
}

// One JSON text made of whole responses: arrays back to back (`gh api --paginate` output) or
// objects wrapped in one array. Each response's bytes are kept as received.
function concatPages(pages) {
  const parts = [];
  let size = 0;
  for (const p of pages) {
    parts.push(p.bytes);
    size += p.bytes.length + 1;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of parts) {
    out.set(b, at);
    at += b.length;
    out[at++] = 0x0a;
  }
  return out;
}
function arrayOfObjects(bodies) {
  const size = bodies.reduce((n, b) => n + b.length + 2, 2);
  const out = new Uint8Array(size);
  let at = 0;
  out[at++] = 0x5b;  // [
  bodies.forEach((b, i) => {
    if (i) out[at++] = 0x2c;  // ,
    out.set(b, at);
    at += b.length;
    out[at++] = 0x0a;
  });
  out[at++] = 0x5d;  // ]
  return out.subarray(0, at);
}

function pageEtags(pages) {
  const out = {};
  for (const p of pages) if (p.etag) out[p.url] = { etag: p.etag, next: p.next ?? null };
  return out;
}

function commitDate(item) {
  return item?.commit?.committer?.date || item?.commit?.author?.date || null;
}

// ---- dependency manifests ----

// The file names technology tracking reads: model::ManifestKindOf (engine/src/model/manifest.cpp)
// by the last path component, exact case, plus requirements*.txt; and, as `loupe import-git`
// selects them (ingest::GitManifestLogArguments, engine/src/ingest/git_manifests.cpp), nothing
// under a node_modules directory. The C++ rule is not exposed to JS, so it is mirrored here;
// tests/js/sync/manifests.test.mjs checks the two against import-git on a list of paths.
const MANIFEST_NAMES = new Set(['package.json', 'Cargo.toml', 'go.mod', 'pyproject.toml', 'pom.xml',
  'build.gradle', 'build.gradle.kts', 'Package.swift']);

/** Whether `path` (a repository path with `/`) is a dependency manifest the engine reads. */
export function isManifestPath(path) {
  if (typeof path !== 'string' || path === '') return false;
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  if (parts.slice(0, -1).includes('node_modules')) return false;
  return MANIFEST_NAMES.has(name) || (name.startsWith('requirements') && name.endsWith('.txt'));
}

// The repository a commit object belongs to, from its own API URL (the GitHub REST importer
// files the commit under that name too); null when the URL is not one.
function repoOfCommit(json) {
  const m = /\/repos\/([^/]+\/[^/]+)\/commits\/[0-9a-fA-F]{40}$/.exec(json?.url ?? '');
  return m ? m[1] : null;
}

/**
 * The manifest snapshots a single-commit response calls for, as `import-git` records them: one
 * per manifest file the commit added, changed or removed (`removed: true`: an empty snapshot,
 * fetched from nowhere); a renamed manifest is a removal of the old path and the new path, as
 * git's --no-renames gives; merge commits are skipped (--no-merges). Entries are
 * {commit, path, at, removed?, repo? (only when the commit's URL names another repository)}.
 */
export function manifestChanges(json, repo) {
  if (!json || !Array.isArray(json.files) || (Array.isArray(json.parents) && json.parents.length > 1)) return [];
  const at = json.commit?.author?.date ?? null;
  const own = repoOfCommit(json);
  const base = { commit: json.sha, at };
  if (own && own.toLowerCase() !== repo.toLowerCase()) base.repo = own;
  const out = [];
  const seen = new Set();
  const add = (path, removed) => {
    if (!isManifestPath(path) || seen.has(path)) return;
    seen.add(path);
    out.push(removed ? { ...base, path, removed: true } : { ...base, path });
  };
  for (const f of json.files) {
    if (typeof f?.filename !== 'string') continue;
    if (f.status === 'renamed' && typeof f.previous_filename === 'string') add(f.previous_filename, true);
    if (f.status === 'unchanged') continue;
    add(f.filename, f.status === 'removed');
  }
  return out;
}

const manifestKey = (m) => `${m.commit}\u0000${m.path}`;

const BASE64 = (() => {
  const t = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
})();

/**
 * Base64 (with the line breaks GitHub puts every 60 characters) to bytes, reading character
 * codes straight into a Uint8Array; null when it is not base64.
 */
export function decodeBase64(text) {
  const out = new Uint8Array(Math.ceil(text.length / 4) * 3);
  let n = 0;
  let bits = 0;
  let count = 0;  // bits held in `bits`
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) continue;
    if (c === 0x3d) {  // '=' only at the end
      padding++;
      continue;
    }
    const v = c < 128 ? BASE64[c] : -1;
    if (v < 0 || padding > 0) return null;
    bits = ((bits << 6) | v) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[n++] = (bits >> count) & 0xff;
    }
  }
  // A lone character after the last full group (6 bits) or padding past two is not base64.
  if (count === 6 || padding > 2) return null;
  return out.subarray(0, n);
}

function isUtf8(bytes) {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// `bytes` (valid UTF-8) as a JSON string, byte for byte: quotes, backslashes and control
// characters escaped, everything else kept, so the engine stores the bytes import-git would.
const HEX = new TextEncoder().encode('0123456789abcdef');
function jsonStringBytes(bytes) {
  let size = bytes.length + 2;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22 || b === 0x5c) size += 1;
    else if (b < 0x20) size += 5;
  }
  const out = new Uint8Array(size);
  let at = 0;
  out[at++] = 0x22;  // "
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22 || b === 0x5c) {
      out[at++] = 0x5c;
      out[at++] = b;
    } else if (b < 0x20) {  // \u00XX
      out[at++] = 0x5c;
      out[at++] = 0x75;
      out[at++] = 0x30;
      out[at++] = 0x30;
      out[at++] = HEX[b >> 4];
      out[at++] = HEX[b & 15];
    } else {
      out[at++] = b;
    }
  }
  out[at++] = 0x22;
  return out;
}

/**
 * A Loupe bundle holding only `manifests` (docs/bundle.md): the bundle importer reads every
 * other section as empty. `items` are {entry, content: Uint8Array}; `repo` names the entries
 * without their own.
 */
export function manifestBundle(items, repo) {
  const encoder = new TextEncoder();
  const repos = [];
  const indexOf = (name) => {
    const i = repos.indexOf(name);
    return i >= 0 ? i : repos.push(name) - 1;
  };
  const parts = [];
  items.forEach(({ entry, content }, i) => {
    const head = { repo: indexOf(entry.repo ?? repo), path: entry.path, commit: entry.commit };
    if (entry.at) head.at = entry.at;
    const text = JSON.stringify(head);  // reopened to append the content's bytes
    parts.push(encoder.encode(`${i ? ',' : ''}${text.slice(0, -1)},"content":`), jsonStringBytes(content), encoder.encode('}'));
  });
  parts.unshift(encoder.encode(`{"format":"loupe-bundle","version":1,"repositories":${JSON.stringify(repos)},"manifests":[`));
  parts.push(encoder.encode(']}\n'));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The contents API serves files up to 100 MB (over 1 MB only with the raw media type).
const CONTENTS_LIMIT = 100 * 1024 * 1024;
const RAW_MEDIA_TYPE = 'application/vnd.github.raw+json';

/**
 * Order-preserving fetch and import: `fetchOne(key)` runs over `order` with at most
 * `concurrency` in flight, and `importSome(keys, results)` receives the results in `order`'s
 * order, at least `batch` at a time, whatever order the responses arrive in, so the same sync
 * always imports the same thing. When a fetch fails, whatever was fetched completely is still
 * imported (the stored state then names only what is missing), except after a cancel; the first
 * error is then thrown.
 */
async function fetchAndImportInOrder({ order, concurrency, batch, fetchOne, importSome, aborted }) {
  const results = new Map();  // fetched, not yet imported
  let next = 0;               // order[next] is the first key not yet imported
  let flushing = Promise.resolve();
  const flush = async (all) => {
    let end = next;
    while (end < order.length && results.has(order[end])) end++;
    let keys = order.slice(next, end);
    if (all) keys = order.slice(next).filter((k) => results.has(k));
    else if (keys.length < batch) return;
    if (keys.length === 0) return;
    next = all ? order.length : end;
    await importSome(keys, keys.map((k) => results.get(k)));
    for (const k of keys) results.delete(k);
  };
  try {
    await pool(order, concurrency, async (key) => {
      results.set(key, await fetchOne(key));
      flushing = flushing.then(() => flush(false));
      await flushing;
    });
    flushing = flushing.then(() => flush(true));
    await flushing;
  } catch (e) {
    if (!aborted()) {
      try {
        await flushing.catch(() => {});
        await flush(true);
      } catch {
        // the first error is the one reported
      }
    }
    throw e;
  }
}

/**
 * Syncs `repositories` into the engine. Returns {repositories: [{repo, commits, pullRequests,
 * manifests, manifestsSkipped: {reason: count}, imports, requests, notModified}], requests,
 * notModified, waits}. Rejects with a SyncError.
 *
 * Options: fetch (default globalThis.fetch), engine, token, repositories, apiBase, onProgress,
 * signal, full (ignore stored cursors and ETags), concurrency (single-commit requests in flight,
 * default 4), importBatch (commits per import, default 50), retries (5xx and network, default 3),
 * backoffMs (first retry delay, doubled each time, default 1000), sleep(ms, signal) and now()
 * (the clock, for tests).
 */
export async function syncGitHub(options) {
  const {
    engine,
    token = null,
    repositories,
    apiBase = DEFAULT_API,
    signal = undefined,
    full = false,
    concurrency = 4,
    importBatch = 50,
    retries = 3,
    backoffMs = 1000,
  } = options;
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => Date.now());
  const onProgress = (p) => {
    try {
      options.onProgress?.(p);
    } catch {
      // a failing progress callback must not break the sync
    }
  };
  if (!engine || typeof engine.importBytes !== 'function' || typeof engine.call !== 'function') {
    throw new SyncError('invalid_input', 'engine: expected an object with importBytes(name, bytes, options) and call(method, params)');
  }
  if (typeof fetchFn !== 'function') throw new SyncError('invalid_input', 'fetch: no fetch function is available');
  if (!Array.isArray(repositories) || repositories.length === 0) {
    throw new SyncError('invalid_input', 'repositories: expected a non-empty list of owner/name names');
  }
  repositories.forEach(checkRepoName);
  let base;
  try {
    base = new URL(apiBase);
  } catch {
    throw new SyncError('invalid_input', `apiBase: "${apiBase}" is not a URL`);
  }
  // The token never travels in clear text, except to this machine (tests, local proxies).
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback)) {
    throw new SyncError('invalid_input', `apiBase: "${apiBase}" must be an https:// URL (http:// only for 127.0.0.1 or localhost)`);
  }

  const client = new GitHubClient({ fetch: fetchFn, token, apiBase, signal, onProgress, sleep, now, retries, backoffMs });
  const summary = { repositories: [], requests: 0, notModified: 0, waits: 0 };
  for (const repo of repositories) {
    const before = { requests: client.requests, notModified: client.notModified };
    let result;
    try {
      result = await syncRepository({ client, engine, repo, onProgress, full, concurrency, importBatch, now });
    } catch (e) {
      // After a cancel, whichever step noticed it first (a fetch, a body still being read, a
      // wait) reports the cancel, not its own DOMException.
      if (signal?.aborted && !(e instanceof SyncError && e.code === 'cancelled')) throw abortError(signal);
      throw e;
    }
    result.requests = client.requests - before.requests;
    result.notModified = client.notModified - before.notModified;
    summary.repositories.push(result);
  }
  summary.requests = client.requests;
  summary.notModified = client.notModified;
  summary.waits = client.waits;
  onProgress({ phase: 'done', repo: null, done: repositories.length, total: repositories.length, message: `synced ${repositories.length} ${repositories.length === 1 ? 'repository' : 'repositories'}` });
  return summary;
}

async function getState(engine, key) {
  const r = parseMaybeJson(await engine.call('sync.getState', { key }));
  return r && r.value !== undefined ? parseMaybeJson(r.value) : null;
}
async function putState(engine, key, value) {
  await engine.call('sync.putState', { key, value });
}

function freshCursor() {
  return {
    version: STATE_VERSION,
    commits: { since: null, boundary: [], pending: null, etags: {} },
    pulls: { updatedAt: null, boundary: [], pending: null, etags: {} },
    manifests: { pending: [], total: 0 },
    lastSync: null,
  };
}

async function syncRepository({ client, engine, repo, onProgress, full, concurrency, importBatch, now }) {
  const key = cursorKey(repo);
  let cursor = full ? null : await getState(engine, key);
  if (!cursor || cursor.version !== STATE_VERSION) cursor = freshCursor();
  const result = { repo, commits: 0, pullRequests: 0, manifests: 0, manifestsSkipped: {}, imports: 0 };
  const save = () => putState(engine, key, cursor);

  async function importBytes(name, bytes, importOptions) {
    client.checkAborted();  // nothing is imported once cancelled
    const report = parseMaybeJson(await engine.importBytes(name, bytes, importOptions));
    result.imports++;
    return report;
  }

  // ---- commits: the list since the cursor, then each new commit for its stats and files ----
  const commitsUrl = (since) => {
    const u = new URL(client.url(`repos/${repo}/commits`));
    u.searchParams.set('per_page', '100');
    if (since) u.searchParams.set('since', since);
    return u.href;
  };
  if (!cursor.commits.pending) {
    onProgress({ phase: 'commits', repo, done: 0, message: `listing commits of ${repo}${cursor.commits.since ? ` since ${cursor.commits.since}` : ''}` });
    const listed = await client.list(commitsUrl(cursor.commits.since), {
      etags: full ? {} : cursor.commits.etags, repo, allow: [409],  // 409: an empty repository
    });
    if (listed.changed) {
      const boundary = new Set(cursor.commits.boundary);
      let since = cursor.commits.since;
      const shas = [];
      const seen = new Set();
      for (const page of listed.pages) {
        for (const item of page.json) {
          if (typeof item?.sha !== 'string') throw new SyncError('bad_response', `GET ${page.url}: a list item has no sha`, { url: page.url });
          since = laterInstant(since, commitDate(item));
          if (boundary.has(item.sha) || seen.has(item.sha)) continue;
          seen.add(item.sha);
          shas.push(item.sha);
        }
      }
      const atSince = listed.pages.flatMap((p) => p.json).filter((i) => commitDate(i) === since).map((i) => i.sha);
      const newBoundary = since === cursor.commits.since ? [...new Set([...cursor.commits.boundary, ...atSince])] : [...new Set(atSince)];
      cursor.commits.pending = { shas, since, boundary: newBoundary, etags: pageEtags(listed.pages), total: shas.length };
      await save();
    }
  }
  if (cursor.commits.pending) {
    const pending = cursor.commits.pending;
    const total = pending.total ?? pending.shas.length;
    onProgress({ phase: 'commit-details', repo, done: total - pending.shas.length, total, message: `fetching ${pending.shas.length} commits of ${repo}` });
    // Commits are imported in list order (newest first), so names are kept in the order seen.
    await fetchAndImportInOrder({
      order: [...pending.shas], concurrency, batch: importBatch, aborted: () => client.signal?.aborted,
      fetchOne: async (sha) => {
        const url = client.url(`repos/${repo}/commits/${sha}`);
        const r = await client.get(url, { repo });
        if (!r.json || Array.isArray(r.json) || r.json.sha !== sha) {
          throw new SyncError('bad_response', `GET ${url}: expected the commit ${sha}`, { url });
        }
        return { bytes: r.bytes, manifests: manifestChanges(r.json, repo) };
      },
      importSome: async (shas, fetched) => {
        await importBytes(`${client.url(`repos/${repo}/commits`)} (${shas.length} commit${shas.length === 1 ? '' : 's'})`,
          arrayOfObjects(fetched.map((f) => f.bytes)), { format: 'github-rest' });
        result.commits += shas.length;
        const done = new Set(shas);
        pending.shas = pending.shas.filter((s) => !done.has(s));
        // The manifests these commits changed are stored as pending in the same write that
        // marks the commits done, so a sync stopped in between loses neither.
        addPendingManifests(cursor, fetched.flatMap((f) => f.manifests));
        await save();
        onProgress({ phase: 'commit-details', repo, done: total - pending.shas.length, total, message: `imported ${total - pending.shas.length} of ${total} commits of ${repo}` });
      },
    });
    cursor.commits = { since: pending.since, boundary: pending.boundary, pending: null, etags: pending.etags };
    await save();
    // The next sync asks with the new `since`: read that list now (it holds only the commits at
    // the cursor) so its ETag is known and an unchanged repository answers 304 next time.
    if (pending.since && commitsUrl(pending.since) !== Object.keys(pending.etags)[0]) {
      const primed = await client.list(commitsUrl(pending.since), { repo, allow: [409] });
      const boundary = new Set(pending.boundary);
      if (primed.changed && primed.pages.every((p) => p.json.every((i) => boundary.has(i.sha)))) {
        cursor.commits.etags = pageEtags(primed.pages);
        await save();
      }
    }
  }

  // ---- manifests: the content of each manifest the new commits changed, at that commit ----
  if (cursor.manifests.pending.length > 0) await syncManifests({ client, repo, cursor, result, onProgress, concurrency, importBatch, importBytes, save });

  // ---- pull requests: the list by update time down to the cursor, then each PR's lists ----
  if (!cursor.pulls.pending) {
    const pullsUrl = new URL(client.url(`repos/${repo}/pulls`));
    for (const [k, v] of [['state', 'all'], ['sort', 'updated'], ['direction', 'desc'], ['per_page', '100']]) pullsUrl.searchParams.set(k, v);
    onProgress({ phase: 'pulls', repo, done: 0, message: `listing pull requests of ${repo}${cursor.pulls.updatedAt ? ` updated since ${cursor.pulls.updatedAt}` : ''}` });
    const floor = cursor.pulls.updatedAt ? Date.parse(cursor.pulls.updatedAt) : null;
    const listed = await client.list(pullsUrl.href, {
      etags: full ? {} : cursor.pulls.etags, repo,
      stopWhen: (items) => floor !== null && items.length > 0 && Date.parse(items[items.length - 1].updated_at) < floor,
    });
    if (listed.changed) {
      const boundary = new Set(cursor.pulls.boundary);
      let updatedAt = cursor.pulls.updatedAt;
      const numbers = [];
      const seen = new Set();
      for (const page of listed.pages) {
        for (const item of page.json) {
          if (!Number.isInteger(item?.number) || typeof item.updated_at !== 'string') {
            throw new SyncError('bad_response', `GET ${page.url}: a list item has no number or updated_at`, { url: page.url });
          }
          const t = Date.parse(item.updated_at);
          if (floor !== null && (t < floor || (t === floor && boundary.has(item.number)))) continue;
          updatedAt = laterInstant(updatedAt, item.updated_at);
          if (!seen.has(item.number)) {
            seen.add(item.number);
            numbers.push(item.number);
          }
        }
      }
      // The pages are imported whole (older PRs on the last page merge as no change).
      await importBytes(`${pullsUrl.href} (${listed.pages.length} page${listed.pages.length === 1 ? '' : 's'})`, concatPages(listed.pages), { format: 'github-rest' });
      const all = listed.pages.flatMap((p) => p.json);
      const atCursor = all.filter((i) => i.updated_at === updatedAt).map((i) => i.number);
      const newBoundary = updatedAt === cursor.pulls.updatedAt ? [...new Set([...cursor.pulls.boundary, ...atCursor])] : [...new Set(atCursor)];
      cursor.pulls.pending = { numbers, updatedAt, boundary: newBoundary, etags: pageEtags(listed.pages), total: numbers.length };
      await save();
    }
  }
  if (cursor.pulls.pending) {
    const pending = cursor.pulls.pending;
    const total = pending.total ?? pending.numbers.length;
    while (pending.numbers.length > 0) {
      const number = pending.numbers[0];
      onProgress({ phase: 'pull-details', repo, done: total - pending.numbers.length, total, message: `pull request #${number} of ${repo}` });
      const prKey = pullKey(repo, number);
      const stored = (full ? null : await getState(engine, prKey)) ?? {};
      const etags = {};
      const lists = [
        ['reviews', `repos/${repo}/pulls/${number}/reviews`, {}],
        ['review comments', `repos/${repo}/pulls/${number}/comments`, {}],
        ['comments', `repos/${repo}/issues/${number}/comments`, {}],
        ['commits', `repos/${repo}/pulls/${number}/commits`, { pullRequest: `${repo}#${number}` }],
      ];
      for (const [what, path, extra] of lists) {
        const u = new URL(client.url(path));
        u.searchParams.set('per_page', '100');
        const listed = await client.list(u.href, { etags: stored, repo });
        if (listed.changed) {
          const items = listed.pages.reduce((n, p) => n + p.json.length, 0);
          if (items > 0) await importBytes(`${u.href} (${what} of #${number})`, concatPages(listed.pages), { format: 'github-rest', ...extra });
          Object.assign(etags, pageEtags(listed.pages));
        } else {
          for (const [url, e] of Object.entries(stored)) if (url === u.href || isLaterPageOf(url, u.href)) etags[url] = e;
        }
      }
      await putState(engine, prKey, etags);
      pending.numbers.shift();
      result.pullRequests++;
      await save();
    }
    onProgress({ phase: 'pull-details', repo, done: total, total, message: `${total} pull request${total === 1 ? '' : 's'} of ${repo} synced` });
    cursor.pulls = { updatedAt: pending.updatedAt, boundary: pending.boundary, pending: null, etags: pending.etags };
  }
  cursor.lastSync = new Date(now()).toISOString();
  await save();
  return result;
}

// Adds manifest snapshots to fetch to the cursor, each (commit, path) once.
function addPendingManifests(cursor, entries) {
  if (entries.length === 0) return;
  const state = cursor.manifests;
  const known = new Set(state.pending.map(manifestKey));
  for (const e of entries) {
    const k = manifestKey(e);
    if (known.has(k)) continue;
    known.add(k);
    state.pending.push(e);
    state.total++;
  }
}

/** The contents API URL of `path` at commit `ref` (each path segment percent-encoded). */
export function contentsUrl(client, repo, path, ref) {
  const u = new URL(client.url(`repos/${repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}`));
  u.searchParams.set('ref', ref);
  return u.href;
}

// The content of one pending manifest: {entry, content} or {entry, skipped: reason}. Reasons are
// counted in the summary; a skipped manifest is not asked for again.
async function fetchManifest(client, repo, entry) {
  if (entry.removed) return { entry, content: new Uint8Array(0) };
  const url = contentsUrl(client, entry.repo ?? repo, entry.path, entry.commit);
  const r = await client.get(url, { repo, allow: [404] });
  if (r.status === 404) return { entry, skipped: 'not found at its commit' };
  const j = r.json;
  if (Array.isArray(j)) return { entry, skipped: 'a directory' };
  if (!j || typeof j !== 'object' || typeof j.type !== 'string') {
    throw new SyncError('bad_response', `GET ${url}: expected a contents object with a type`, { url });
  }
  // import-git reads regular files only: GitHub answers a symbolic link to a file with the
  // target's content and path, and any other link with type "symlink".
  if (j.type === 'symlink' || (j.type === 'file' && j.path !== entry.path)) return { entry, skipped: 'a symbolic link' };
  if (j.type !== 'file') return { entry, skipped: j.type === 'submodule' ? 'a submodule' : `not a file (${j.type})` };
  let content;
  if (j.encoding === 'base64' && typeof j.content === 'string') {
    content = decodeBase64(j.content);
    if (content === null) throw new SyncError('bad_response', `GET ${url}: the content is not base64`, { url });
  } else if (j.encoding === 'none') {
    // Files over 1 MB come without content; the raw media type serves them up to 100 MB.
    if (typeof j.size === 'number' && j.size > CONTENTS_LIMIT) return { entry, skipped: 'larger than the contents API serves (100 MB)' };
    content = (await client.get(url, { repo, accept: RAW_MEDIA_TYPE, raw: true })).bytes;
  } else {
    throw new SyncError('bad_response', `GET ${url}: unexpected content encoding ${JSON.stringify(j.encoding)}`, { url });
  }
  if (typeof j.size === 'number' && content.length !== j.size) {
    throw new SyncError('bad_response', `GET ${url}: ${content.length} bytes of content, the response says ${j.size}`, { url });
  }
  // The bundle must be UTF-8; import-git counts such a manifest with the same words.
  if (!isUtf8(content)) return { entry, skipped: 'manifest that is not UTF-8 text' };
  return { entry, content };
}

// The manifests step: fetches the pending manifests' contents (removals need no request) and
// imports them in batches, in the order the commits listed them, each batch one bundle.
async function syncManifests({ client, repo, cursor, result, onProgress, concurrency, importBatch, importBytes, save }) {
  const state = cursor.manifests;
  const total = Math.max(state.total, state.pending.length);
  const byKey = new Map(state.pending.map((e) => [manifestKey(e), e]));
  const report = () => {
    const skipped = Object.entries(result.manifestsSkipped);
    const reasons = skipped.map(([why, n]) => `${n} ${why}`).join(', ');
    onProgress({ phase: 'manifests', repo, done: total - state.pending.length, total,
      message: `read ${total - state.pending.length} of ${total} manifests of ${repo}${skipped.length ? ` (skipped: ${reasons})` : ''}` });
  };
  onProgress({ phase: 'manifests', repo, done: total - state.pending.length, total, message: `fetching ${state.pending.length} manifests of ${repo}` });
  await fetchAndImportInOrder({
    order: [...byKey.keys()], concurrency, batch: importBatch, aborted: () => client.signal?.aborted,
    fetchOne: (key) => fetchManifest(client, repo, byKey.get(key)),
    importSome: async (keys, fetched) => {
      const found = fetched.filter((f) => f.content);
      if (found.length > 0) {
        await importBytes(`${client.url(`repos/${repo}/contents`)} (${found.length} manifest${found.length === 1 ? '' : 's'})`,
          manifestBundle(found, repo), { format: 'bundle' });
      }
      result.manifests += found.length;
      for (const f of fetched) if (f.skipped) result.manifestsSkipped[f.skipped] = (result.manifestsSkipped[f.skipped] ?? 0) + 1;
      const done = new Set(keys);
      state.pending = state.pending.filter((e) => !done.has(manifestKey(e)));
      if (state.pending.length === 0) state.total = 0;
      await save();
      report();
    },
  });
}

// Whether `url` is a later page of the list at `first` (same path, and a page parameter).
function isLaterPageOf(url, first) {
  try {
    const a = new URL(url);
    const b = new URL(first);
    return a.origin === b.origin && a.pathname === b.pathname && a.searchParams.has('page');
  } catch {
    return false;
  }
}

