// Shared pieces of the sync tests: the real-data gate, a fake clock, and engines.
import fs from 'node:fs';
import { REAL_DATA_DIR } from './replay_server.mjs';

/**
 * Whether the real data is there. When it is missing: prints LOUPE-SKIP and skips the test, or
 * fails it when LOUPE_REQUIRE_REAL_DATA=1.
 */
export function realDataPresent() {
  return fs.existsSync(`${REAL_DATA_DIR}/github-api/devlake-e2e-panjf2000-ants/raw_tables`) &&
    fs.existsSync(`${REAL_DATA_DIR}/git/panjf2000-ants.gitlog`);
}

export function haveRealData(t) {
  if (realDataPresent()) return true;
  const why = `${REAL_DATA_DIR}/github-api is missing (shared real data)`;
  if (process.env.LOUPE_REQUIRE_REAL_DATA === '1') throw new Error(`LOUPE_REQUIRE_REAL_DATA=1 but ${why}`);
  console.log(`LOUPE-SKIP: ${t.name}: ${why}`);
  t.skip(why);
  return false;
}

/** A clock the sync's now()/sleep() use: sleeping advances it at once and is recorded. */
export class FakeClock {
  constructor(start = Date.parse('2026-11-28T12:00:00Z')) {
    this.t = start;
    this.sleeps = [];
    this.onSleep = null;  // async hook, runs before the time advances
    this.now = () => this.t;
    this.sleep = async (ms, signal) => {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      this.sleeps.push(ms);
      if (this.onSleep) await this.onSleep(ms);
      this.t += ms;
    };
  }
}

/** Every `.log` entry's path plus its page (for assertions on pagination). */
export function pagesOf(log, path) {
  return log.filter((e) => e.path === path).map((e) => Number(e.query.page ?? 1));
}

// Identity fields of bundle entities (docs/bundle.md), by entity array.
const IDENTITY_FIELDS = {
  commits: ['author', 'committer', 'co_authors'],
  pull_requests: ['author', 'merged_by', 'requested_reviewers'],
  reviews: ['reviewer'],
  comments: ['author'],
};

/**
 * A bundle with identity indexes replaced by `kind:value` and identities as a sorted set (names
 * as sets): the bundle's identity order and name order are the order the data was first seen
 * in, which differs between a sync and a file import of the same responses; everything else in
 * a bundle is sorted by natural key already.
 */
export function canonicalBundle(text) {
  const b = JSON.parse(text);
  const key = (i) => (i === null || i === undefined ? i : `${b.identities[i].kind}:${b.identities[i].value}`);
  const out = { ...b };
  out.identities = b.identities.map((i) => ({ ...i, names: [...i.names].sort() }))
    .sort((x, y) => `${x.kind}:${x.value}`.localeCompare(`${y.kind}:${y.value}`));
  out.links = b.links.map(([x, y]) => [key(x), key(y)].sort()).sort((x, y) => x.join().localeCompare(y.join()));
  for (const [array, fields] of Object.entries(IDENTITY_FIELDS)) {
    out[array] = (b[array] ?? []).map((e) => {
      const c = { ...e };
      for (const f of fields) if (f in c) c[f] = Array.isArray(c[f]) ? c[f].map(key) : key(c[f]);
      return c;
    });
  }
  return out;
}

/** Where two JSON values first differ, as a path; values are not shown (they hold e-mails). */
export function firstDifference(a, b, path = '$') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${path}: types differ`;
  if (a === null || typeof a !== 'object') return a === b ? null : `${path}: values differ`;
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${path}: ${a.length} vs ${b.length} elements`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    if (!(k in a) || !(k in b)) return `${path}.${k}: only on one side`;
    const d = firstDifference(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** Fails naming the first difference, without printing either value. */
export function assertSameJson(actual, expected, what) {
  const d = firstDifference(actual, expected);
  if (d) throw new Error(`${what} differ at ${d}`);
}
