// The sync's HTTP protocol against the replay server, with an engine double that records what is
// handed over: pagination, ETags, rate limits, retries, cursors, token handling, errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { SyncError, cursorKey, parseLinkHeader, syncGitHub } from '../../../wasm/js/sync/github.mjs';
import { EngineDouble } from './engine_double.mjs';
import { REPO, startReplayServer } from './replay_server.mjs';
import { FakeClock, haveRealData, pagesOf, realDataPresent } from './support.mjs';

const TOKEN = 'ghp_replayTestToken123';
const P = `/repos/${REPO}`;

function options(server, engine, clock, extra = {}) {
  return {
    engine, token: TOKEN, repositories: [REPO], apiBase: server.url,
    now: clock.now, sleep: clock.sleep, ...extra,
  };
}
function state(engine, key = cursorKey(REPO)) {
  return JSON.parse(engine.call('sync.getState', { key })).value;
}

test('parseLinkHeader reads next/last and ignores malformed parts', () => {
  assert.deepEqual(
    parseLinkHeader('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=9>; rel="last"'),
    { next: 'https://api.github.com/x?page=2', last: 'https://api.github.com/x?page=9' });
  assert.deepEqual(parseLinkHeader('garbage, <u>; rel=prev'), { prev: 'u' });
  assert.deepEqual(parseLinkHeader(null), {});
});

