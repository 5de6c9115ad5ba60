// A small git repository the manifest tests build from our own content (nothing recorded), and
// the GitHub REST answers for it that replay_server.mjs serves: the commit list of `main`, single
// commits with `stats` and `files` (rename detection on, as GitHub's), and the contents API
// (base64 JSON, files over 1 MB only with the raw media type, symbolic links resolved the way
// GitHub resolves them). The same repository is what `loupe import-git` reads, so a sync of the
// replay and an import-git of the repository can be compared.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURE_REPO = 'loupe-fixtures/manifests';
const ANA = { name: 'Ana Lima', email: 'ana@example.com' };
const BEN = { name: 'Ben Okafor', email: 'ben@example.com' };

export function haveGit() {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function git(dir, args, { env = {}, input, buffer = false } = {}) {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: dir, input, maxBuffer: 1 << 28, encoding: buffer ? 'buffer' : 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_LITERAL_PATHSPECS: '1', ...env },
  });
}

const packageJson = (react) => `{
  "name": "fixture-web",
  "description": "Café \\"board\\"\\twith a tab",
  "engines": { "node": ">=18" },
  "dependencies": { "react": "^${react}", "react-dom": "^${react}" }
}
`;
// CRLF line endings: control characters in the content travel escaped.
const goMod = (go) => `module example.com/fixture/service\r\n\r\ngo ${go}\r\n\r\nrequire github.com/google/uuid v1.3.0\r\n`;
const cargoToml = '[package]\nname = "helper"\nversion = "0.1.0"\nrust-version = "1.74"\n\n[dependencies]\nserde = "1.0"\n';
// Latin-1, not UTF-8: neither import-git nor the sync imports it.
const latin1Requirements = Buffer.from('# d\xe9pendances de d\xe9veloppement\npytest==7.4.0\n', 'latin1');
// Over 1 MB: the contents API serves it only with the raw media type.
const bigPackageJson = `{"name":"big","description":"${'généré '.repeat(160_000)}","dependencies":{"vite":"^5.0.0"}}\n`;

/**
 * The fixture's history, oldest first; `date` is the author date (and the commit date unless
 * `committed` is given). `write` maps paths to content, `remove` lists paths,
 * `move` maps old to new paths, `link` maps paths to symbolic-link targets; `branch` and `from`
 * put a commit on another branch, `merge` merges a branch into main.
 */
export const FIXTURE_COMMITS = [
  { id: 'c1', author: ANA, date: '2024-01-08T10:00:00+01:00', message: 'Start the web app and the service',
    write: { 'package.json': packageJson('17.0.2'), 'go.mod': goMod('1.20'), 'README.md': '# Fixture\n',
      'node_modules/left-pad/package.json': '{"name":"left-pad","version":"1.3.0"}\n' } },
  { id: 'c2', author: ANA, date: '2024-02-12T09:30:00+01:00', message: 'React 18',
    write: { 'package.json': packageJson('18.2.0'), 'README.md': '# Fixture\n\nReact 18.\n' } },
  { id: 'c3', author: BEN, date: '2024-03-04T14:00:00-05:00', message: 'Go 1.21; development requirements',
    write: { 'go.mod': goMod('1.21'), 'tools/requirements-dev.txt': latin1Requirements } },
  { id: 'c4', author: BEN, date: '2024-03-11T11:00:00+01:00', message: 'A Rust helper', branch: 'feature', from: 'c3',
    write: { 'helper/Cargo.toml': cargoToml } },
  { id: 'c5', author: ANA, date: '2024-03-12T16:00:00+01:00', message: 'Link the web manifest',
    link: { 'web/package.json': '../package.json' } },
  { id: 'c6', author: ANA, date: '2024-03-13T10:00:00+01:00', message: "Merge branch 'feature'", merge: 'feature' },
  // Committed a day after it was written (a rebase): a snapshot is dated by the author date.
  { id: 'c7', author: BEN, date: '2024-04-02T08:15:00+02:00', committed: '2024-04-03T09:00:00+02:00', message: 'Move the service',
    move: { 'go.mod': 'service/go.mod' } },
  { id: 'c8', author: ANA, date: '2024-04-15T17:45:00+02:00', message: 'Drop the web app',
    remove: ['package.json'], write: { 'README.md': '# Fixture\n\nNo web app.\n' } },
  { id: 'c9', author: BEN, date: '2024-05-06T12:00:00+02:00', message: 'Vendor a generated manifest',
    write: { 'big/package.json': bigPackageJson } },
];

