// A stand-in for the engine in the sync tests that only need to see what the sync hands over:
// it records every importBytes call (name, options, the JSON values read, or the bundle of
// manifests), keeps the entities by their natural keys the way the importer merges them, and
// stores sync state as JSON text in a `store` object that a second instance can share (a
// reload). Tests that compare data use the real engine (engines.mjs); this double checks the
// protocol side.

// Splits `[…][…]` / `[…]\n[…]` / `{…}` into JSON values (strings may hold brackets).
export function parseConcatenated(text) {
  const values = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && !/\s/.test(c)) {
      throw new Error(`unexpected ${c} between values`);
    }
  }
  if (depth !== 0) throw new Error('truncated JSON');
  return values;
}

function kindOf(o) {
  if ('commit' in o) return 'commit';
  if ('diff_hunk' in o || 'pull_request_review_id' in o) return 'reviewComment';
  if ('pull_request_url' in o && ('state' in o || 'submitted_at' in o || 'commit_id' in o)) return 'review';
  if ('head' in o || 'base' in o) return 'pull';
  if ('issue_url' in o && !('number' in o)) return 'issueComment';
  throw new Error('unrecognised GitHub object');
}

export class EngineDouble {
  constructor(store = { state: new Map() }) {
    this.store = store;  // shared across "reloads"
    this.imports = [];
    this.commits = new Map();  // sha → {files: bool}
    this.pulls = new Set();
    this.reviews = new Set();
    this.reviewComments = new Set();
    this.issueComments = new Set();
    this.prCommits = new Map();  // "repo#n" → [sha]
    this.manifests = new Map();  // "repo|path|commit" → {at, content}
  }

  importBytes(name, bytes, options = {}) {
    if (options.format === 'bundle') return this.importBundle(name, bytes, options);
    const text = new TextDecoder().decode(bytes);
    const values = parseConcatenated(text);
    const objects = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    this.imports.push({ name, options, objects });
    let added = 0;
    for (const o of objects) {
      const kind = kindOf(o);
      if (kind === 'commit') {
        const had = this.commits.get(o.sha);
        if (!had) added++;
        this.commits.set(o.sha, { files: Boolean(had?.files || Array.isArray(o.files)) });
        if (options.pullRequest) {
          const list = this.prCommits.get(options.pullRequest) ?? [];
          if (!list.includes(o.sha)) list.push(o.sha);
          this.prCommits.set(options.pullRequest, list);
        }
      } else if (kind === 'pull') {
        const key = `${o.base?.repo?.full_name}#${o.number}`;
        if (!this.pulls.has(key)) added++;
        this.pulls.add(key);
      } else {
        const set = { review: this.reviews, reviewComment: this.reviewComments, issueComment: this.issueComments }[kind];
        if (!set.has(o.id)) added++;
        set.add(o.id);
      }
    }
    return JSON.stringify({ source: name, records: objects.length, added, changed: added > 0 });
  }

  // A bundle as the sync writes it: only `manifests` are expected; they merge by natural key.
  importBundle(name, bytes, options) {
    const bundle = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (bundle.format !== 'loupe-bundle' || Object.keys(bundle)[0] !== 'format') throw new Error(`${name}: not a Loupe bundle`);
    const extra = Object.keys(bundle).filter((k) => !['format', 'version', 'repositories', 'manifests'].includes(k));
    if (extra.length) throw new Error(`${name}: unexpected bundle sections ${extra.join(', ')}`);
    this.imports.push({ name, options, bundle });
    let added = 0;
    for (const m of bundle.manifests) {
      const key = `${bundle.repositories[m.repo].toLowerCase()}|${m.path}|${m.commit}`;
      if (this.manifests.has(key)) continue;  // a manifest at a commit never changes
      added++;
      this.manifests.set(key, { at: m.at, content: m.content });
    }
    return JSON.stringify({ source: name, records: bundle.manifests.length, added, changed: added > 0 });
  }

  call(method, params = {}) {
    if (method === 'sync.getState') {
      const v = this.store.state.get(params.key);
      return JSON.stringify({ key: params.key, value: v === undefined ? null : JSON.parse(v) });
    }
    if (method === 'sync.putState') {
      if (params.value === undefined) throw new Error('sync.putState: missing value');
      this.store.state.set(params.key, JSON.stringify(params.value));
      return JSON.stringify({ key: params.key });
    }
    if (method === 'workspace.describe') {
      return JSON.stringify({
        commits: this.commits.size,
        pullRequests: this.pulls.size,
        reviews: this.reviews.size,
        comments: this.reviewComments.size + this.issueComments.size,
        manifests: this.manifests.size,
      });
    }
    throw new Error(`engine double: no method ${method}`);
  }
}