describe('sync against the replayed panjf2000/ants API', { concurrency: false }, () => {
  let server;
  before(async () => {
    if (!realDataPresent()) return;
    server = await startReplayServer({ token: TOKEN, pageSize: 7 });
  });
  after(async () => {
    await server?.close();
  });

  test('a first sync follows every Link page and fetches each commit once', async (t) => {
    if (!haveRealData(t)) return;
    server.clearLog();
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const progress = [];
    const summary = await syncGitHub(options(server, engine, clock, { onProgress: (p) => progress.push(p) }));
    const api = server.api;
    const commits = api.commitList();
    const numbers = api.pullNumbers();

    // Pagination: 90 commits at 7 per page = 13 pages, 50 PR rows = 8 pages, each page once.
    assert.equal(commits.length, 90);
    const commitList = server.log.filter((e) => e.path === `${P}/commits`);
    assert.deepEqual(commitList.filter((e) => !e.query.since).map((e) => Number(e.query.page ?? 1)),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // Then once the list at the new cursor, to learn its ETag for the next sync.
    assert.deepEqual(commitList.filter((e) => e.query.since).map((e) => e.query.since), [commits[0].commit.committer.date]);
    assert.deepEqual(pagesOf(server.log, `${P}/pulls`), [1, 2, 3, 4, 5, 6, 7, 8]);
    const pullList = server.log.find((e) => e.path === `${P}/pulls`).query;
    assert.equal(pullList.state, 'all');
    assert.equal(pullList.sort, 'updated');
    assert.equal(pullList.direction, 'desc');
    // Each commit's own endpoint exactly once.
    const single = server.log.filter((e) => /\/commits\/[0-9a-f]{40}$/.test(e.path)).map((e) => e.path.slice(-40));
    assert.deepEqual([...single].sort(), commits.map((c) => c.sha).sort());
    // PR #53 has 16 commits: three pages of its commit list, imported as one list of 16.
    assert.deepEqual(pagesOf(server.log, `${P}/pulls/53/commits`), [1, 2, 3]);
    const pr53 = engine.imports.filter((i) => i.options.pullRequest === `${REPO}#53`);
    assert.equal(pr53.length, 1);
    assert.equal(pr53[0].objects.length, 16);
    assert.deepEqual(engine.prCommits.get(`${REPO}#53`), api.commitsOf(53).map((c) => c.sha));
    // Every PR's four lists were asked for once (PR #4 is listed twice but synced once).
    for (const n of numbers) {
      for (const path of [`${P}/pulls/${n}/reviews`, `${P}/pulls/${n}/comments`, `${P}/issues/${n}/comments`, `${P}/pulls/${n}/commits`]) {
        assert.equal(pagesOf(server.log, path).filter((p) => p === 1).length, 1, path);
      }
    }
    // Everything arrived.
    assert.equal(engine.commits.size, 90);
    assert.equal([...engine.commits.values()].filter((c) => c.files).length, 74);  // 16 merges without files
    assert.equal(engine.pulls.size, 49);
    assert.equal(engine.reviews.size, 30);
    assert.equal(engine.reviewComments.size, 16);
    // Conversation comments of the PRs (not of plain issues), each id once (one row is doubled).
    const prComments = new Set(numbers.flatMap((k) => api.issueCommentsOf(k).map((c) => c.id)));
    assert.ok(prComments.size > 40);
    assert.deepEqual([...engine.issueComments].sort(), [...prComments].sort());
    // Imports carry only the GitHub REST format, and PR commit lists their PR.
    for (const i of engine.imports) {
      assert.equal(i.options.format, 'github-rest');
      if (i.name.includes('/commits?')) assert.match(i.options.pullRequest, /^panjf2000\/ants#\d+$/);
      else assert.equal(i.options.pullRequest, undefined, i.name);
    }
    // Token on every request.
    assert.ok(server.log.every((e) => e.authorization === `Bearer ${TOKEN}`));
    // Cursor: the newest commit date and PR update, nothing pending, no token stored.
    const cursor = state(engine);
    assert.equal(cursor.commits.since, commits[0].commit.committer.date);
    assert.equal(cursor.pulls.updatedAt, api.pullList({ sort: 'updated', direction: 'desc' })[0].updated_at);
    assert.equal(cursor.commits.pending, null);
    assert.equal(cursor.pulls.pending, null);
    for (const v of engine.store.state.values()) assert.ok(!v.includes(TOKEN));
    assert.equal(summary.repositories[0].commits, 90);
    assert.equal(summary.repositories[0].pullRequests, 49);
    assert.equal(summary.requests, server.log.length);
    // One recorded commit changed go.mod; the recordings hold no contents, so the replay answers
    // 404 and the manifest is skipped, counted (manifests.test.mjs covers contents).
    const contents = server.log.filter((e) => e.path.startsWith(`${P}/contents/`));
    assert.deepEqual(contents.map((e) => [e.path, e.status]), [[`${P}/contents/go.mod`, 404]]);
    assert.equal(summary.repositories[0].manifests, 0);
    assert.deepEqual(summary.repositories[0].manifestsSkipped, { 'not found at its commit': 1 });
    assert.ok(progress.some((p) => p.phase === 'commit-details' && p.total === 90 && p.done === 90));
    assert.equal(progress.at(-1).phase, 'done');

    // ---- a second sync: conditional requests answer 304, nothing is imported ----
    server.clearLog();
    const imports = engine.imports.length;
    const before = JSON.stringify(engine.call('workspace.describe'));
    const again = await syncGitHub(options(server, engine, clock));
    assert.equal(engine.imports.length, imports);
    assert.equal(JSON.stringify(engine.call('workspace.describe')), before);
    // The commit list at the cursor and the PR list answer 304; nothing else is asked.
    assert.deepEqual(server.log.map((e) => [e.path, e.status]), [[`${P}/commits`, 304], [`${P}/pulls`, 304]]);
    assert.equal(server.log[0].query.since, commits[0].commit.committer.date);
    assert.ok(server.log.every((e) => e.ifNoneMatch && e.ifNoneMatch.startsWith('W/"')));
    assert.equal(again.notModified, 2);
    assert.equal(again.requests, 2);
  });

  test('403 rate limit: the cursor is stored, the sync waits for the reset and resumes', async (t) => {
    if (!haveRealData(t)) return;
    server.clearLog();
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const reset = Math.floor(clock.t / 1000) + 600;  // ten minutes ahead
    // The third page of the PR list.
    const rule = server.injectRateLimit((e) => e.path === `${P}/pulls` && e.query.page === '3', reset);
    const progress = [];
    let cursorWhileWaiting = null;
    clock.onSleep = async () => {
      cursorWhileWaiting = state(engine);
    };
    await syncGitHub(options(server, engine, clock, { onProgress: (p) => progress.push(p) }));
    assert.equal(rule.hits, 1);
    // One wait, until one second after the reset.
    assert.deepEqual(clock.sleeps, [(reset + 1) * 1000 - Date.parse('2026-11-28T12:00:00Z')]);
    const waiting = progress.filter((p) => p.phase === 'waiting');
    assert.equal(waiting.length, 1);
    assert.equal(waiting[0].repo, REPO);
    assert.match(waiting[0].message, new RegExp(`waiting until ${new Date((reset + 1) * 1000).toISOString()}`));
    // While it waited, the completed commit phase was already stored.
    assert.equal(cursorWhileWaiting.commits.pending, null);
    assert.equal(cursorWhileWaiting.commits.since, server.api.commitList()[0].commit.committer.date);
    // The limited page was asked for again and the sync completed.
    const pages = server.log.filter((e) => e.path === `${P}/pulls`).map((e) => [e.query.page ?? '1', e.status]);
    assert.deepEqual(pages.slice(0, 4), [['1', 200], ['2', 200], ['3', 403], ['3', 200]]);
    assert.equal(engine.pulls.size, 49);
    assert.equal(engine.commits.size, 90);
  });

  test('retry-after and 429 are waited out too', async (t) => {
    if (!haveRealData(t)) return;
    const engine = new EngineDouble();
    const clock = new FakeClock();
    server.inject({ match: (e) => e.path === `${P}/commits` && !e.query.page, status: 429, headers: { 'retry-after': '30' }, body: { message: 'secondary rate limit' } });
    server.inject({ match: (e) => e.path === `${P}/pulls/53/reviews`, status: 403, headers: { 'retry-after': '5' }, body: { message: 'You have exceeded a secondary rate limit' } });
    await syncGitHub(options(server, engine, clock));
    assert.deepEqual(clock.sleeps, [30_000, 5_000]);
    assert.equal(engine.reviews.size, 30);
  });

  test('a 502 is retried with backoff; a lasting 5xx fails naming the URL and status, and a rerun resumes', async (t) => {
    if (!haveRealData(t)) return;
    const commits = server.api.commitList();
    const target = commits[20].sha;
    server.clearLog();
    let engine = new EngineDouble();
    let clock = new FakeClock();
    const once = server.inject({ match: (e) => e.path === `${P}/commits/${target}`, status: 502, body: { message: 'Server Error' } });
    await syncGitHub(options(server, engine, clock, { backoffMs: 500 }));
    assert.equal(once.hits, 1);
    assert.deepEqual(clock.sleeps, [500]);
    assert.deepEqual(server.log.filter((e) => e.path === `${P}/commits/${target}`).map((e) => e.status), [502, 200]);
    assert.equal(engine.commits.size, 90);

    // A lasting 502: 1 + 3 attempts, backoff 500, 1000, 2000 ms, then a clear error.
    server.clearLog();
    engine = new EngineDouble();
    clock = new FakeClock();
    const lasting = server.inject({ match: (e) => e.path === `${P}/commits/${target}`, status: 502, times: 4 });
    await assert.rejects(
      syncGitHub(options(server, engine, clock, { backoffMs: 500, concurrency: 1, importBatch: 10 })),
      (e) => {
        assert.ok(e instanceof SyncError);
        assert.equal(e.code, 'server_error');
        assert.equal(e.status, 502);
        assert.match(e.message, new RegExp(`GET ${server.url}/repos/panjf2000/ants/commits/${target}: 502`));
        assert.match(e.message, /after 4 attempts/);
        return true;
      });
    assert.equal(lasting.hits, 4);
    assert.deepEqual(clock.sleeps, [500, 1000, 2000]);
    // The commits fetched before the failure were imported; the cursor lists the rest.
    const cursor = state(engine);
    assert.ok(cursor.commits.pending);
    assert.equal(cursor.commits.since, null);
    assert.equal(engine.commits.size + cursor.commits.pending.shas.length, 90);
    assert.ok(cursor.commits.pending.shas.includes(target));
    assert.ok(engine.commits.size >= 20);
    // A rerun fetches only the commits still pending, with no new list request.
    server.clearLog();
    const pendingShas = [...cursor.commits.pending.shas].sort();
    await syncGitHub(options(server, engine, clock));
    const fetched = server.log.filter((e) => /\/commits\/[0-9a-f]{40}$/.test(e.path)).map((e) => e.path.slice(-40)).sort();
    assert.deepEqual(fetched, pendingShas);
    // The list is not read again; only the list at the new cursor is read once (for its ETag).
    assert.deepEqual(server.log.filter((e) => e.path === `${P}/commits`).map((e) => e.query.since),
      [commits[0].commit.committer.date]);
    assert.equal(engine.commits.size, 90);
    assert.equal(state(engine).commits.since, commits[0].commit.committer.date);
  });

  test('incremental sync asks with since and fetches only what is new', async (t) => {
    if (!haveRealData(t)) return;
    const api = server.api;
    const cut = '2020-06-01T00:00:00Z';
    const engine = new EngineDouble();
    const clock = new FakeClock();
    api.asOf = cut;
    try {
      await syncGitHub(options(server, engine, clock));
      const old = api.commitList();
      const oldPulls = api.pullList({ sort: 'updated', direction: 'desc' });
      assert.ok(old.length > 10 && old.length < 90, `${old.length} commits before the cut`);
      assert.equal(engine.commits.size, old.length);
      const since = state(engine).commits.since;
      assert.equal(since, old[0].commit.committer.date);

      api.asOf = null;
      server.clearLog();
      await syncGitHub(options(server, engine, clock));
      const list = server.log.filter((e) => e.path === `${P}/commits`);
      // Asked with the stored since, then once more at the new cursor (for its ETag).
      const newSince = api.commitList()[0].commit.committer.date;
      assert.ok(list.every((e) => e.query.since === since || e.query.since === newSince));
      const sinceCount = api.commitList(since).length;
      assert.deepEqual(pagesOf(list.filter((e) => e.query.since === since), `${P}/commits`),
        Array.from({ length: Math.ceil(sinceCount / 7) }, (_, i) => i + 1));
      assert.equal(list.filter((e) => e.query.since === newSince).length, 1);
      const fetched = server.log.filter((e) => /\/commits\/[0-9a-f]{40}$/.test(e.path)).map((e) => e.path.slice(-40)).sort();
      const oldShas = new Set(old.map((c) => c.sha));
      const expected = api.commitList().filter((c) => !oldShas.has(c.sha)).map((c) => c.sha).sort();
      assert.deepEqual(fetched, expected);
      // PRs: the list stops at the first page reaching the cursor; only PRs updated after the
      // cursor get their lists read.
      const all = api.pullList({ sort: 'updated', direction: 'desc' });
      const newer = all.filter((p) => Date.parse(p.updated_at) > Date.parse(oldPulls[0].updated_at));
      assert.ok(newer.length > 0);
      assert.deepEqual(pagesOf(server.log, `${P}/pulls`), Array.from({ length: Math.floor(newer.length / 7) + 1 }, (_, i) => i + 1));
      const detailed = [...new Set(server.log.map((e) => /\/pulls\/(\d+)\/reviews$/.exec(e.path)?.[1]).filter(Boolean).map(Number))].sort((a, b) => a - b);
      assert.deepEqual(detailed, [...new Set(newer.map((p) => p.number))].sort((a, b) => a - b));
      assert.equal(engine.commits.size, 90);
      assert.equal(engine.pulls.size, 49);
      assert.equal(engine.reviews.size, 30);
    } finally {
      api.asOf = null;
    }
  });

  test('an aborted sync resumes after a reload from the stored cursor', async (t) => {
    if (!haveRealData(t)) return;
    const store = { state: new Map() };
    let engine = new EngineDouble(store);
    const clock = new FakeClock();
    const controller = new AbortController();
    server.clearLog();
    // Abort once 3 PRs have been synced completely.
    await assert.rejects(
      syncGitHub(options(server, engine, clock, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'pull-details' && p.done === 3) controller.abort();
        },
      })),
      (e) => e instanceof SyncError && e.code === 'cancelled');
    const cursor = state(engine);
    assert.equal(cursor.pulls.pending.numbers.length, 49 - 3);
    const firstRun = new Set(server.log.filter((e) => /\/pulls\/\d+\/reviews$/.test(e.path)).map((e) => e.path));
    assert.equal(firstRun.size, 3);

    // "Reload": a new engine over the same stored state (and the data imported so far).
    const reloaded = new EngineDouble(store);
    for (const k of ['commits', 'pulls', 'reviews', 'reviewComments', 'issueComments', 'prCommits']) reloaded[k] = engine[k];
    engine = reloaded;
    server.clearLog();
    await syncGitHub(options(server, engine, clock));
    // No list is read again; the 46 pending PRs get their lists, the first 3 do not.
    assert.equal(pagesOf(server.log, `${P}/pulls`).length, 0);
    assert.deepEqual(server.log.filter((e) => e.path === `${P}/commits`).map((e) => e.status), [304]);
    const secondRun = new Set(server.log.filter((e) => /\/pulls\/\d+\/reviews$/.test(e.path)).map((e) => e.path));
    assert.equal(secondRun.size, 46);
    for (const p of firstRun) assert.ok(!secondRun.has(p));
    assert.equal(engine.pulls.size, 49);
    assert.equal(engine.reviews.size, 30);
    assert.equal(state(engine).pulls.pending, null);
  });
});