/**
 * The manifest snapshots the fixture holds, worked out by hand from the history above as
 * import-git records them: content "" for a removal; nothing for node_modules, the Latin-1
 * requirements file (not UTF-8), the symbolic link, or the merge.
 */
export const FIXTURE_MANIFESTS = [
  { commit: 'c1', path: 'package.json', content: packageJson('17.0.2') },
  { commit: 'c1', path: 'go.mod', content: goMod('1.20') },
  { commit: 'c2', path: 'package.json', content: packageJson('18.2.0') },
  { commit: 'c3', path: 'go.mod', content: goMod('1.21') },
  { commit: 'c4', path: 'helper/Cargo.toml', content: cargoToml },
  { commit: 'c7', path: 'go.mod', content: '' },
  { commit: 'c7', path: 'service/go.mod', content: goMod('1.21') },
  { commit: 'c8', path: 'package.json', content: '' },
  { commit: 'c9', path: 'big/package.json', content: bigPackageJson },
];
/** What the sync skips, by reason: the counts a full sync of the fixture reports. */
export const FIXTURE_SKIPPED = { 'manifest that is not UTF-8 text': 1, 'a symbolic link': 1 };

const utc = (date) => new Date(date).toISOString().replace('.000Z', 'Z');

/** The fixture's own bundle of manifests (docs/bundle.md), with the commits' shas. */
export function fixtureBundle(shas) {
  const byId = new Map(FIXTURE_COMMITS.map((c) => [c.id, c]));
  return {
    format: 'loupe-bundle', version: 1, repositories: [FIXTURE_REPO],
    manifests: FIXTURE_MANIFESTS.map((m) => ({ repo: 0, path: m.path, commit: shas[m.commit], at: utc(byId.get(m.commit).date), content: m.content })),
  };
}

function commitEnv(c) {
  return {
    GIT_AUTHOR_NAME: c.author.name, GIT_AUTHOR_EMAIL: c.author.email, GIT_AUTHOR_DATE: c.date,
    GIT_COMMITTER_NAME: c.author.name, GIT_COMMITTER_EMAIL: c.author.email, GIT_COMMITTER_DATE: c.committed ?? c.date,
  };
}

/** Builds the fixture repository in `dir` (created); returns {dir, shas: {c1: sha, …}}. */
export function buildFixtureRepo(dir) {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['-c', 'init.defaultBranch=main', 'init', '-q']);
  git(dir, ['config', 'core.autocrlf', 'false']);
  git(dir, ['config', 'core.symlinks', 'true']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  const shas = {};
  for (const c of FIXTURE_COMMITS) {
    const env = commitEnv(c);
    if (c.merge) {
      git(dir, ['checkout', '-q', 'main']);
      git(dir, ['merge', '-q', '--no-ff', '-m', c.message, c.merge], { env });
    } else {
      if (c.branch) git(dir, ['checkout', '-q', '-b', c.branch, shas[c.from]]);
      else if (shas.c1) git(dir, ['checkout', '-q', 'main']);
      for (const [p, content] of Object.entries(c.write ?? {})) {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), content);
      }
      for (const [p, target] of Object.entries(c.link ?? {})) {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.symlinkSync(target, path.join(dir, p));
      }
      for (const p of c.remove ?? []) git(dir, ['rm', '-q', '--', p]);
      for (const [from, to] of Object.entries(c.move ?? {})) {
        fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
        git(dir, ['mv', from, to]);
      }
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', c.message], { env });
    }
    shas[c.id] = git(dir, ['rev-parse', 'HEAD']).trim();
  }
  git(dir, ['checkout', '-q', 'main']);
  return { dir, shas };
}

