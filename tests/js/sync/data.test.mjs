// What a sync stores equals what importing the same recorded responses as files stores: the
// workspace bundle (every entity, deterministic bytes), the developer list and the counts. Run on
// every real engine that is built (engines.mjs): the wasm package under node and the native CLI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { syncGitHub } from '../../../wasm/js/sync/github.mjs';
import { engineKinds } from './engines.mjs';
import { REPO, RecordedApi, startReplayServer } from './replay_server.mjs';
import { FakeClock, assertSameJson, canonicalBundle, haveRealData } from './support.mjs';

const TOKEN = 'ghp_replayTestToken123';
const bytes = (value) => new TextEncoder().encode(JSON.stringify(value));
const parse = (v) => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * Imports the recorded responses the way a user would import saved API output: one file per
 * list, straight from the recordings (not through the replay server's pagination or sorting),
 * each PR's commit list with its PR named.
 */
async function importAsFiles(engine, api) {
  const numbers = new Set(api.pulls.map((p) => p.number));
  await engine.importBytes('commits.json', bytes(api.commitList().map((c) => api.singleCommit(c.sha))), { format: 'github-rest' });
  await engine.importBytes('pulls.json', bytes(api.pulls), { format: 'github-rest' });
  await engine.importBytes('reviews.json', bytes(api.reviews), { format: 'github-rest' });
  await engine.importBytes('review_comments.json', bytes(api.reviewComments), { format: 'github-rest' });
  // The sync reads the conversation of pull requests only (not of plain issues).
  const prComments = api.issueComments.filter((c) => numbers.has(Number(/\/issues\/(\d+)$/.exec(c.issue_url)[1])));
  await engine.importBytes('issue_comments.json', bytes(prComments), { format: 'github-rest' });
  for (const [n, list] of api.prCommits) {
    await engine.importBytes(`pr-${n}-commits.json`, bytes(list), { format: 'github-rest', pullRequest: `${REPO}#${n}` });
  }
}

// Developers without their ids (numbered in the order first seen), keyed by their identities.
function byIdentities(developers) {
  return developers.map(({ id, ...d }) => ({ ...d, identities: [...d.identities].sort() }))
    .sort((a, b) => a.identities.join().localeCompare(b.identities.join()));
}

async function snapshot(engine) {
  const bundle = await engine.call('workspace.exportBundle', {});
  const developers = await engine.call('developers.list', {});
  return {
    bundle: typeof bundle === 'string' ? bundle : JSON.stringify(bundle),
    developers: typeof developers === 'string' ? JSON.parse(developers) : developers,
  };
}

for (const kind of engineKinds()) {
  describe(`synced data equals the file import (${kind.name} engine)`, { concurrency: false }, () => {
    let server;
    let expected;
    const engines = [];
    const open = async (shared) => {
      const e = await kind.open(shared);
      engines.push(e);
      return e;
    };
    before(async () => {
      if (!kind.available() || !haveRealData({ name: kind.name, skip() {} })) return;
      server = await startReplayServer({ token: TOKEN, pageSize: 7 });
      const fileEngine = await open();
      await importAsFiles(fileEngine, new RecordedApi());
      expected = await snapshot(fileEngine);
    });
    after(async () => {
      await server?.close();
      for (const e of engines) await (e.close?.() ?? e.remove?.());
    });
    const sync = (engine, extra = {}) => syncGitHub({
      engine, token: TOKEN, repositories: [REPO], apiBase: server.url,
      now: new FakeClock().now, sleep: new FakeClock().sleep, ...extra,
    });

    test('a full sync stores what the file import stores', async (t) => {
      if (!kind.available()) return kind.skip(t);
      if (!haveRealData(t)) return;
      const engine = await open();
      await sync(engine);
      const got = await snapshot(engine);
      const bundle = JSON.parse(got.bundle);
      assert.equal(bundle.commits.length, 90);
      assert.equal(bundle.pull_requests.length, 49);
      assert.equal(bundle.reviews.length, 30);
      assert.ok(got.developers.length > 40);
      assertSameJson(canonicalBundle(got.bundle), canonicalBundle(expected.bundle), 'the bundles');
      assertSameJson(byIdentities(got.developers), byIdentities(expected.developers), 'the developer lists');
      if (kind.describe) {
        const counts = await kind.describe(engine);
        assert.deepEqual(counts, await kind.describe(engines[0]));
        assert.equal(counts.commits, 90);
        assert.equal(counts.pull_requests, 49);
        assert.equal(counts.reviews, 30);
      }

      // A second sync: 304s only, nothing imported, the same bytes.
      server.clearLog();
      const again = await sync(engine);
      assert.equal(again.repositories[0].imports, 0);
      assert.ok(server.log.every((e) => e.status === 304));
      assert.ok((await snapshot(engine)).bundle === got.bundle, 'the bundle changed on a sync without changes');
    });

    test('the package\'s own sync operation stores the same', async (t) => {
      if (!kind.available()) return kind.skip(t);
      if (!haveRealData(t)) return;
      const engine = await open();
      if (typeof engine.packageSync !== 'function') return t.skip('this engine kind has no package entry');
      server.clearLog();
      const summary = await engine.packageSync({ token: TOKEN, repositories: [REPO], apiBase: server.url, remember: false });
      assert.ok(server.log.every((e) => e.authorization === `Bearer ${TOKEN}`));
      assert.equal(summary.repositories[0].commits, 90);
      assert.equal(summary.repositories[0].pullRequests, 49);
      assertSameJson(canonicalBundle((await snapshot(engine)).bundle), canonicalBundle(expected.bundle), 'the bundles');
    });

    test('a rate limit and a 502 on the way change nothing in what is stored', async (t) => {
      if (!kind.available()) return kind.skip(t);
      if (!haveRealData(t)) return;
      const engine = await open();
      const clock = new FakeClock();
      const limit = server.injectRateLimit((e) => e.path === `/repos/${REPO}/pulls` && e.query.page === '2', Math.floor(clock.t / 1000) + 900);
      const bad = server.inject({ match: (e) => e.path === `/repos/${REPO}/pulls/53/commits` && e.query.page === '2', status: 502 });
      await sync(engine, { now: clock.now, sleep: clock.sleep });
      assert.equal(limit.hits, 1);
      assert.equal(bad.hits, 1);
      assert.deepEqual(clock.sleeps, [901_000, 1000]);
      assertSameJson(canonicalBundle((await snapshot(engine)).bundle), canonicalBundle(expected.bundle), 'the bundles');
    });

    test('an incremental sync ends where a full sync does', async (t) => {
      if (!kind.available()) return kind.skip(t);
      if (!haveRealData(t)) return;
      const engine = await open();
      server.api.asOf = '2020-06-01T00:00:00Z';
      try {
        await sync(engine);
        const partial = JSON.parse((await snapshot(engine)).bundle);
        assert.ok(partial.commits.length > 10 && partial.commits.length < 90);
      } finally {
        server.api.asOf = null;
      }
      await sync(engine);
      assertSameJson(canonicalBundle((await snapshot(engine)).bundle), canonicalBundle(expected.bundle), 'the bundles');
    });

    test('a sync cancelled half-way resumes on a new engine over the same storage', async (t) => {
      if (!kind.available()) return kind.skip(t);
      if (!kind.reopen) return t.skip('this engine kind cannot reopen its storage');
      if (!haveRealData(t)) return;
      const engine = await open();
      const controller = new AbortController();
      let stoppedAt = 0;
      await assert.rejects(sync(engine, {
        signal: controller.signal, importBatch: 20,
        onProgress: (p) => {
          if (p.phase === 'commit-details' && p.done >= 40 && !stoppedAt) {
            stoppedAt = p.done;
            controller.abort();
          }
        },
      }), (e) => e.code === 'cancelled');
      const half = JSON.parse((await snapshot(engine)).bundle);
      assert.ok(stoppedAt >= 40 && stoppedAt < 90);
      assert.equal(half.commits.length, stoppedAt);
      assert.equal(half.pull_requests.length, 0);
      const reloaded = await kind.reopen(engine);
      engines.push(reloaded);
      const pending = parse(await reloaded.call('sync.getState', { key: `github:${REPO}` })).value.commits.pending.shas;
      assert.equal(pending.length, 90 - stoppedAt);
      // Requests the cancel cut off may still reach the server (it runs in this process).
      await new Promise((resolve) => setTimeout(resolve, 200));
      server.clearLog();
      await sync(reloaded);
      const single = server.log.filter((e) => /\/commits\/[0-9a-f]{40}$/.test(e.path)).map((e) => e.path.slice(-40));
      assert.deepEqual(single.sort(), [...pending].sort());
      assertSameJson(canonicalBundle((await snapshot(reloaded)).bundle), canonicalBundle(expected.bundle), 'the bundles');
    });
  });
}