describe('token and errors', { concurrency: false }, () => {
  let api;
  let other;
  before(async () => {
    if (!realDataPresent()) return;
    api = await startReplayServer({ token: TOKEN, pageSize: 7 });
    other = await startReplayServer({ pageSize: 7 });
  });
  after(async () => {
    await api?.close();
    await other?.close();
  });

  test('a redirect to another host is refused and the other host sees nothing', async (t) => {
    if (!haveRealData(t)) return;
    other.clearLog();
    api.inject({ match: (e) => e.path === `${P}/commits`, status: 302, headers: { location: `${other.url}${P}/commits?per_page=100` } });
    await assert.rejects(syncGitHub(options(api, new EngineDouble(), new FakeClock())),
      (e) => e.code === 'redirect_refused' && e.message.includes(other.url) && !e.message.includes(TOKEN));
    assert.equal(other.log.length, 0);
  });

  test('a Link header naming another host is not followed', async (t) => {
    if (!haveRealData(t)) return;
    other.clearLog();
    api.inject({ match: (e) => e.path === `${P}/pulls`, addHeaders: { link: `<${other.url}${P}/pulls?page=2>; rel="next"` } });
    await assert.rejects(syncGitHub(options(api, new EngineDouble(), new FakeClock())),
      (e) => e.code === 'refused_host' && e.message.includes(other.url));
    assert.equal(other.log.length, 0);
  });

  test('a redirect within the API is followed with the token', async (t) => {
    if (!haveRealData(t)) return;
    api.clearLog();
    const engine = new EngineDouble();
    api.inject({ match: (e) => e.path === `${P}/pulls/53/reviews`, status: 301, headers: { location: `${api.url}${P}/pulls/53/reviews?per_page=100` } });
    await syncGitHub(options(api, engine, new FakeClock()));
    const hops = api.log.filter((e) => e.path === `${P}/pulls/53/reviews` && !e.query.page);
    assert.deepEqual(hops.map((e) => [e.status, e.authorization]), [[301, `Bearer ${TOKEN}`], [200, `Bearer ${TOKEN}`]]);
    assert.equal(engine.reviews.size, 30);
  });

  test('without a token no Authorization header is sent; a rejected token is a clear 401', async (t) => {
    if (!haveRealData(t)) return;
    other.clearLog();
    const engine = new EngineDouble();
    await syncGitHub({ ...options(other, engine, new FakeClock()), token: null });
    assert.ok(other.log.length > 100);
    assert.ok(other.log.every((e) => e.authorization === null));
    await assert.rejects(syncGitHub({ ...options(api, new EngineDouble(), new FakeClock()), token: 'wrong' }),
      (e) => e.code === 'unauthorized' && e.status === 401 && /Bad credentials/.test(e.message) && /token was rejected/.test(e.message) && !e.message.includes('wrong'));
  });

  test('an unknown repository is a clear 404; a bad name is refused before any request', async (t) => {
    if (!haveRealData(t)) return;
    await assert.rejects(syncGitHub({ ...options(api, new EngineDouble(), new FakeClock()), repositories: ['panjf2000/nope'] }),
      (e) => e.code === 'not_found' && e.message.includes('panjf2000/nope does not exist or the token cannot see it'));
    api.clearLog();
    await assert.rejects(syncGitHub({ ...options(api, new EngineDouble(), new FakeClock()), repositories: ['../etc'] }),
      (e) => e.code === 'invalid_input');
    await assert.rejects(syncGitHub({ ...options(api, new EngineDouble(), new FakeClock()), apiBase: 'http://api.github.com' }),
      (e) => e.code === 'invalid_input' && /must be an https:\/\/ URL/.test(e.message));
    assert.equal(api.log.length, 0);
  });
});