/** A repository with one commit adding a small file at each of `paths` (for the path rule). */
export function buildPathsRepo(dir, paths) {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['-c', 'init.defaultBranch=main', 'init', '-q']);
  for (const p of paths) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), '{}\n');
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Every path'], { env: commitEnv({ author: ANA, date: '2024-01-08T10:00:00+01:00' }) });
  return dir;
}

const STATUS = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };

/**
 * The GitHub API of a git repository's `main`, for replay_server.mjs (the methods RecordedApi
 * has, plus `repo` and `contents`). `asOf` hides commits committed after it.
 */
export class GitRepoApi {
  constructor(dir, repo = FIXTURE_REPO) {
    this.dir = dir;
    this.repo = repo;
    this.asOf = null;
    this.api = `https://api.github.com/repos/${repo}`;
    this.web = `https://github.com/${repo}`;
    const log = git(dir, ['log', '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%T%x1f%B%x1e', 'main']);
    this.commits = log.split('\x1e').map((r) => r.replace(/^\n/, '')).filter(Boolean).map((r) => {
      const [sha, parents, an, ae, ad, cn, ce, cd, tree, message] = r.split('\x1f');
      return { sha, parents: parents ? parents.split(' ') : [], an, ae, ad, cn, ce, cd, tree, message: message.replace(/\n+$/, '') };
    });
    this.bySha = new Map(this.commits.map((c) => [c.sha, c]));
  }

  visible(c) {
    return this.asOf === null || Date.parse(c.cd) <= Date.parse(this.asOf);
  }

  listItem(c) {
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 16)}`,
      commit: {
        author: { name: c.an, email: c.ae, date: utc(c.ad) },
        committer: { name: c.cn, email: c.ce, date: utc(c.cd) },
        message: c.message,
        tree: { sha: c.tree, url: `${this.api}/git/trees/${c.tree}` },
        url: `${this.api}/git/commits/${c.sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      url: `${this.api}/commits/${c.sha}`,
      html_url: `${this.web}/commit/${c.sha}`,
      comments_url: `${this.api}/commits/${c.sha}/comments`,
      author: null,
      committer: null,
      parents: c.parents.map((p) => ({ sha: p, url: `${this.api}/commits/${p}`, html_url: `${this.web}/commit/${p}` })),
    };
  }

  /** GET /repos/O/N/commits[?since=]: newest commit date first. */
  commitList(since = null) {
    return this.commits
      .filter((c) => this.visible(c) && (since === null || Date.parse(c.cd) >= Date.parse(since)))
      .sort((a, b) => Date.parse(b.cd) - Date.parse(a.cd))
      .map((c) => this.listItem(c));
  }

  /** GET /repos/O/N/commits/SHA: against the first parent, renames detected, as GitHub shows it. */
  singleCommit(sha) {
    const c = this.bySha.get(sha);
    if (!c || !this.visible(c)) return null;
    const range = c.parents.length ? [c.parents[0], sha] : ['--root', sha];
    const raw = git(this.dir, ['diff-tree', '-r', '-M', '-z', '--no-commit-id', '--raw', ...range]).split('\0');
    const numstat = git(this.dir, ['diff-tree', '-r', '-M', '-z', '--no-commit-id', '--numstat', ...range]).split('\0');
    const files = [];
    for (let i = 0; i < raw.length && raw[i]; ) {
      const [, , , blob, status] = raw[i++].slice(1).split(' ');
      const letter = status[0];
      const oldPath = letter === 'R' || letter === 'C' ? raw[i++] : null;
      files.push({ path: raw[i++], oldPath, letter, blob });
    }
    for (let i = 0, k = 0; i < numstat.length && numstat[i]; k++) {
      const [add, del, p] = numstat[i++].split('\t');
      if (p === '') i += 2;  // a rename: old and new path follow
      files[k].additions = add === '-' ? 0 : Number(add);
      files[k].deletions = del === '-' ? 0 : Number(del);
    }
    const out = files.map((f) => {
      const enc = f.path.split('/').map(encodeURIComponent).join('/');
      const file = {
        sha: f.letter === 'D' ? '0000000000000000000000000000000000000000' : f.blob,
        filename: f.path,
        status: STATUS[f.letter],
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: `${this.web}/blob/${sha}/${enc}`,
        raw_url: `${this.web}/raw/${sha}/${enc}`,
        contents_url: `${this.api}/contents/${enc}?ref=${sha}`,
      };
      if (f.oldPath) file.previous_filename = f.oldPath;
      return file;
    });
    const additions = out.reduce((n, f) => n + f.additions, 0);
    const deletions = out.reduce((n, f) => n + f.deletions, 0);
    return { ...this.listItem(c), stats: { total: additions + deletions, additions, deletions }, files: out };
  }

  // {mode, type, sha} of `p` in the tree of `ref`, or null.
  entry(ref, p) {
    const line = git(this.dir, ['ls-tree', '-z', ref, '--', p]).split('\0')[0];
    if (!line) return null;
    const [meta, name] = line.split('\t');
    if (name !== p) return null;
    const [mode, type, sha] = meta.split(' ');
    return { mode, type, sha };
  }

  fileJson(ref, p, sha, bytes, type = 'file') {
    const enc = p.split('/').map(encodeURIComponent).join('/');
    const url = `${this.api}/contents/${enc}?ref=${ref}`;
    const json = {
      name: path.posix.basename(p), path: p, sha, size: bytes.length, url,
      html_url: `${this.web}/blob/${ref}/${enc}`,
      git_url: `${this.api}/git/blobs/${sha}`,
      download_url: `https://raw.githubusercontent.com/${this.repo}/${ref}/${enc}`,
      type,
    };
    if (bytes.length > 1024 * 1024) {
      Object.assign(json, { content: '', encoding: 'none' });
    } else {
      // GitHub wraps the base64 at 60 characters, each line ending in "\n".
      Object.assign(json, { content: bytes.toString('base64').replace(/.{1,60}/g, '$&\n'), encoding: 'base64' });
    }
    json._links = { self: url, git: json.git_url, html: json.html_url };
    return json;
  }

  /**
   * GET /repos/O/N/contents/PATH?ref=REF as {json, bytes} (bytes for the raw media type), or
   * null (404). A symbolic link to a file in the repository answers with that file (its path);
   * any other link with type "symlink"; a submodule with type "submodule".
   */
  contents(p, ref) {
    if (!ref || !this.bySha.has(ref)) return null;
    const e = this.entry(ref, p);
    if (!e) return null;
    if (e.type === 'commit') {
      return { json: { type: 'submodule', submodule_git_url: '', size: 0, name: path.posix.basename(p), path: p, sha: e.sha } };
    }
    if (e.type !== 'blob') return null;
    const bytes = git(this.dir, ['cat-file', 'blob', e.sha], { buffer: true });
    if (e.mode === '120000') {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(p), bytes.toString('utf8')));
      const t = this.entry(ref, target);
      if (t && t.type === 'blob' && t.mode !== '120000') {
        const targetBytes = git(this.dir, ['cat-file', 'blob', t.sha], { buffer: true });
        return { json: this.fileJson(ref, target, t.sha, targetBytes), bytes: targetBytes };
      }
      const json = this.fileJson(ref, p, e.sha, bytes, 'symlink');
      delete json.content;
      delete json.encoding;
      return { json: { ...json, target: bytes.toString('utf8') } };
    }
    return { json: this.fileJson(ref, p, e.sha, bytes), bytes };
  }

  pullList() {
    return [];
  }
  pullNumbers() {
    return [];
  }
  hasPull() {
    return false;
  }
}