describe('rate-limit edges and full re-reads', { concurrency: false }, () => {
  let server;
  before(async () => {
    if (!realDataPresent()) return;
    server = await startReplayServer({ token: TOKEN, pageSize: 7 });
  });
  after(async () => {
    await server?.close();
  });

  test('a response using up the allowance makes the next request wait for the reset', async (t) => {
    if (!haveRealData(t)) return;
    server.clearLog();
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const reset = Math.floor(clock.t / 1000) + 100;
    server.inject({
      match: (e) => e.path === `${P}/pulls` && !e.query.page,
      addHeaders: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    });
    let requestsWhenSleeping = null;
    clock.onSleep = async () => {
      requestsWhenSleeping = server.log.length;
    };
    await syncGitHub(options(server, engine, clock));
    assert.deepEqual(clock.sleeps, [(reset + 1) * 1000 - Date.parse('2026-11-28T12:00:00Z')]);
    // The wait came right after the first PR page; no 403 was provoked.
    const firstPull = server.log.findIndex((e) => e.path === `${P}/pulls`);
    assert.equal(requestsWhenSleeping, firstPull + 1);
    assert.ok(server.log.every((e) => e.status !== 403));
    assert.equal(engine.pulls.size, 49);
  });

  test('cancelling during a rate-limit wait stops the sync with the cursor stored', async (t) => {
    if (!haveRealData(t)) return;
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const controller = new AbortController();
    server.injectRateLimit((e) => e.path === `${P}/pulls/41/reviews`, Math.floor(clock.t / 1000) + 3600);
    clock.onSleep = async () => {
      controller.abort();
      throw controller.signal.reason;
    };
    await assert.rejects(syncGitHub(options(server, engine, clock, { signal: controller.signal })),
      (e) => e instanceof SyncError && e.code === 'cancelled' && e.message === 'the sync was cancelled');
    const cursor = state(engine);
    assert.ok(cursor.pulls.pending.numbers.includes(41));
    assert.equal(cursor.commits.pending, null);
  });

  test('a cancel that lands while a response body is read reports the cancel, not the DOMException', async (t) => {
    if (!haveRealData(t)) return;
    const engine = new EngineDouble();
    const clock = new FakeClock();
    const controller = new AbortController();
    let requests = 0;
    // What a browser does when the signal fires between the headers and the body: the body read
    // rejects with an AbortError whose message is the browser's (Chromium: "signal is aborted
    // without reason").
    const fetch = async (url, init) => {
      const response = await globalThis.fetch(url, init);
      if (++requests < 5) return response;
      controller.abort();
      return {
        status: response.status, type: response.type, headers: response.headers,
        arrayBuffer: async () => { throw new DOMException('signal is aborted without reason', 'AbortError'); },
      };
    };
    await assert.rejects(syncGitHub(options(server, engine, clock, { signal: controller.signal, fetch })),
      (e) => e instanceof SyncError && e.code === 'cancelled' && e.message === 'the sync was cancelled');
  });

  test('full: true reads everything again without conditions and changes nothing', async (t) => {
    if (!haveRealData(t)) return;
    const engine = new EngineDouble();
    const clock = new FakeClock();
    await syncGitHub(options(server, engine, clock));
    const before = engine.call('workspace.describe');
    server.clearLog();
    const summary = await syncGitHub(options(server, engine, clock, { full: true }));
    assert.ok(server.log.every((e) => e.ifNoneMatch === null));
    // Every request answers 200 but the contents the recordings lack (see the first test).
    assert.ok(server.log.every((e) => e.status === 200 || (e.status === 404 && e.path === `${P}/contents/go.mod`)));
    assert.equal(summary.repositories[0].commits, 90);
    assert.equal(summary.repositories[0].pullRequests, 49);
    assert.equal(engine.call('workspace.describe'), before);
  });
});

test('an API base with a path (GitHub Enterprise) keeps the token under that path', async (t) => {
  if (!haveRealData(t)) return;
  const server = await startReplayServer({ token: TOKEN, pageSize: 7, prefix: '/api/v3' });
  try {
    const engine = new EngineDouble();
    await syncGitHub(options(server, engine, new FakeClock(), { apiBase: `${server.url}/api/v3` }));
    assert.equal(engine.pulls.size, 49);
    assert.ok(server.log.every((e) => e.url.startsWith(`${server.url}/api/v3/repos/`)));
    // A Link to the same host but outside the base path is refused like another host.
    server.clearLog();
    server.inject({ match: (e) => e.path === `${P}/pulls/53/reviews`, addHeaders: { link: `<${server.url}/elsewhere/reviews?page=2>; rel="next"` } });
    await assert.rejects(syncGitHub(options(server, new EngineDouble(), new FakeClock(), { apiBase: `${server.url}/api/v3/` })),
      (e) => e.code === 'refused_host' && e.message.includes('/elsewhere/'));
    assert.ok(server.log.every((e) => !e.url.includes('/elsewhere/')));
  } finally {
    await server.close();
  }
});
